import type { Progress, ProjectionOutline } from '../types.js';

/**
 * Messages between `ProjectionWorker` (caller) and the worker entry (`@clamp-viz/projection/worker`).
 * Every message carries the `id` of its run; a worker may hold several runs and serves them in turn.
 * Large arrays travel as transferred buffers (see `ProjectionWorker`).
 */

/** A matrix on the wire (its buffer is transferred). */
export interface WireMatrix {
  readonly data: Float32Array | Float64Array;
  readonly rows: number;
  readonly cols: number;
}

/** Caller → worker: start `method` on `matrix` with structured-cloneable `options` (no functions, no signal). */
export interface RunMessage {
  readonly type: 'run';
  readonly id: number;
  readonly matrix: WireMatrix;
  readonly options: Record<string, unknown> & { method: string };
  /** Post intermediate layouts (iterative methods) at most every this many ms; omitted = no layouts. */
  readonly layoutEvery?: number;
}

/** Caller → worker: stop run `id`; the worker replies with an `error` message named `AbortError`. */
export interface CancelMessage {
  readonly type: 'cancel';
  readonly id: number;
}

export type WorkerRequest = RunMessage | CancelMessage;

export interface ProgressMessage {
  readonly type: 'progress';
  readonly id: number;
  readonly progress: Progress;
}

/** An intermediate layout (a copy; its buffer is transferred). */
export interface LayoutMessage {
  readonly type: 'layout';
  readonly id: number;
  readonly layout: Float32Array;
  readonly progress: Progress;
}

/**
 * The result; `embedding`'s buffer is transferred, `modelState` is the method's `modelToState` output, `outlines`
 * (when the method made any) have their ring buffers transferred.
 */
export interface DoneMessage {
  readonly type: 'done';
  readonly id: number;
  readonly result: {
    readonly embedding: Float32Array;
    readonly rows: number;
    readonly cols: number;
    readonly method: string;
    readonly modelState?: unknown;
    readonly outlines?: readonly ProjectionOutline[];
  };
}

/** A thrown error, flattened so it survives structured cloning. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly param?: string;
  readonly rule?: string;
  /** `describeValue` of the offending value (values themselves may not be cloneable). */
  readonly value?: string;
  /** `AbortError`'s last layout. */
  readonly layout?: Float32Array;
}

export interface ErrorMessage {
  readonly type: 'error';
  readonly id: number;
  readonly error: WireError;
}

export type WorkerResponse = ProgressMessage | LayoutMessage | DoneMessage | ErrorMessage;
