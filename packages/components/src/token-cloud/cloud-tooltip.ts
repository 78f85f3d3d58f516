import type { PointInfo } from '../cluster-scatter/point-info.js';
import { displayToken } from '../text/display-token.js';
import { shownPreamble } from './describe-cloud.js';
import type { TokenCloud } from './token-cloud.component.js';

/** Default tooltip of a label: the whole token with whitespace/controls visible, the preamble (cut to 160), the cluster. */
export function defaultCloudTooltip(info: PointInfo): string {
  const lines = [info.token === null ? `label ${info.index}` : displayToken(info.token, Number.MAX_SAFE_INTEGER)];
  if (info.preamble) lines.push(info.preamble.length > 160 ? info.preamble.slice(0, 157) + '…' : info.preamble);
  if (info.cluster !== null) lines.push(`cluster ${info.cluster}`);
  return lines.join('\n');
}

/**
 * Tooltip text of label k: `tooltipFormatter(info)` (info.index is the local label index, info.token the raw
 * token) or the default; when the formatter throws, the default plus its error. Always shown as text.
 */
export function cloudTooltip(el: TokenCloud, k: number): string {
  const d = el.tokenData;
  const info: PointInfo = {
    index: k,
    token: d.tokens[k] ?? null,
    preamble: d.preambles?.[k] ?? shownPreamble(el),
    cluster: d.cluster ? d.cluster[k]! : null,
  };
  try {
    return String((el.tooltipFormatter ?? defaultCloudTooltip)(info));
  } catch (error) {
    return `${defaultCloudTooltip(info)}\n(tooltipFormatter failed: ${error instanceof Error ? error.message : String(error)})`;
  }
}
