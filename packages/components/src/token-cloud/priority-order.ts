import type { TokenCloud } from './token-cloud.component.js';

/**
 * The order `<token-cloud>` places its labels in, highest priority first: the hovered label, the selected ones,
 * the legend's highlighted cluster, then input order; hidden clusters left out. The order without the hover is
 * cached per (labels, summary, selection, hidden clusters, legend focus), so a hover change costs one copy of
 * it (O(n) memcpy) instead of a rebuild. Returned arrays are shared: read them, never mutate them.
 */
export class PriorityOrder {
  private cache: { key: unknown[]; base: Uint32Array; order: Uint32Array } | null = null;

  /** The order for the element's current state. O(1) cached, O(n) after a hover change, O(n) rebuild otherwise. */
  get(el: TokenCloud): Uint32Array {
    const h = el._hovered;
    const key = [el.tokenData, el.summary, el._selected, el._hidden, el._focusRank, h];
    const c = this.cache;
    if (c && c.key.every((v, i) => v === key[i])) return c.order;
    const base = c && c.key.every((v, i) => i === 5 || v === key[i]) ? c.base : baseOrder(el);
    let order = base;
    const at = h >= 0 && !(el._hidden.size && el._hidden.has(el.summary.rank[h]!)) ? base.indexOf(h) : -1;
    if (at > 0) {
      order = new Uint32Array(base.length);
      order[0] = h;
      order.set(base.subarray(0, at), 1);
      order.set(base.subarray(at + 1), at + 1);
    }
    this.cache = { key, base, order };
    return order;
  }
}

/** Priority order without the hovered label. O(n). */
function baseOrder(el: TokenCloud): Uint32Array {
  const n = el.tokenData.n, rank = el.summary.rank, hidden = el._hidden, focus = el._focusRank;
  const out = new Uint32Array(n);
  let m = 0;
  const taken = new Uint8Array(n);
  const take = (i: number) => {
    if (i < 0 || i >= n || taken[i] || (hidden.size && hidden.has(rank[i]!))) return;
    taken[i] = 1;
    out[m++] = i;
  };
  for (const i of el._selected) take(i);
  if (focus >= 0) for (let i = 0; i < n; i++) if (rank[i] === focus) take(i);
  for (let i = 0; i < n; i++) take(i);
  return out.slice(0, m);
}

/** The highlighted cluster rank: the legend row under the pointer, else (hover-dim) the hovered label's; -1 none. O(1). */
export function focusRank(el: TokenCloud): number {
  if (el._focusRank >= 0) return el._focusRank;
  const h = el._hovered;
  return el.hoverDim && h >= 0 && el.colors.clusterIds.length > 1 ? el.summary.rank[h] ?? -1 : -1;
}

/** n flags: 1 for labels dimmed: outside an active selection, or outside the highlighted cluster (the hovered label never). O(n). */
export function dimmedFlags(el: TokenCloud): Uint8Array {
  const n = el.tokenData.n, focus = focusRank(el), rank = el.summary.rank;
  const flags = new Uint8Array(n);
  if (el._selected.length === 0 && focus < 0) return flags;
  if (el._selected.length) {
    flags.fill(1);
    for (const k of el._selected) flags[k] = 0;
  }
  if (focus >= 0) for (let i = 0; i < n; i++) if (rank[i] !== focus) flags[i] = 1;
  if (el._hovered >= 0 && el._hovered < n) flags[el._hovered] = 0;
  return flags;
}
