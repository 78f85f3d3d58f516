import { DataError, describe } from './data-error.js';
import { datasetTable } from './dataset-table.js';
import { keyIndex } from './key-index.js';
import type { ClusterTable, Dataset, EmbeddingTable, ExtraValue, JoinReport, Matrix, UnmatchedRows } from './types.js';

export interface JoinOptions {
  /**
   * Rows of either file without a partner: `'error'` (default) throws a `DataError` with counts
   * and examples; `'drop'` leaves them out (an inner join) and lists them in `report`.
   */
  unmatched?: 'error' | 'drop';
}

const EXAMPLES = 5;

/**
 * Join embeddings with clusters, like the notebook's
 * `embeddings_df.join(clusters_df, on=["preamble", "guess"], validate="1:1")`.
 *
 * - Embeddings with key columns are joined on (preamble, guess), compared byte for byte; a key
 *   duplicated within either file is an error naming the key and both rows.
 * - Embeddings without keys (NPY, or a bare embedding column) pair with the clusters by row
 *   order; the row counts must agree.
 * - Without `clusters`, every row gets cluster 0 (and empty keys if the file had none).
 *
 * Rows come out in the embeddings file's order (polars' inner join keeps the left order). When no
 * embedding row is dropped, `matrix` is `emb.matrix` itself (no copy); otherwise the kept rows are
 * copied. The inputs are never modified. O(n·d) worst case, O(n) expected for the keys.
 *
 * @throws DataError `duplicate-key`, `unmatched-rows`, `row-count-mismatch`, `no-rows`.
 */
export function joinDataset(emb: EmbeddingTable, clusters?: ClusterTable, options: JoinOptions = {}): Dataset {
  const n = emb.matrix.rows;
  const none = (file: string): UnmatchedRows => ({ file, count: 0, examples: [] });
  if (clusters === undefined) {
    const blank = (): string[] => new Array<string>(n).fill('');
    const preambles = emb.preambles?.slice() ?? blank();
    const guesses = emb.guesses?.slice() ?? blank();
    const report: JoinReport = { mode: 'none', rows: n, unmatchedEmbeddings: none(emb.fileName), unmatchedClusters: none('') };
    return finish(emb.matrix, preambles, guesses, new Int32Array(n), {}, report);
  }
  if (emb.preambles === undefined || emb.guesses === undefined) {
    const m = clusters.preambles.length;
    if (m !== n) {
      throw new DataError({
        code: 'row-count-mismatch',
        file: emb.fileName,
        rule:
          `the embeddings have no preamble/guess columns, so they pair with ${clusters.fileName} by row order, ` +
          `but the embeddings have ${n} rows and ${clusters.fileName} has ${m} data rows`,
      });
    }
    const report: JoinReport = { mode: 'row-order', rows: n, unmatchedEmbeddings: none(emb.fileName), unmatchedClusters: none(clusters.fileName) };
    const extra = mapExtra(clusters.extra, (values) => values.slice());
    return finish(emb.matrix, clusters.preambles.slice(), clusters.guesses.slice(), clusters.clusterIds.slice(), extra, report);
  }
  return joinOnKeys(emb as Required<EmbeddingTable>, clusters, options.unmatched ?? 'error');
}

function joinOnKeys(emb: Required<EmbeddingTable>, clusters: ClusterTable, unmatched: 'error' | 'drop'): Dataset {
  const n = emb.matrix.rows;
  keyIndex(emb.preambles, emb.guesses, emb.fileName); // duplicates in the embeddings file
  const index = keyIndex(clusters.preambles, clusters.guesses, clusters.fileName);
  const partner = new Int32Array(n);
  const matched = new Uint8Array(clusters.preambles.length);
  const lonelyEmb: number[] = [];
  for (let i = 0; i < n; i++) {
    const j = index.get(emb.preambles[i]!, emb.guesses[i]!);
    if (j === undefined) {
      partner[i] = -1;
      lonelyEmb.push(i);
    } else {
      partner[i] = j;
      matched[j] = 1;
    }
  }
  const lonelyClusters: number[] = [];
  matched.forEach((m, j) => m === 0 && lonelyClusters.push(j));
  const report: JoinReport = {
    mode: 'keys',
    rows: n - lonelyEmb.length,
    unmatchedEmbeddings: describeRows(emb.fileName, lonelyEmb, emb.preambles, emb.guesses),
    unmatchedClusters: describeRows(clusters.fileName, lonelyClusters, clusters.preambles, clusters.guesses),
  };
  if ((lonelyEmb.length > 0 || lonelyClusters.length > 0) && unmatched === 'error') {
    throw unmatchedError(report, n, clusters.preambles.length);
  }
  if (report.rows === 0) {
    throw new DataError({
      code: 'no-rows',
      file: emb.fileName,
      rule: `no (preamble, guess) key of ${emb.fileName} occurs in ${clusters.fileName}; keys are compared byte for byte (check leading spaces)`,
    });
  }
  const kept = lonelyEmb.length === 0 ? null : Int32Array.from({ length: n }, (_, i) => i).filter((i) => partner[i]! >= 0);
  const rows = kept ?? Int32Array.from({ length: n }, (_, i) => i);
  const matrix = kept === null ? emb.matrix : takeRows(emb.matrix, kept);
  const take = <T>(values: readonly T[]): T[] => Array.from(rows, (i) => values[partner[i]!]!);
  const clusterIds = Int32Array.from(rows, (i) => clusters.clusterIds[partner[i]!]!);
  return finish(
    matrix,
    Array.from(rows, (i) => emb.preambles[i]!),
    Array.from(rows, (i) => emb.guesses[i]!),
    clusterIds,
    mapExtra(clusters.extra, take),
    report,
  );
}

function finish(
  matrix: Matrix<Float32Array>,
  preambles: string[],
  guesses: string[],
  clusterIds: Int32Array,
  extra: Record<string, ExtraValue[]>,
  report: JoinReport,
): Dataset {
  const table = datasetTable({ preambles, guesses, clusterIds, extra, matrix });
  return { table, matrix, clusterIds, preambles, guesses, extra, report };
}

function takeRows(matrix: Matrix<Float32Array>, rows: Int32Array): Matrix<Float32Array> {
  const { cols } = matrix;
  const data = new Float32Array(rows.length * cols);
  rows.forEach((r, k) => data.set(matrix.data.subarray(r * cols, (r + 1) * cols), k * cols));
  return { data, rows: rows.length, cols };
}

function mapExtra(
  extra: Readonly<Record<string, ExtraValue[]>>,
  f: (values: ExtraValue[]) => ExtraValue[],
): Record<string, ExtraValue[]> {
  return Object.fromEntries(Object.entries(extra).map(([name, values]) => [name, f(values)]));
}

function describeRows(file: string, rows: number[], preambles: readonly string[], guesses: readonly string[]): UnmatchedRows {
  const examples = rows.slice(0, EXAMPLES).map((i) => ({ row: i + 1, preamble: preambles[i]!, guess: guesses[i]! }));
  return { file, count: rows.length, examples };
}

function unmatchedError(report: JoinReport, nEmb: number, nClusters: number): DataError {
  const side = (u: UnmatchedRows, total: number, other: string): string => {
    const eg = u.examples.map((e) => `row ${e.row} (preamble=${describe(e.preamble)}, guess=${describe(e.guess)})`).join('; ');
    return `${u.count} of ${total} rows of ${u.file} have no partner in ${other}${u.count > 0 ? `, e.g. ${eg}` : ''}`;
  };
  const e = report.unmatchedEmbeddings;
  const c = report.unmatchedClusters;
  return new DataError({
    code: 'unmatched-rows',
    file: e.count > 0 ? e.file : c.file,
    rule:
      `${side(e, nEmb, c.file)}; ${side(c, nClusters, e.file)}. ` +
      "Keys are compared byte for byte (leading spaces matter); pass unmatched: 'drop' to keep only the matched rows",
  });
}
