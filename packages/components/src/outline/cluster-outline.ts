/**
 * An outline of one cluster: closed polygons ("rings") in the plot's data coordinates (the same units
 * as `x`/`y`), each an interleaved `[x0, y0, x1, y1, …]` array; the last vertex joins the first.
 */
export interface ClusterOutline {
  readonly clusterId: number;
  readonly rings: readonly (Float32Array | Float64Array)[];
}
