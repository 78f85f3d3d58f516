import { writeClustersTsv } from '../write-clusters-tsv.js';
import { writeEmbeddingsParquet } from '../write-embeddings-parquet.js';
import type { NotebookDataset } from './generate-notebook-dataset.js';

/** The notebook's two input files, as bytes and text. */
export interface NotebookDatasetFiles {
  /** Parquet: `preamble`, `guess` (string) and `embedding` (list<float32>), as the notebook's `read_parquet` reads. */
  readonly parquet: Uint8Array;
  /** Tab-separated: `preamble`, `guess`, `cluster_id`, `probability`, as the notebook's `read_csv(separator="\t")` reads. */
  readonly tsv: string;
}

/**
 * Writes a generated dataset as the notebook's two files (embeddings Parquet and clusters TSV), which
 * `loadDataset` joins back 1:1 on (preamble, guess). Copies; O(n·d). `ds` is not modified.
 * The clusters file lists rows in a different order from the embeddings (sorted by cluster id, like a
 * clustering pipeline's output), so the join really is by key.
 */
export async function notebookDatasetFiles(ds: NotebookDataset): Promise<NotebookDatasetFiles> {
  const n = ds.preambles.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => ds.clusterIds[a] - ds.clusterIds[b] || a - b);
  const tsv = writeClustersTsv({
    preambles: order.map((i) => ds.preambles[i]),
    guesses: order.map((i) => ds.guesses[i]),
    clusterIds: Int32Array.from(order, (i) => ds.clusterIds[i]),
    extra: { probability: order.map((i) => Number(ds.probabilities[i].toFixed(4))) },
  });
  const parquet = await writeEmbeddingsParquet({ preambles: ds.preambles, guesses: ds.guesses, matrix: ds.matrix });
  return { parquet, tsv };
}
