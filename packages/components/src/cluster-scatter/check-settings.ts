import { ClusterScatterInputError } from '../errors.js';
import { missingDefaultRule, missingTextColumns } from './default-columns.js';

/**
 * Validators of `<cluster-scatter>` settings, run from derivePlotState through `InputProblems.check`
 * so a bad value is reported as a `cluster-scatter-error` naming the attribute, the value and the rule
 * (the element then uses the documented default). Each is O(1) unless noted; none mutates input.
 */

export const DRAG_MODES = ['pan', 'lasso', 'rect'] as const;
export const THEMES = ['light', 'dark', 'auto'] as const;

function oneOf(param: string, value: unknown, allowed: readonly string[]): void {
  if (!allowed.includes(value as string)) throw new ClusterScatterInputError(param, value, `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
}

/** @throws ClusterScatterInputError naming `drag-mode` unless 'pan', 'lasso' or 'rect'. */
export const checkDragMode = (mode: unknown): void => oneOf('drag-mode', mode, DRAG_MODES);

/** @throws ClusterScatterInputError naming `theme` unless 'light', 'dark' or 'auto'. */
export const checkTheme = (theme: unknown): void => oneOf('theme', theme, THEMES);

/** Values of the `webgl` attribute: `'auto'` (WebGL 2 when available, else WebGL 1) or `'1'` (always WebGL 1). */
export const WEBGL_MODES = ['auto', '1'] as const;
export type WebGLMode = (typeof WEBGL_MODES)[number];

/**
 * Whether a `webgl` setting prefers WebGL 2 (`'auto'` → true, `'1'` → false). O(1).
 * @throws ClusterScatterInputError naming `webgl` unless 'auto' or '1'.
 */
export function checkWebGL(mode: unknown): boolean {
  oneOf('webgl', mode, WEBGL_MODES);
  return mode === 'auto';
}

/** @throws ClusterScatterInputError naming `transition` unless a finite number of ms ≥ 0. */
export function checkTransition(ms: unknown): void {
  if (!(typeof ms === 'number' && ms >= 0 && Number.isFinite(ms))) throw new ClusterScatterInputError('transition', ms, 'must be a finite number of milliseconds >= 0');
}

/** The level-of-detail budget. @throws ClusterScatterInputError naming `interactive-points` unless an integer ≥ 0. */
export function checkInteractivePoints(count: unknown): number {
  if (!(typeof count === 'number' && Number.isInteger(count) && count >= 0)) {
    throw new ClusterScatterInputError('interactive-points', count, 'must be a non-negative integer (0 = always draw every point)');
  }
  return count;
}

/** @throws ClusterScatterInputError naming `outlines` for a string other than 'auto' (or ''), or a non-array object. */
export function checkOutlinesSetting(value: unknown): void {
  if (value == null || value === '' || value === 'auto' || Array.isArray(value)) return;
  throw new ClusterScatterInputError('outlines', value, "must be 'auto', an array of {clusterId, rings} or null");
}

/** The fill opacity. @throws ClusterScatterInputError naming `outline-fill` unless a number in [0, 1]. */
export function checkOutlineFill(opacity: unknown): number {
  if (!(typeof opacity === 'number' && opacity >= 0 && opacity <= 1)) throw new ClusterScatterInputError('outline-fill', opacity, 'must be an opacity in [0, 1] (0 = no fill)');
  return opacity;
}

/** Where tooltip texts come from (see point-info.ts). */
export interface TextSettings {
  readonly data: unknown;
  readonly tokens: ArrayLike<string> | null;
  readonly preambles: ArrayLike<string> | null;
  readonly tokenColumn: string;
  readonly preambleColumn: string;
}

/**
 * Checks the text sources of n points: `tokens`/`preambles` must have n entries (unchecked while n = 0:
 * coordinates not set yet); with an Arrow `data` table, a `token-column`/`preamble-column` other than its
 * default (`guess`, `preamble`; `''` = none) must name a column. A table without a default column is not an
 * error: see {@link textColumnWarnings}.
 * @throws ClusterScatterInputError naming the property or attribute, the value and the rule.
 */
export function checkPointTexts(s: TextSettings, n: number): void {
  for (const [param, array] of [['tokens', s.tokens], ['preambles', s.preambles]] as const) {
    if (array != null && n > 0 && array.length !== n) {
      throw new ClusterScatterInputError(param, array, `must have one entry per point (${n}), got ${array.length}`);
    }
  }
  const bad = missingTextColumns(s.data, s.tokenColumn, s.preambleColumn).explicit[0];
  if (bad) throw new ClusterScatterInputError(bad.param, bad.name, `must name a column of data; its columns are: ${bad.columns}`);
}

/**
 * Warnings for default text columns (`guess`, `preamble`) missing from an Arrow `data` table: tooltips then
 * show no token / preamble. Each names the attribute, the default and the table's columns. O(columns).
 */
export function textColumnWarnings(s: TextSettings): ClusterScatterInputError[] {
  return missingTextColumns(s.data, s.tokenColumn, s.preambleColumn).defaults.map((m) =>
    new ClusterScatterInputError(m.param, m.name, missingDefaultRule(m, `tooltips show no ${m.param === 'token-column' ? 'token' : 'preamble'}`), 'missing-default-column'));
}
