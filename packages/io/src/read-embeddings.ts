import { DataType, type Table } from 'apache-arrow';
import { DataError } from './data-error.js';
import { detectFormat } from './detect-format.js';
import { embeddingMatrix } from './embedding-matrix.js';
import { readIpcTable, readParquetTable } from './read-arrow-table.js';
import { readNpy } from './read-npy.js';
import { stringColumn } from './string-column.js';
import type { EmbeddingFormat, EmbeddingTable } from './types.js';

export interface ReadEmbeddingsOptions {
  /** Used in error messages and as a format hint. Default `'embeddings'`. */
  fileName?: string;
  /**
   * The embedding column (Parquet/Arrow). Default: `embedding` if present, else the only
   * list-typed column.
   */
  column?: string;
}

/**
 * Read an embeddings file (Parquet, Arrow IPC file or stream, NPY; detected by magic bytes) into a
 * dense n×d float32 matrix, plus the `preamble` and `guess` key columns when a Parquet/Arrow file
 * has both (other columns are ignored). The notebook's `pl.read_parquet(embeddings)`.
 *
 * The matrix is a fresh array (one pass over the values); `bytes` is neither modified nor aliased.
 * Parquet goes through parquet-wasm, initialised on first use (see {@link initParquet}).
 *
 * @throws DataError naming the file (and row/column) for every kind of bad input.
 */
export async function readEmbeddings(bytes: Uint8Array, options: ReadEmbeddingsOptions = {}): Promise<EmbeddingTable> {
  const fileName = options.fileName ?? 'embeddings';
  const format = detectFormat(bytes, fileName);
  if (format === 'npy') {
    if (options.column !== undefined) {
      throw new DataError({ code: 'missing-column', file: fileName, column: options.column, rule: 'an NPY file has no named columns' });
    }
    return { matrix: readNpy(bytes, fileName), fileName, format };
  }
  const table = format === 'parquet' ? await readParquetTable(bytes, fileName) : readIpcTable(bytes, fileName, format === 'arrow' ? 'file' : 'stream');
  return embeddingsFromTable(table, fileName, format, options.column);
}

/**
 * Split an Arrow table into the dense embedding matrix and the key columns.
 * See {@link readEmbeddings}; exported for callers that already hold an Arrow table.
 */
export function embeddingsFromTable(table: Table, fileName: string, format: EmbeddingFormat, column?: string): EmbeddingTable {
  const names = table.schema.fields.map((f) => f.name);
  const listed = names.map((n) => JSON.stringify(n)).join(', ') || '(none)';
  const name = column ?? pickEmbeddingColumn(table);
  if (name === undefined || !names.includes(name)) {
    throw new DataError({
      code: 'missing-column',
      file: fileName,
      column: name ?? 'embedding',
      rule: `no embedding column: expected ${JSON.stringify(name ?? 'embedding')} or a single list column; columns: ${listed}`,
    });
  }
  const matrix = embeddingMatrix(table.getChild(name)!, { file: fileName, column: name });
  const hasPreamble = names.includes('preamble');
  const hasGuess = names.includes('guess');
  if (hasPreamble !== hasGuess) {
    const missing = hasPreamble ? 'guess' : 'preamble';
    throw new DataError({
      code: 'missing-column',
      file: fileName,
      column: missing,
      rule: `key columns come in pairs: the file has ${JSON.stringify(hasPreamble ? 'preamble' : 'guess')} but no ${JSON.stringify(missing)}`,
    });
  }
  if (!hasPreamble) return { matrix, fileName, format };
  return {
    matrix,
    preambles: stringColumn(table.getChild('preamble')!, fileName, 'preamble'),
    guesses: stringColumn(table.getChild('guess')!, fileName, 'guess'),
    fileName,
    format,
  };
}

function pickEmbeddingColumn(table: Table): string | undefined {
  const fields = table.schema.fields;
  if (fields.some((f) => f.name === 'embedding')) return 'embedding';
  const lists = fields.filter((f) => DataType.isList(f.type) || DataType.isLargeList(f.type) || DataType.isFixedSizeList(f.type));
  return lists.length === 1 ? lists[0]!.name : undefined;
}
