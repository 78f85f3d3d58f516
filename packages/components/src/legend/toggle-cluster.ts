/** What a legend click needs of its element: the hidden cluster ranks, the cluster ids by rank and the live region. */
export interface LegendToggleTarget {
  _hidden: ReadonlySet<number>;
  readonly colors: { readonly clusterIds: Int32Array };
  announce(text: string): void;
}

/**
 * A legend click on cluster `rank`: hides it when shown, shows it when hidden (a new Set, so lit sees the change)
 * and announces the result ("cluster 12 hidden"). Shared by `<cluster-scatter>` and `<token-cloud>`. O(hidden clusters).
 */
export function toggleCluster(el: LegendToggleTarget, rank: number): void {
  const hidden = new Set(el._hidden);
  if (!hidden.delete(rank)) hidden.add(rank);
  el._hidden = hidden;
  el.announce(`cluster ${el.colors.clusterIds[rank]} ${hidden.has(rank) ? 'hidden' : 'shown'}`);
}
