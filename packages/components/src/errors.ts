/**
 * Errors thrown by @clamp-viz/components.
 *
 * Input errors mirror `ProjectionInputError` from @clamp-viz/projection: the message names the
 * parameter, the value and the rule (`param = value: rule`), and the same three are fields for programs.
 * Recognise errors by `error.name`, not `instanceof` (package copies, worker boundaries).
 */

/** Bad data or settings given to a component: the common body of each component's own input error. */
export class ComponentInputError extends Error {
  override readonly name: string = 'ComponentInputError';
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

/** Bad data or settings given to `<cluster-scatter>` (or a shared helper such as the Arrow reader). */
export class ClusterScatterInputError extends ComponentInputError {
  override readonly name = 'ClusterScatterInputError';
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
