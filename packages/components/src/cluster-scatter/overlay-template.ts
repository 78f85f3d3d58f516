import { html, nothing, svg, type TemplateResult } from 'lit';
import type { DragTool } from '../controllers/pointer-controller.js';

/** What the overlay shows: a selection sketch, a tooltip and the live-region text. */
export interface OverlayState {
  readonly sketch: { path: Float64Array; tool: DragTool } | null;
  /** Tooltip text and the hovered point's position (CSS px), or null. */
  readonly tooltip: { text: string; x: number; y: number; width: number; height: number } | null;
  readonly announcement: string;
}

/**
 * SVG lasso/rectangle sketch, the tooltip (text only: bound as a text node, so `<img …>` in a token
 * stays text) placed beside the point and kept inside the plot, and a polite live region.
 */
export function overlayTemplate(state: OverlayState): TemplateResult {
  const { sketch, tooltip } = state;
  let shape: TemplateResult | typeof nothing = nothing;
  if (sketch && sketch.tool === 'rect' && sketch.path.length >= 4) {
    const [x0, y0, x1, y1] = sketch.path as unknown as [number, number, number, number];
    shape = svg`<rect x=${Math.min(x0, x1)} y=${Math.min(y0, y1)} width=${Math.abs(x1 - x0)} height=${Math.abs(y1 - y0)}></rect>`;
  } else if (sketch) {
    shape = svg`<polygon points=${Array.from(sketch.path, (v) => v.toFixed(1)).join(' ')}></polygon>`;
  }
  let tip: TemplateResult | typeof nothing = nothing;
  if (tooltip) {
    const left = tooltip.x > tooltip.width * 0.6 ? `right:${(tooltip.width - tooltip.x + 10).toFixed(1)}px` : `left:${(tooltip.x + 10).toFixed(1)}px`;
    const top = tooltip.y > tooltip.height * 0.6 ? `bottom:${(tooltip.height - tooltip.y + 10).toFixed(1)}px` : `top:${(tooltip.y + 10).toFixed(1)}px`;
    tip = html`<div part="tooltip" role="tooltip" style="${left};${top}">${tooltip.text}</div>`;
  }
  return html`${sketch ? html`<svg part="sketch" aria-hidden="true">${shape}</svg>` : nothing}${tip}<div
      part="live" class="visually-hidden" aria-live="polite">${state.announcement}</div>`;
}
