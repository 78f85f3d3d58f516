// Loads the bench data in a child process: the default dataset (generated) or --embeddings/--clusters files.
// Uses the built packages (packages/*/dist) through the workspace links in bench/node_modules.
import { readFile } from 'node:fs/promises';
import { generateNotebookDataset, loadDataset } from '@clamp-viz/io';

/**
 * @param {{preambles: number, dataSeed: number, embeddings?: string, clusters?: string}} o
 * @returns {Promise<{matrix: {data: Float32Array, rows: number, cols: number}, labels: Int32Array | undefined, data: string}>}
 */
export async function loadBenchData(o) {
  if (!o.embeddings) {
    const ds = generateNotebookDataset({ preambles: o.preambles, seed: o.dataSeed });
    return { matrix: ds.matrix, labels: ds.clusterIds, data: `default dataset (preambles ${o.preambles}, seed ${o.dataSeed})` };
  }
  const bytes = new Uint8Array(await readFile(o.embeddings));
  const clusters = o.clusters ? { text: await readFile(o.clusters, 'utf8'), fileName: o.clusters } : undefined;
  const ds = await loadDataset({ embeddings: { bytes, fileName: o.embeddings }, ...(clusters ? { clusters } : {}) });
  return { matrix: ds.matrix, labels: clusters ? ds.clusterIds : undefined, data: o.clusters ? `${o.embeddings} + ${o.clusters}` : o.embeddings };
}
