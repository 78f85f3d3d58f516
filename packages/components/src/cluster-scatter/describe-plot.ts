import { formatRampValue } from '../legend/legend-template.js';
import type { ClusterScatter } from './cluster-scatter.component.js';

/** Keyboard help included in the plot's accessible description. */
export const KEYBOARD_HELP = 'Arrow keys pan, plus and minus zoom, 0 fits the view, Escape clears the selection.';

/** The canvas label: "Scatter plot of N points in K clusters". */
export function plotLabel(el: ClusterScatter): string {
  const k = el.colors.clusterIds.length;
  return `Scatter plot of ${el.points.n} points in ${k} cluster${k === 1 ? '' : 's'}`;
}

/**
 * The accessible summary of what is shown (used as the plot's ARIA description): point and cluster
 * counts, colour scheme (with the value range for continuous colours), selection count, hidden
 * clusters and the keyboard help. Text only. O(hidden clusters).
 */
export function plotSummary(el: ClusterScatter): string {
  const ramp = el.colors.ramp;
  const colour = ramp
    ? `Colour: ${ramp.scheme} scale of ${ramp.by === 'value' ? el.valueColumn || 'value' : 'cluster id'} from ${formatRampValue(ramp.min)} to ${formatRampValue(ramp.max)}.`
    : `Colour: ${el.colorScheme === 'tol-rainbow' ? 'Tol rainbow' : 'categorical'} by cluster.`;
  const hidden = el.hiddenClusterIds;
  const parts = [
    `${plotLabel(el)}.`,
    colour,
    `${el._selected.length} point${el._selected.length === 1 ? '' : 's'} selected.`,
    hidden.length ? `Hidden clusters: ${Array.from(hidden).join(', ')}.` : 'No clusters hidden.',
    KEYBOARD_HELP,
  ];
  return parts.join(' ');
}

/**
 * Gives the host its accessible role and name (unless the page set them): `role="application"` (the
 * plot handles arrow keys itself), `aria-roledescription="scatter plot"`, `aria-label` = {@link plotLabel}
 * (kept up to date; an author's own `aria-label` is left alone) and `aria-description` = `summary`.
 */
export function applyHostAria(el: ClusterScatter, summary: string): void {
  if (!el.hasAttribute('role')) el.setAttribute('role', 'application');
  if (!el.hasAttribute('aria-roledescription')) el.setAttribute('aria-roledescription', 'scatter plot');
  const label = plotLabel(el);
  const own = el.getAttribute('aria-label');
  if (own === null || own === el.dataset['autoLabel']) {
    el.setAttribute('aria-label', label);
    el.dataset['autoLabel'] = label;
  }
  if (el.getAttribute('aria-description') !== summary) el.setAttribute('aria-description', summary);
}
