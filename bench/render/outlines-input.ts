// Input of the auto-outlines probe (outlines-probe.ts in the page, outlines-probe.mjs in Node): the render
// bench's seeded data (data.ts: n points, 300 clusters) as autoOutlines takes it, and a summary of its result.
// `story` instead: the 1M story's data (stories/fixtures/gaussian-blobs.ts, seed 7, 300 clusters, spread over [-20, 20]²).
import { CLUSTERS, makeData } from './data.js';
import { gaussianBlobs } from '../../stories/fixtures/gaussian-blobs.js';

/** Interleaved n×2 positions and cluster ids 0…299 of the chosen data set. */
export function outlinesData(n: number, data: 'bench' | 'story'): { xy: Float32Array; cluster: Int32Array } {
  if (data === 'story') {
    const { positions, cluster } = gaussianBlobs(n, CLUSTERS, 7);
    return { xy: positions, cluster };
  }
  return makeData(n);
}

/** n×2 positions about (0, 0), per-point cluster rank and the 300 ids (every id occurs at these sizes). */
export function outlinesInput(n: number, data: 'bench' | 'story'): { rel: Float32Array; rank: Float32Array; ids: Int32Array } {
  const { xy, cluster } = outlinesData(n, data);
  return { rel: xy, rank: Float32Array.from(cluster), ids: Int32Array.from({ length: CLUSTERS }, (_, c) => c) };
}

/** Outline count, vertex count and total ring area (shoelace), to check that two runs give the same hulls. */
export function outlinesSummary(outlines: { rings: ArrayLike<number>[] }[]): { outlines: number; vertices: number; area: number } {
  let vertices = 0, area = 0;
  for (const o of outlines) {
    for (const r of o.rings) {
      const m = r.length / 2;
      vertices += m;
      let s = 0;
      for (let v = 0; v < m; v++) {
        const w = (v + 1) % m;
        s += r[2 * v]! * r[2 * w + 1]! - r[2 * w]! * r[2 * v + 1]!;
      }
      area += Math.abs(s) / 2;
    }
  }
  return { outlines: outlines.length, vertices, area: Math.round(area * 1e6) / 1e6 };
}
