/**
 * Split an n×2 row-major layout into the notebook's column pair `{x_<method>, y_<method>}`
 * (e.g. `x_umap`, `y_umap`), for {@link writeProjection}. Copies; O(n). `xy` is not modified.
 *
 * @throws RangeError for an odd length or a method name that is not `[A-Za-z0-9_]+`.
 */
export function projectionColumns(method: string, xy: Float32Array | Float64Array): Record<string, Float32Array> {
  if (!/^[A-Za-z0-9_]+$/.test(method)) {
    throw new RangeError(`method = ${JSON.stringify(method)}: must be letters, digits or _ (it becomes the column names x_<method>, y_<method>)`);
  }
  if (xy.length % 2 !== 0) throw new RangeError(`xy.length = ${xy.length}: an n×2 layout has an even length`);
  const n = xy.length / 2;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = xy[2 * i]!;
    y[i] = xy[2 * i + 1]!;
  }
  return { [`x_${method}`]: x, [`y_${method}`]: y };
}
