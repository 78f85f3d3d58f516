import { ProjectionInputError } from './errors.js';

/**
 * Checks an integer option. Returns `value ?? fallback`.
 * @throws ProjectionInputError naming `name` when it is not an integer in [min, max].
 */
export function integerOption(name: string, value: unknown, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const v = value === undefined ? fallback : value;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer in [${min}, ${max}]`;
    throw new ProjectionInputError(name, v, `must be ${range}`);
  }
  return v;
}

/** Checks an optional seed: any finite integer (taken modulo 2^32). */
export function seedOption(value: unknown, fallback = 42): number {
  const v = value === undefined ? fallback : value;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new ProjectionInputError('seed', v, 'must be an integer');
  return v;
}

/** Checks that `signal`, when given, looks like an `AbortSignal`. */
export function signalOption(value: unknown): AbortSignal | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || typeof (value as AbortSignal).aborted !== 'boolean') {
    throw new ProjectionInputError('signal', value, 'must be an AbortSignal');
  }
  return value as AbortSignal;
}
