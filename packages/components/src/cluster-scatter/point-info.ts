import { isArrowTableLike, type ArrowTableLike } from '../data/arrow-table-like.js';

/** What a tooltip, the live region and formatters know about one point. */
export interface PointInfo {
  /** Row index. */
  readonly index: number;
  /** The token (label) text, or null when none was given. */
  readonly token: string | null;
  /** The preamble (sentence) text, or null. */
  readonly preamble: string | null;
  /** Cluster id, or null without cluster ids. */
  readonly cluster: number | null;
}

/** Turns a point into tooltip text. The result is always shown as text, never parsed as HTML. */
export type TooltipFormatter = (info: PointInfo) => string;

/** Where point texts come from: arrays, or string columns of an Arrow table. */
export interface PointTextSource {
  tokens: ArrayLike<string> | null;
  preambles: ArrayLike<string> | null;
  data: unknown;
  tokenColumn: string;
  preambleColumn: string;
  cluster: Int32Array | null;
}

/** Reads one row's texts (O(1) per column; Arrow columns through `getChild(name).get(i)`). */
export function pointInfo(source: PointTextSource, index: number): PointInfo {
  const table = source.data != null && isArrowTableLike(source.data) ? (source.data as ArrowTableLike) : null;
  const read = (array: ArrayLike<string> | null, column: string): string | null => {
    if (table && column) {
      const value = (table.getChild(column) as { get?: (i: number) => unknown } | null)?.get?.(index);
      if (value != null) return String(value);
    }
    const v = array?.[index];
    return v == null ? null : String(v);
  };
  return {
    index,
    token: read(source.tokens, source.tokenColumn),
    preamble: read(source.preambles, source.preambleColumn),
    cluster: source.cluster ? source.cluster[index]! : null,
  };
}

/** Default tooltip: the token, the preamble (cut to 160 characters) and the cluster, one per line. */
export function defaultTooltip(info: PointInfo): string {
  const lines: string[] = [];
  lines.push(info.token ?? `point ${info.index}`);
  if (info.preamble) lines.push(info.preamble.length > 160 ? info.preamble.slice(0, 157) + '…' : info.preamble);
  if (info.cluster !== null) lines.push(`cluster ${info.cluster}`);
  return lines.join('\n');
}

/**
 * Tooltip text of row `i`: `formatter(info)` (default {@link defaultTooltip}); when the formatter
 * throws, the default text plus the error message (the plot keeps working).
 */
export function tooltipText(source: PointTextSource & { points: { cluster: Int32Array | null } }, formatter: TooltipFormatter | null, i: number): string {
  const info = pointInfo({ ...pick(source), cluster: source.points.cluster }, i);
  try {
    return String((formatter ?? defaultTooltip)(info));
  } catch (error) {
    return `${defaultTooltip(info)}\n(tooltipFormatter failed: ${error instanceof Error ? error.message : String(error)})`;
  }
}

function pick(s: PointTextSource): Omit<PointTextSource, 'cluster'> {
  return { tokens: s.tokens, preambles: s.preambles, data: s.data, tokenColumn: s.tokenColumn, preambleColumn: s.preambleColumn };
}
