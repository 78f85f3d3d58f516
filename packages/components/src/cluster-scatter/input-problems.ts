import { parseCssColor } from '../color/parse-css-color.js';
import { ClusterScatterInputError } from '../errors.js';

/**
 * Input problems of an element by source (`data`, `color-scheme`, `point-size`…): `check` runs a
 * resolver and records its error (reported through `report`, e.g. as an error event) or clears it.
 */
export class InputProblems {
  private readonly problems = new Map<string, Error>();
  private readonly report: (error: Error) => void;

  constructor(report: (error: Error) => void) {
    this.report = report;
  }

  /** The first current problem, or null. */
  get first(): Error | null {
    return this.problems.values().next().value ?? null;
  }

  /** Runs `fn`; on error records it under `key`, reports it and returns the fallback. */
  check<T>(key: string, fn: () => T, fallback: T | (() => T)): T {
    try {
      const result = fn();
      this.problems.delete(key);
      return result;
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      this.problems.set(key, e);
      this.report(e);
      return typeof fallback === 'function' ? (fallback as () => T)() : fallback;
    }
  }
}

/** @throws ClusterScatterInputError unless `size` is a positive finite number of CSS pixels. */
export function checkPointSize(size: number): void {
  if (!(size > 0 && Number.isFinite(size))) throw new ClusterScatterInputError('point-size', size, 'must be a positive number of CSS pixels');
}

/** @throws ClusterScatterInputError unless `width` is a finite number ≥ 0 of CSS pixels (0 hides outlines). */
export function checkOutlineWidth(width: number): void {
  if (!(width >= 0 && Number.isFinite(width))) throw new ClusterScatterInputError('outline-width', width, 'must be a number of CSS pixels >= 0');
}

/** `''` → null (use the theme); otherwise the colour as RGBA 0–1. @throws ClusterScatterInputError for a non-colour. */
export function resolveBackground(value: string): readonly [number, number, number, number] | null {
  if (!value) return null;
  const c = parseCssColor(value);
  if (!c) throw new ClusterScatterInputError('background', value, 'must be a CSS colour');
  return c;
}
