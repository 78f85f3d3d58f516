import { DataError } from './data-error.js';

/** One record of a delimited file: its fields and the 1-based line it starts on. */
export type RecordCallback = (fields: string[], line: number) => void;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Split RFC 4180-style delimited text into records, calling `onRecord` for each in order.
 *
 * - A field that starts with `"` is quoted: it runs to the next lone `"`, `""` stands for one
 *   quote, and delimiters, tabs, CR and LF inside it are data. After the closing quote only a
 *   delimiter or a line end may follow.
 * - Other fields are taken byte for byte up to the next delimiter or line end: no trimming (tokens
 *   such as `" new"` keep their leading space), and a stray `"` inside is kept as data.
 * - Lines end with LF or CRLF. Empty lines are skipped. A leading byte-order mark is dropped.
 *
 * O(length of text).
 *
 * @throws DataError `malformed-quote` for an unterminated quoted field or text after a closing quote.
 */
export function parseDelimited(text: string, delimiter: string, fileName: string, onRecord: RecordCallback): void {
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let records = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    if (c0 === LF || (c0 === CR && text.charCodeAt(i + 1) === LF)) {
      i += c0 === LF ? 1 : 2;
      line++;
      continue;
    }
    const start = line;
    const fields: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) {
            throw new DataError({
              code: 'malformed-quote',
              file: fileName,
              ...rowOf(records),
              where: `line ${start}`,
              rule: 'a quoted field is never closed (missing ")',
            });
          }
          value += text.slice(from, close);
          line += countNewlines(text, from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"';
            from = close + 2;
          } else {
            i = close + 1;
            break;
          }
        }
        const c = text.charCodeAt(i);
        if (i < n && c !== delim && c !== LF && !(c === CR && text.charCodeAt(i + 1) === LF)) {
          throw new DataError({
            code: 'malformed-quote',
            file: fileName,
            ...rowOf(records),
            where: `line ${line}`,
            value: text.slice(i, i + 20),
            rule: 'only a delimiter or a line end may follow a closing quote (write "" for a quote inside a quoted field)',
          });
        }
        fields.push(value);
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === delim || c === LF) break;
          j++;
        }
        const end = j < n && text.charCodeAt(j) === LF && j > i && text.charCodeAt(j - 1) === CR ? j - 1 : j;
        fields.push(text.slice(i, end));
        i = j;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === delim) {
        i++;
        if (i >= n) fields.push('');
        continue;
      }
      i += c === CR ? 2 : 1;
      line++;
      break;
    }
    onRecord(fields, start);
    records++;
  }
}

/** Record 0 is the header; record k ≥ 1 is data row k. */
function rowOf(record: number): { row?: number } {
  return record > 0 ? { row: record } : {};
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = text.indexOf('\n', from); k >= 0 && k < to; k = text.indexOf('\n', k + 1)) count++;
  return count;
}
