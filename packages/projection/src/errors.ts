/**
 * Errors thrown by @clamp-viz/projection.
 *
 * `ProjectionInputError` is thrown before any heavy work when an argument breaks a rule; its message
 * names the parameter, the value and the rule, and the same three are fields for programs.
 * Errors are recognised structurally (`error.name`), never with `instanceof` alone, because they
 * cross Worker boundaries as plain objects.
 */
export class ProjectionInputError extends Error {
  override readonly name = 'ProjectionInputError';
  readonly code: string;
  readonly param: string;
  readonly value: unknown;
  readonly rule: string;

  constructor(param: string, value: unknown, rule: string, code = 'invalid-argument') {
    super(`${param} = ${describeValue(value)}: ${rule}`);
    this.code = code;
    this.param = param;
    this.value = value;
    this.rule = rule;
  }
}

/** Thrown when a run is cancelled through its `AbortSignal`; `layout` holds the last state, if any. */
export class AbortError extends Error {
  override readonly name = 'AbortError';
  readonly code = 'aborted';
  readonly layout: Float32Array | undefined;

  constructor(message = 'The projection was aborted', layout?: Float32Array) {
    super(message);
    this.layout = layout;
  }
}

/** A short, safe rendering of a value for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? value.slice(0, 77) + '...' : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null || value === undefined) return String(value);
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${(value as unknown as ArrayLike<number>).length})`;
  if (Array.isArray(value)) return `Array(${value.length})`;
  return Object.prototype.toString.call(value);
}
