import type { Buffer, Regl } from 'regl';

/**
 * GPU buffers of a point set: positions, their float32 rounding residuals (`positionLo`, for deep zoom)
 * and previous positions (n×2 float32, for morphs), colours
 * (n×4 uint8, normalised), cluster ranks (n float32) and state bytes (n uint8; see point-states.ts).
 */
export interface PointBuffers {
  readonly position: Buffer;
  readonly positionLo: Buffer;
  /** False when the last positions had no residuals (draw with a constant (0, 0) instead of the buffer). */
  readonly hasLo: boolean;
  readonly prevPosition: Buffer;
  readonly color: Buffer;
  readonly rank: Buffer;
  readonly state: Buffer;
  /** Number of points currently uploaded. */
  readonly count: number;
  /**
   * Uploads n×2 positions and their residuals `lo` (true position − `rel`, n×2; null = all zero); sets
   * the count. Previous positions are left alone: they are read only during a morph (morph < 1), which
   * starts with {@link setPrevPositions}.
   */
  setPositions(rel: Float32Array, lo?: Float32Array | null): void;
  /** Uploads n×2 previous positions, the start of a morph towards the current ones. */
  setPrevPositions(rel: Float32Array): void;
  /** Uploads n×4 colours (n must match the positions). */
  setColors(rgba: Uint8Array): void;
  setRanks(rank: Float32Array): void;
  setStates(state: Uint8Array): void;
  destroy(): void;
}

/**
 * Creates the dynamic buffers once; later uploads use `subdata`. Capacity grows geometrically
 * (re-initialising the same regl resources, contents then re-uploaded by the caller through
 * `setPoints`) when more points arrive. Inputs are not retained or mutated.
 */
export function createPointBuffers(regl: Regl): PointBuffers {
  let capacity = 0;
  let count = 0;
  let hasLo = false;
  const make = (type: 'float' | 'uint8') => regl.buffer({ usage: 'dynamic', type, length: 0 });
  const position = make('float');
  const positionLo = make('float');
  const prevPosition = make('float');
  const color = make('uint8');
  const rank = make('float');
  const state = make('uint8');

  const ensure = (n: number) => {
    if (n <= capacity) return;
    capacity = Math.max(n, Math.ceil(capacity * 1.5), 16);
    position({ usage: 'dynamic', type: 'float', length: capacity * 8 });
    positionLo({ usage: 'dynamic', type: 'float', length: capacity * 8 });
    prevPosition({ usage: 'dynamic', type: 'float', length: capacity * 8 });
    color({ usage: 'dynamic', type: 'uint8', length: capacity * 4 });
    rank({ usage: 'dynamic', type: 'float', length: capacity * 4 });
    state({ usage: 'dynamic', type: 'uint8', length: capacity });
  };

  return {
    position,
    positionLo,
    prevPosition,
    color,
    rank,
    state,
    get hasLo() {
      return hasLo;
    },
    get count() {
      return count;
    },
    setPositions(rel, lo = null) {
      const n = rel.length / 2;
      ensure(n);
      if (n > 0) {
        position.subdata(rel);
        if (lo) positionLo.subdata(lo);
      }
      hasLo = lo !== null && n > 0;
      count = n;
    },
    setPrevPositions(rel) {
      ensure(rel.length / 2);
      if (rel.length > 0) prevPosition.subdata(rel);
    },
    setColors(rgba) {
      ensure(rgba.length / 4);
      if (rgba.length > 0) color.subdata(rgba);
    },
    setRanks(r) {
      ensure(r.length);
      if (r.length > 0) rank.subdata(r);
    },
    setStates(s) {
      ensure(s.length);
      if (s.length > 0) state.subdata(s);
    },
    destroy() {
      for (const b of [position, positionLo, prevPosition, color, rank, state]) b.destroy();
      capacity = 0;
      count = 0;
    },
  };
}
