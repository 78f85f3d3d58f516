import { ComponentInputError } from '../errors.js';

/**
 * Bad data or settings given to `<token-cloud>`: names the parameter (property, attribute or Arrow column
 * with the row), the value and the rule, like `ClusterScatterInputError` (both extend
 * `ComponentInputError`) and the projection package's `ProjectionInputError`. Recognise it by `error.name`.
 */
export class TokenCloudInputError extends ComponentInputError {
  override readonly name = 'TokenCloudInputError';
}

/** Re-labels an error of a shared helper (e.g. a ClusterScatterInputError from the Arrow reader) as a TokenCloudInputError. */
export function asTokenCloudError(error: unknown): Error {
  const e = error as { name?: string; param?: string; value?: unknown; rule?: string; code?: string };
  if (e && e.name === 'ClusterScatterInputError' && typeof e.param === 'string' && typeof e.rule === 'string') {
    return new TokenCloudInputError(e.param, e.value, e.rule, e.code);
  }
  return error instanceof Error ? error : new Error(String(error));
}
