import { isArrowTableLike, type ArrowTableLike } from '../data/arrow-table-like.js';

/** Default `token-column` of `<cluster-scatter>` and `<token-cloud>`: the notebook's, io's and the CLI's `guess`. */
export const DEFAULT_TOKEN_COLUMN = 'guess';
/** Default `preamble-column` of both elements. */
export const DEFAULT_PREAMBLE_COLUMN = 'preamble';

/** A text column setting that names no column of the table, with the table's column names. */
export interface MissingColumn {
  readonly param: 'token-column' | 'preamble-column';
  readonly name: string;
  /** The table's column names, comma-separated. */
  readonly columns: string;
}

/** The table's column names, comma-separated (for messages). O(columns). */
export const columnNames = (table: ArrowTableLike): string => table.schema.fields.map((f) => f.name).join(', ');

/**
 * Which text column settings name no column of an Arrow `data` table, split into `defaults` (the setting is
 * the default name: the elements then show no such text and warn) and `explicit` (another name: an error).
 * `''` means no column and is never missing; non-table data gives none. O(columns).
 */
export function missingTextColumns(data: unknown, tokenColumn: string, preambleColumn: string): { defaults: MissingColumn[]; explicit: MissingColumn[] } {
  const defaults: MissingColumn[] = [], explicit: MissingColumn[] = [];
  if (!isArrowTableLike(data)) return { defaults, explicit };
  const settings = [['token-column', tokenColumn, DEFAULT_TOKEN_COLUMN], ['preamble-column', preambleColumn, DEFAULT_PREAMBLE_COLUMN]] as const;
  for (const [param, name, fallback] of settings) {
    if (!name || data.getChild(name)) continue;
    (name === fallback ? defaults : explicit).push({ param, name, columns: columnNames(data) });
  }
  return { defaults, explicit };
}

/** The warning rule for a missing default column: what is shown instead and what to set. */
export function missingDefaultRule(m: MissingColumn, instead: string): string {
  return `the default column is not in data (its columns are: ${m.columns}); ${instead}. Set ${m.param} to one of them, or '' for none`;
}
