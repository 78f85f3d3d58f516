import { KEYBOARD_HELP, setHostAria } from '../cluster-scatter/describe-plot.js';
import type { TokenCloud } from './token-cloud.component.js';

/** The preamble the cloud shows: the attribute, else the one preamble of its Arrow rows (null when none or several). */
export function shownPreamble(el: TokenCloud): string | null {
  if (el.preamble) return el.preamble;
  const p = el.tokenData.preambles;
  if (!p || p.length === 0) return null;
  return p.every((v) => v === p[0]) ? p[0]! : null;
}

/** "40 guesses for ‘…’ in 12 clusters" (the preamble cut to 80 characters). */
export function cloudLabel(el: TokenCloud): string {
  const n = el.tokenData.n, k = el.colors.clusterIds.length;
  const p = shownPreamble(el);
  const quoted = p === null ? '' : ` for ‘${p.length > 80 ? p.slice(0, 79) + '…' : p}’`;
  return `${n} guess${n === 1 ? '' : 'es'}${quoted} in ${k} cluster${k === 1 ? '' : 's'}`;
}

/** The accessible summary: label, how many are drawn as text, colour scheme, selection, keyboard help. */
export function cloudSummary(el: TokenCloud): string {
  const placed = el.placedCount;
  const scheme = el.colorScheme === 'categorical' ? 'categorical' : el.colorScheme && el.colorScheme !== 'tol-rainbow' ? el.colorScheme : 'Tol rainbow';
  return [
    `${cloudLabel(el)}.`,
    `${placed} shown as text, ${Math.max(0, el.tokenData.n - placed - el.hiddenCount)} as dots where labels would overlap.`,
    `Colour: ${scheme} by cluster.`,
    `${el._selected.length} selected.`,
    KEYBOARD_HELP,
  ].join(' ');
}

/** Role, role description "token cloud", label {@link cloudLabel} (unless the page set one) and description on the host. */
export function applyCloudAria(el: TokenCloud, summary: string): void {
  setHostAria(el, 'token cloud', cloudLabel(el), summary);
}
