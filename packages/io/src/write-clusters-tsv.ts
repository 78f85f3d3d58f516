import type { ExtraValue } from './types.js';
import { quoteField } from './quote-field.js';

export interface ClustersTsvInput {
  readonly preambles: readonly string[];
  readonly guesses: readonly string[];
  readonly clusterIds: Int32Array | readonly number[];
  /** Extra columns, written after cluster_id in key order; null is an empty cell. */
  readonly extra?: Readonly<Record<string, readonly ExtraValue[]>>;
}

/**
 * Write a clusters table as tab-separated text with a header (`preamble`, `guess`, `cluster_id`,
 * extras), LF line ends. Fields are quoted as {@link quoteField} says, so
 * `readClusters(writeClustersTsv(t))` gives back every token byte for byte. O(total text).
 *
 * @throws RangeError when column lengths differ or a cluster id is not an integer.
 */
export function writeClustersTsv(input: ClustersTsvInput, delimiter: '\t' | ',' = '\t'): string {
  const n = input.preambles.length;
  const extra = Object.entries(input.extra ?? {});
  const columns: [string, { length: number }][] = [['guesses', input.guesses], ['clusterIds', input.clusterIds], ...extra];
  for (const [name, values] of columns) {
    if (values.length !== n) throw new RangeError(`${name}.length = ${values.length}: every column must have preambles.length = ${n} values`);
  }
  const header = ['preamble', 'guess', 'cluster_id', ...extra.map(([name]) => name)].map((h) => quoteField(h, delimiter));
  const lines = [header.join(delimiter)];
  for (let i = 0; i < n; i++) {
    const id = input.clusterIds[i]!;
    if (!Number.isInteger(id)) throw new RangeError(`clusterIds[${i}] = ${id}: cluster ids must be integers`);
    const fields = [quoteField(input.preambles[i]!, delimiter), quoteField(input.guesses[i]!, delimiter), String(id)];
    for (const [, values] of extra) fields.push(formatExtra(values[i]!, delimiter));
    lines.push(fields.join(delimiter));
  }
  return lines.join('\n') + '\n';
}

function formatExtra(value: ExtraValue, delimiter: string): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return quoteField(value, delimiter);
}
