import { DataError } from './data-error.js';
import { extension } from './detect-format.js';
import { parseDelimited } from './parse-delimited.js';
import type { ClusterTable, ExtraValue } from './types.js';

export interface ReadClustersOptions {
  /** Used in error messages and as a delimiter hint (`.csv` → comma). Default `'clusters.tsv'`. */
  fileName?: string;
  /** Field delimiter. Default: from the file name (`.tsv`/`.tab` tab, `.csv` comma), else tab if the header has one, else comma. */
  delimiter?: '\t' | ',';
}

const REQUIRED = ['preamble', 'guess', 'cluster_id'] as const;
const RESERVED = new Set(['embedding']);
const INTEGER = /^[+-]?\d+(\.0*)?$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Read the clusters table (the notebook's `pl.read_csv(clusters, separator="\t")`): delimited
 * text with a header that has `preamble`, `guess` and `cluster_id`; other columns are kept.
 *
 * - `preamble`/`guess` are kept byte for byte (no trimming; see {@link parseDelimited} for quoting).
 * - `cluster_id` must be an integer in Int32 range (negative allowed, e.g. -1 for noise); spaces
 *   around it are ignored.
 * - An extra column is numeric if every non-empty cell is a decimal number (empty cells become
 *   null); otherwise it is kept as strings, exactly as written.
 * - Bytes are decoded as UTF-8 (invalid UTF-8 is an error).
 *
 * O(length of text). Returns fresh arrays.
 *
 * @throws DataError `empty-file`, `no-rows` (header only), `missing-column`, `duplicate-column`,
 *   `ragged-row`, `not-integer`, `malformed-quote`, `invalid-encoding`, naming file, row and column.
 */
export function readClusters(input: string | Uint8Array, options: ReadClustersOptions = {}): ClusterTable {
  const file = options.fileName ?? 'clusters.tsv';
  const text = typeof input === 'string' ? input : decodeUtf8(input, file);
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new DataError({ code: 'empty-file', file, rule: 'the file is empty; expected a header with preamble, guess and cluster_id' });
  }
  const delimiter = options.delimiter ?? guessDelimiter(text, file);
  let header: string[] | undefined;
  let index: Record<(typeof REQUIRED)[number], number> | undefined;
  const preambles: string[] = [];
  const guesses: string[] = [];
  const ids: number[] = [];
  const cells: string[][] = [];
  let extraIndex: number[] = [];

  parseDelimited(text, delimiter, file, (fields, line) => {
    if (header === undefined) {
      header = fields;
      index = checkHeader(fields, file, delimiter);
      extraIndex = fields.map((_, k) => k).filter((k) => !(REQUIRED as readonly string[]).includes(fields[k]!));
      cells.push(...extraIndex.map((): string[] => []));
      return;
    }
    const row = preambles.length + 1;
    if (fields.length !== header.length) {
      throw new DataError({
        code: 'ragged-row',
        file,
        row,
        where: `line ${line}`,
        rule: `the row has ${fields.length} fields but the header has ${header.length}`,
      });
    }
    preambles.push(fields[index!.preamble]!);
    guesses.push(fields[index!.guess]!);
    ids.push(parseClusterId(fields[index!.cluster_id]!, file, row, line));
    for (let e = 0; e < extraIndex.length; e++) cells[e]!.push(fields[extraIndex[e]!]!);
  });

  if (preambles.length === 0) {
    throw new DataError({ code: 'no-rows', file, rule: 'the file has a header but no data rows' });
  }
  const extra: Record<string, ExtraValue[]> = {};
  extraIndex.forEach((k, e) => {
    extra[header![k]!] = typedColumn(cells[e]!);
  });
  return { preambles, guesses, clusterIds: Int32Array.from(ids), extra, fileName: file };
}

function checkHeader(fields: string[], file: string, delimiter: string): Record<(typeof REQUIRED)[number], number> {
  const seen = new Set<string>();
  for (const name of fields) {
    if (seen.has(name)) throw new DataError({ code: 'duplicate-column', file, column: name, rule: 'column names in the header must be unique' });
    if (RESERVED.has(name)) throw new DataError({ code: 'duplicate-column', file, column: name, rule: 'this column name is reserved for the embeddings' });
    seen.add(name);
  }
  const missing = REQUIRED.filter((name) => !seen.has(name));
  if (missing.length > 0) {
    const sep = delimiter === '\t' ? 'tab' : 'comma';
    throw new DataError({
      code: 'missing-column',
      file,
      column: missing[0]!,
      rule: `the header must have columns preamble, guess and cluster_id (${sep}-separated); missing ${missing.join(', ')}; found ${fields.map((f) => JSON.stringify(f)).join(', ')}`,
    });
  }
  return { preamble: fields.indexOf('preamble'), guess: fields.indexOf('guess'), cluster_id: fields.indexOf('cluster_id') };
}

function parseClusterId(text: string, file: string, row: number, line: number): number {
  const trimmed = text.trim();
  const value = INTEGER.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isInteger(value) || value < -2147483648 || value > 2147483647) {
    throw new DataError({
      code: 'not-integer',
      file,
      row,
      where: `line ${line}`,
      column: 'cluster_id',
      value: text,
      rule: 'cluster_id must be an integer in Int32 range',
    });
  }
  return value;
}

function typedColumn(values: string[]): ExtraValue[] {
  let numeric = false;
  for (const v of values) {
    const t = v.trim();
    if (t === '') continue;
    if (!NUMBER.test(t)) return values.slice();
    numeric = true;
  }
  return numeric ? values.map((v) => (v.trim() === '' ? null : Number(v))) : values.slice();
}

function guessDelimiter(text: string, file: string): '\t' | ',' {
  const ext = extension(file);
  if (ext === 'tsv' || ext === 'tab') return '\t';
  if (ext === 'csv') return ',';
  const end = text.indexOf('\n');
  return (end < 0 ? text : text.slice(0, end)).includes('\t') ? '\t' : ',';
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new DataError({ code: 'invalid-encoding', file, rule: 'the file is not valid UTF-8', cause: error });
  }
}
