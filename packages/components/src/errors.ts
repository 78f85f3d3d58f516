/**
 * Errors thrown by @clamp-viz/components.
 *
 * `ClusterScatterInputError` mirrors `ProjectionInputError` from @clamp-viz/projection: the message
 * names the parameter, the value and the rule, and the same three are fields for programs.
 * Recognise errors by `error.name`, not `instanceof` (package copies, worker boundaries).
 */
export class ClusterScatterInputError extends Error {
  override readonly name = 'ClusterScatterInputError';
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

/** Thrown when WebGL is unavailable or a renderer is used after `destroy()` (`code` tells which). */
export class RendererError extends Error {
  override readonly name = 'RendererError';
  readonly code: 'webgl-unavailable' | 'destroyed';

  constructor(code: 'webgl-unavailable' | 'destroyed', message: string) {
    super(message);
    this.code = code;
  }
}

/** A short, safe rendering of a value for error messages (never the whole array). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? value.slice(0, 77) + '...' : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null || value === undefined) return String(value);
  if (ArrayBuffer.isView(value)) {
    const length = (value as unknown as { length?: number }).length ?? value.byteLength;
    return `${value.constructor.name}(${length})`;
  }
  if (Array.isArray(value)) return `Array(${value.length})`;
  return Object.prototype.toString.call(value);
}
