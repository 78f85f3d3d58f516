/**
 * One field of RFC 4180-style delimited text. Quoted (with inner `"` doubled) when the text
 * contains the delimiter, a quote, CR or LF, is empty, or starts/ends with whitespace: so
 * `readClusters`, polars, pandas, R and spreadsheets all read it back byte for byte (an empty
 * quoted field stays an empty string instead of becoming null in polars/pandas). Otherwise the
 * text is written as is.
 */
export function quoteField(text: string, delimiter: string): string {
  if (text === '' || /["\r\n]|^\s|\s$/.test(text) || text.includes(delimiter)) {
    return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
}
