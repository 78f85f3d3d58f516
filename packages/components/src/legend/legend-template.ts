import { html, nothing, type TemplateResult } from 'lit';
import type { ColorRamp, PointColors } from '../color/point-colors.js';
import type { ClusterSummary } from './cluster-summary.js';

/** One legend row. */
export interface LegendItem {
  readonly rank: number;
  readonly id: number;
  readonly count: number;
  /** 0xRRGGBB, or -1 for no swatch (points of the cluster have many colours: value colouring). */
  readonly rgb: number;
}

export interface LegendHandlers {
  /** Pointer or keyboard focus entered (rank) or left (-1) a row. */
  focus(rank: number): void;
  /** A row was clicked: show/hide its cluster. */
  toggle(rank: number): void;
}

/**
 * The legend: for continuous colours first a min→max ramp (`legend-ramp`: gradient, `legend-min` /
 * `legend-max` text, a caption naming what is mapped), then one toggle button per cluster with its
 * colour (none under value colouring), id and count (all text, no HTML). `aria-pressed` is true while
 * the cluster is shown. Hover/focus highlights, click filters.
 */
export function legendTemplate(
  items: readonly LegendItem[], hidden: ReadonlySet<number>, on: LegendHandlers, ramp?: ColorRamp, rampLabel = 'value',
): TemplateResult {
  return html`<ul part="legend" aria-label=${ramp ? 'Colour scale and clusters' : 'Clusters'}>
    ${ramp ? rampTemplate(ramp, rampLabel) : nothing}
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
        >${item.rgb >= 0 ? html`<span part="legend-swatch" style="background:#${item.rgb.toString(16).padStart(6, '0')}"></span>` : nothing}cluster ${item.id} <span part="legend-count">${item.count}<span class="visually-hidden"> points</span></span></button>
      </li>`,
    )}
  </ul>`;
}

/**
 * Legend rows from the drawn colours and the cluster summary (colour read at each cluster's first row;
 * no swatch when colours come from `value`, since a cluster's points then differ). O(k).
 */
export function legendItems(colors: PointColors, summary: ClusterSummary): LegendItem[] {
  const { counts, first } = summary;
  const rgba = colors.rgba;
  const swatches = colors.ramp?.by !== 'value';
  return Array.from(colors.clusterIds, (id, rank) => {
    const o = 4 * first[rank]!;
    return { rank, id, count: counts[rank]!, rgb: swatches ? (rgba[o]! << 16) | (rgba[o + 1]! << 8) | rgba[o + 2]! : -1 };
  });
}

/** A number for the ramp ends: up to 4 significant digits, no exponent for ordinary magnitudes. */
export function formatRampValue(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e6 ? String(Number(v.toPrecision(4))) : v.toExponential(2);
}

function rampTemplate(ramp: ColorRamp, label: string): TemplateResult {
  const gradient = `linear-gradient(to right, ${ramp.stops.join(', ')})`;
  const min = formatRampValue(ramp.min), max = formatRampValue(ramp.max);
  return html`<li part="legend-ramp" role="img" aria-label=${`${label}: ${min} to ${max}, ${ramp.scheme} colour scale`}>
    <span part="legend-ramp-label">${label}</span>
    <span part="legend-ramp-bar" style=${`background:${gradient}`}></span>
    <span part="legend-ramp-range"><span part="legend-min">${min}</span><span part="legend-max">${max}</span></span>
  </li>`;
}
