import type { Matrix } from '@clamp-viz/projection';
import type { Table } from 'apache-arrow';

export type { Matrix };

/** Container formats recognised by {@link detectFormat}. */
export type EmbeddingFormat = 'parquet' | 'arrow' | 'arrow-stream' | 'npy';

/** Embeddings as read from one file: a dense n×d matrix and, when the file has them, the key columns. */
export interface EmbeddingTable {
  /** n×d row-major float32, owned by this object (a fresh copy of the file's values). */
  readonly matrix: Matrix<Float32Array>;
  /** `preamble` key column (length n) when the file has both key columns. */
  readonly preambles?: string[];
  /** `guess` key column (length n) when the file has both key columns. */
  readonly guesses?: string[];
  readonly fileName: string;
  readonly format: EmbeddingFormat;
}

/** A value of an extra (non-key) clusters column: numbers when the whole column is numeric, else strings. */
export type ExtraValue = string | number | null;

/** The clusters file, column by column, in file order. */
export interface ClusterTable {
  readonly preambles: string[];
  readonly guesses: string[];
  readonly clusterIds: Int32Array;
  /** Other columns in header order. A column is numeric when every non-empty cell is a number (empty → null). */
  readonly extra: Record<string, ExtraValue[]>;
  readonly fileName: string;
}

/** Rows of one side that found no partner in the other. */
export interface UnmatchedRows {
  readonly file: string;
  readonly count: number;
  /** Up to 5 examples, 1-based data rows of that file. */
  readonly examples: readonly { row: number; preamble: string; guess: string }[];
}

/** What {@link joinDataset} did. */
export interface JoinReport {
  /** `'keys'`: joined on (preamble, guess); `'row-order'`: paired by row; `'none'`: no clusters file. */
  readonly mode: 'keys' | 'row-order' | 'none';
  readonly rows: number;
  /** Embedding rows without a clusters row (dropped when `unmatched: 'drop'`). */
  readonly unmatchedEmbeddings: UnmatchedRows;
  /** Clusters rows without an embedding row (dropped when `unmatched: 'drop'`). */
  readonly unmatchedClusters: UnmatchedRows;
}

/** The joined data set, rows in the embeddings file's order. */
export interface Dataset {
  /**
   * Columns `preamble`, `guess` (Utf8), `cluster_id` (Int32), the extra clusters columns, and
   * `embedding` (FixedSizeList<Float32>[d]) whose child values are `matrix.data` (no copy).
   */
  readonly table: Table;
  readonly matrix: Matrix<Float32Array>;
  readonly clusterIds: Int32Array;
  readonly preambles: string[];
  readonly guesses: string[];
  readonly extra: Record<string, ExtraValue[]>;
  readonly report: JoinReport;
}
