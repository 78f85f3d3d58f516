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
 * Gives a plot element its accessible role and name, unless the page set them: `role="application"` (the
 * element handles arrow keys itself), `aria-roledescription` = `roleDescription`, `aria-label` = `label` (kept
 * up to date; an author's own `aria-label` is left alone: the one set here is remembered in `data-auto-label`)
 * and `aria-description` = `summary`. Writes attributes only when they change. Shared by `<cluster-scatter>`
 * and `<token-cloud>`.
 */
export function setHostAria(host: HTMLElement, roleDescription: string, label: string, summary: string): void {
  if (!host.hasAttribute('role')) host.setAttribute('role', 'application');
  if (!host.hasAttribute('aria-roledescription')) host.setAttribute('aria-roledescription', roleDescription);
  const own = host.getAttribute('aria-label');
  if (own === null || own === host.dataset['autoLabel']) {
    host.setAttribute('aria-label', label);
    host.dataset['autoLabel'] = label;
  }
  if (host.getAttribute('aria-description') !== summary) host.setAttribute('aria-description', summary);
}

/** {@link setHostAria} for `<cluster-scatter>`: role description "scatter plot", label {@link plotLabel}. */
export function applyHostAria(el: ClusterScatter, summary: string): void {
  setHostAria(el, 'scatter plot', plotLabel(el), summary);
}
