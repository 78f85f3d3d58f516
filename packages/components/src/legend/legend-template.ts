import { html, type TemplateResult } from 'lit';
import type { PointColors } from '../color/point-colors.js';
import type { ClusterSummary } from './cluster-summary.js';

/** One legend row. */
export interface LegendItem {
  readonly rank: number;
  readonly id: number;
  readonly count: number;
  /** 0xRRGGBB. */
  readonly rgb: number;
}

export interface LegendHandlers {
  /** Pointer or keyboard focus entered (rank) or left (-1) a row. */
  focus(rank: number): void;
  /** A row was clicked: show/hide its cluster. */
  toggle(rank: number): void;
}

/**
 * The legend: one toggle button per cluster with its colour, id and count (all text, no HTML).
 * `aria-pressed` is true while the cluster is shown. Hover/focus highlights, click filters.
 */
export function legendTemplate(items: readonly LegendItem[], hidden: ReadonlySet<number>, on: LegendHandlers): TemplateResult {
  return html`<ul part="legend" aria-label="Clusters">
    ${items.map(
      (item) => html`<li>
        <button
          part="legend-item"
          data-rank=${item.rank}
          aria-pressed=${hidden.has(item.rank) ? 'false' : 'true'}
          @pointerenter=${() => on.focus(item.rank)}
          @pointerleave=${() => on.focus(-1)}
          @focus=${() => on.focus(item.rank)}
          @blur=${() => on.focus(-1)}
          @click=${() => on.toggle(item.rank)}
        ><span part="legend-swatch" style="background:#${item.rgb.toString(16).padStart(6, '0')}"></span>cluster ${item.id} <span part="legend-count">${item.count}<span class="visually-hidden"> points</span></span></button>
      </li>`,
    )}
  </ul>`;
}

/** Legend rows from the drawn colours and the cluster summary (colour read at each cluster's first row). O(k). */
export function legendItems(colors: PointColors, summary: ClusterSummary): LegendItem[] {
  const { counts, first } = summary;
  const rgba = colors.rgba;
  return Array.from(colors.clusterIds, (id, rank) => {
    const o = 4 * first[rank]!;
    return { rank, id, count: counts[rank]!, rgb: (rgba[o]! << 16) | (rgba[o + 1]! << 8) | rgba[o + 2]! };
  });
}
