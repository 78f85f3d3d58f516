import { resolveColorScheme, type ColorScheme } from '../color/color-scheme.js';
import { pointColors } from '../color/point-colors.js';
import { checkDragMode, checkWebGL } from '../cluster-scatter/check-settings.js';
import { resolveBackground, type InputProblems } from '../cluster-scatter/input-problems.js';
import { clusterSummary } from '../legend/cluster-summary.js';
import { DEFAULT_MAX_TOKEN_LENGTH, displayToken } from '../text/display-token.js';
import { EMPTY_TOKENS, resolveTokenData } from './resolve-token-data.js';
import { asTokenCloudError, TokenCloudInputError } from './token-cloud-input-error.js';
import type { TokenCloud } from './token-cloud.component.js';

/** Properties whose change means new labels. */
export const DATA_KEYS = ['x', 'y', 'cluster', 'tokens', 'rows', 'data', 'preamble', 'xColumn', 'yColumn', 'clusterColumn', 'tokenColumn', 'preambleColumn'] as const;
const TOL: ColorScheme = { kind: 'tol-rainbow' };

/**
 * `willUpdate` of `<token-cloud>`: recomputes what the changed properties affect: labels (validated),
 * the morph start, display texts and their distinct list (atlas entries), colours, cluster summary, the
 * row → label map for linked views. Bad input is recorded in `problems` (reported as `token-cloud-error`)
 * and falls back to a safe value; the data's warnings fire as `token-cloud-warning`. O(n) when data changes.
 */
export function deriveCloudState(el: TokenCloud, changed: ReadonlyMap<PropertyKey, unknown>, problems: InputProblems): void {
  const has = (k: string) => changed.has(k);
  const p = problems;
  const dataChanged = DATA_KEYS.some(has);
  if (dataChanged) {
    const prev = el.tokenData;
    const next = p.check('data', () => resolveTokenData(el), EMPTY_TOKENS);
    const sameRows = prev.n === next.n && prev.n > 0 && prev.rows.every((r, i) => r === next.rows[i]);
    el.morphFrom = el.transition > 0 && el.hasUpdated && sameRows ? el.currentPositions() : null;
    el.tokenData = next;
    for (const warning of next.warnings) el.emit('token-cloud-warning', { warning });
    el.autoFit = true;
    el.rowToLocal = new Map(Array.from(next.rows, (r, k) => [r, k]));
    if (!sameRows) {
      el._hovered = -1;
      if (el._selected.length) el._selected = new Uint32Array(0);
    }
  }
  if (dataChanged || has('maxTokenLength')) {
    const max = p.check('max-token-length', () => checkMaxLength(el.maxTokenLength), DEFAULT_MAX_TOKEN_LENGTH);
    const texts: string[] = [];
    const index = new Map<string, number>();
    const { tokens, n } = el.tokenData;
    const entry = new Int32Array(n);
    el.labels = Array.from(tokens, (t) => displayToken(t, max));
    for (let i = 0; i < n; i++) {
      const s = el.labels[i]!;
      let e = index.get(s);
      if (e === undefined) index.set(s, (e = texts.push(s) - 1));
      entry[i] = e;
    }
    el.texts = texts;
    el.entry = entry;
    el.atlasKey = ''; // rebuild at the next frame
  }
  if (dataChanged || has('colorScheme')) {
    const prevIds = el.colors.clusterIds;
    const { n, cluster } = el.tokenData;
    const scheme = p.check('color-scheme', () => wrap(() => resolveColorScheme(el.colorScheme || 'tol-rainbow')), TOL);
    el.colors = pointColors(n, cluster, null, scheme);
    el.summary = clusterSummary(n, cluster, el.colors.clusterIds);
    const ids = el.colors.clusterIds;
    if (el._hidden.size && !(prevIds.length === ids.length && prevIds.every((v, i) => v === ids[i]))) el._hidden = new Set();
  }
  if (has('fontSize')) p.check('font-size', () => checkFontSize(el.fontSize), undefined);
  if (has('fontSize') || has('fontFamily')) el.atlasKey = '';
  if (has('transition')) p.check('transition', () => { if (!(el.transition >= 0)) throw new TokenCloudInputError('transition', el.transition, 'must be a number of milliseconds >= 0'); }, undefined);
  if (has('theme')) p.check('theme', () => { if (!['light', 'dark', 'auto'].includes(el.theme)) throw new TokenCloudInputError('theme', el.theme, "must be 'light', 'dark' or 'auto'"); }, undefined);
  if (has('webgl')) el.preferWebGL2 = p.check('webgl-setting', () => wrap(() => checkWebGL(el.webgl)), true); // bad → 'auto'
  if (has('dragMode')) p.check('drag-mode', () => wrap(() => checkDragMode(el.dragMode)), undefined); // unknown → 'pan'
  if (has('background')) el.backgroundRgba = p.check('background', () => wrap(() => resolveBackground(el.background)), null);
  el._error = p.first;
}

const wrap = <T>(fn: () => T): T => {
  try {
    return fn();
  } catch (error) {
    throw asTokenCloudError(error);
  }
};

function checkMaxLength(v: number): number {
  if (!(Number.isInteger(v) && v >= 2)) throw new TokenCloudInputError('max-token-length', v, 'must be an integer >= 2');
  return v;
}

function checkFontSize(v: number): void {
  if (!(v > 0 && v <= 200)) throw new TokenCloudInputError('font-size', v, 'must be a number of CSS pixels in (0, 200]');
}
