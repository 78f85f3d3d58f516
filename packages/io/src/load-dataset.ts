import { joinDataset, type JoinOptions } from './join-dataset.js';
import { readClusters } from './read-clusters.js';
import { readEmbeddings } from './read-embeddings.js';
import type { Dataset } from './types.js';

export interface DatasetSources {
  /** The embeddings file (Parquet, Arrow IPC or NPY) as bytes. */
  embeddings: { bytes: Uint8Array; fileName?: string; column?: string };
  /** The clusters TSV/CSV, as text or UTF-8 bytes. Optional: without it every row is cluster 0. */
  clusters?: { text?: string; bytes?: Uint8Array; fileName?: string; delimiter?: '\t' | ',' };
}

export type LoadDatasetOptions = JoinOptions;

/**
 * The notebook's load cell in one call: {@link readEmbeddings}, {@link readClusters} and
 * {@link joinDataset}. Takes bytes/text (no file system access), so it runs in Node, browsers
 * and Workers. Inputs are not modified.
 *
 * ```ts
 * const ds = await loadDataset({
 *   embeddings: { bytes: await readFile(p), fileName: p },
 *   clusters: { text: await readFile(c, 'utf8'), fileName: c },
 * });
 * ds.matrix; // n×d float32, ds.clusterIds: Int32Array, ds.table: Arrow table
 * ```
 *
 * @throws DataError for any bad input (see the three functions).
 */
export async function loadDataset(sources: DatasetSources, options: LoadDatasetOptions = {}): Promise<Dataset> {
  const emb = await readEmbeddings(sources.embeddings.bytes, {
    fileName: sources.embeddings.fileName ?? 'embeddings',
    ...(sources.embeddings.column === undefined ? {} : { column: sources.embeddings.column }),
  });
  const c = sources.clusters;
  if (c === undefined) return joinDataset(emb, undefined, options);
  const input = c.text ?? c.bytes;
  if (input === undefined) throw new TypeError('sources.clusters needs `text` or `bytes`');
  const clusters = readClusters(input, {
    fileName: c.fileName ?? 'clusters.tsv',
    ...(c.delimiter === undefined ? {} : { delimiter: c.delimiter }),
  });
  return joinDataset(emb, clusters, options);
}
