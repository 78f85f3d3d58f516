// Seeded benchmark data shared by the render bench page (main.ts) and the diagnostic probe (probe.ts).

/** Clusters of the benchmark data (the notebook's ~300 mixture components). */
export const CLUSTERS = 300;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n points in 300 Gaussian blobs inside [-1, 1]² (regl-scatterplot wants NDC), seeded. */
export function makeData(n: number, seed = 42): { x: Float32Array; y: Float32Array; xy: Float32Array; cluster: Int32Array } {
  const rng = mulberry32(seed);
  const centres = Float64Array.from({ length: 2 * CLUSTERS }, () => (rng() - 0.5) * 1.6);
  const x = new Float32Array(n), y = new Float32Array(n), xy = new Float32Array(2 * n), cluster = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rng() * CLUSTERS);
    const r = 0.03 * Math.sqrt(-2 * Math.log(1 - rng()));
    const a = 2 * Math.PI * rng();
    x[i] = xy[2 * i] = Math.max(-1, Math.min(1, centres[2 * c]! + r * Math.cos(a)));
    y[i] = xy[2 * i + 1] = Math.max(-1, Math.min(1, centres[2 * c + 1]! + r * Math.sin(a)));
    cluster[i] = c;
  }
  return { x, y, xy, cluster };
}
