import { AbortError, ProjectionInputError, describeValue } from '../errors.js';
import type { WireError } from './protocol.js';

/** Flattens any thrown value to a `WireError` (name, message, code, param, rule, value, layout). */
export function toWireError(error: unknown): WireError {
  if (error instanceof ProjectionInputError) {
    return { name: error.name, message: error.message, code: error.code, param: error.param, rule: error.rule, value: describeValue(error.value) };
  }
  if (error instanceof AbortError) {
    return error.layout ? { name: error.name, message: error.message, code: error.code, layout: error.layout } : { name: error.name, message: error.message, code: error.code };
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? { name: error.name, message: error.message, code } : { name: error.name, message: error.message };
  }
  return { name: 'Error', message: String(error) };
}

/**
 * Rebuilds a thrown error on the caller's side: `ProjectionInputError` and `AbortError` get their classes back
 * (with `param`, `rule`, `code`, `layout`); anything else becomes an `Error` with the original `name`/`code`.
 */
export function fromWireError(wire: WireError): Error {
  if (wire.name === 'ProjectionInputError') {
    const e = new ProjectionInputError(wire.param ?? '?', wire.value, wire.rule ?? wire.message, wire.code);
    e.message = wire.message;
    return e;
  }
  if (wire.name === 'AbortError') return new AbortError(wire.message, wire.layout);
  const e = new Error(wire.message) as Error & { code?: string };
  e.name = wire.name;
  if (wire.code !== undefined) e.code = wire.code;
  return e;
}
