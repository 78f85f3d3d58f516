/**
 * The one error type thrown by @clamp-viz/io for bad input data.
 *
 * Every `DataError` names the file, and where it applies the 1-based data row (the header of a
 * delimited file is not counted) and the column, plus the rule that was broken. The same facts
 * are fields for programs. Errors from parquet-wasm or apache-arrow are wrapped, with the original
 * as `cause`. Recognise it structurally (`error.name === 'DataError'`), not with `instanceof`
 * alone: errors cross Worker boundaries as plain objects.
 */
export class DataError extends Error {
  override readonly name = 'DataError';
  /** A stable machine-readable reason, e.g. `'ragged-row'`, `'duplicate-key'`. */
  readonly code: DataErrorCode;
  /** The file name (or a description like `'embeddings'` when the caller gave none). */
  readonly file: string;
  /** 1-based data row, when the problem is in one row. */
  readonly row: number | undefined;
  /** Column name, when the problem is in one column. */
  readonly column: string | undefined;
  /** The offending value, if there is a single one. */
  readonly value: unknown;
  /** The rule that was broken, in words. */
  readonly rule: string;

  constructor(init: DataErrorInit) {
    super(formatMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.file = init.file;
    this.row = init.row;
    this.column = init.column;
    this.value = init.value;
    this.rule = init.rule;
  }
}

export type DataErrorCode =
  | 'empty-file'
  | 'unknown-format'
  | 'corrupt-file'
  | 'invalid-encoding'
  | 'unsupported-type'
  | 'missing-column'
  | 'duplicate-column'
  | 'wrong-type'
  | 'no-rows'
  | 'ragged-row'
  | 'null-value'
  | 'non-finite'
  | 'not-integer'
  | 'malformed-quote'
  | 'duplicate-key'
  | 'unmatched-rows'
  | 'row-count-mismatch';

export interface DataErrorInit {
  code: DataErrorCode;
  file: string;
  rule: string;
  row?: number;
  column?: string;
  value?: unknown;
  /** Extra location detail appended after the row, e.g. `'line 7'` for a delimited file. */
  where?: string;
  cause?: unknown;
}

function formatMessage(init: DataErrorInit): string {
  let place = init.file;
  if (init.row !== undefined) place += `, row ${init.row}`;
  if (init.where !== undefined) place += ` (${init.where})`;
  if (init.column !== undefined) place += `, column ${JSON.stringify(init.column)}`;
  const value = 'value' in init ? `: value ${describe(init.value)}` : '';
  return `${place}${value}: ${init.rule}`;
}

/** A short, safe rendering of a value for error messages (strings are JSON-quoted, so spaces show). */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? value.slice(0, 77) + '...' : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null || value === undefined) return String(value);
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${(value as unknown as ArrayLike<number>).length})`;
  if (Array.isArray(value)) return `Array(${value.length})`;
  return Object.prototype.toString.call(value);
}

/** The message of an unknown thrown value (parquet-wasm throws `Error`s, but be defensive). */
export function causeMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : describe(error);
}
