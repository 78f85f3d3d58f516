import type { Buffer, Regl } from 'regl';

/** GPU buffers of a point set: positions (n×2 float32) and colours (n×4 uint8, normalised). */
export interface PointBuffers {
  readonly position: Buffer;
  readonly color: Buffer;
  /** Number of points currently uploaded. */
  readonly count: number;
  /** Uploads n×2 positions; reuses the buffer (`subdata`) unless n exceeds its capacity. */
  setPositions(rel: Float32Array): void;
  /** Uploads n×4 colours (n must match the positions). */
  setColors(rgba: Uint8Array): void;
  destroy(): void;
}

/**
 * Creates the two dynamic buffers once; later uploads use `subdata`. Capacity grows geometrically
 * (re-initialising the same regl resource) when more points arrive. Inputs are not retained.
 */
export function createPointBuffers(regl: Regl): PointBuffers {
  let capacity = 0;
  let count = 0;
  const position = regl.buffer({ usage: 'dynamic', type: 'float', length: 0 });
  const color = regl.buffer({ usage: 'dynamic', type: 'uint8', length: 0 });

  const ensure = (n: number) => {
    if (n <= capacity) return;
    capacity = Math.max(n, Math.ceil(capacity * 1.5), 16);
    position({ usage: 'dynamic', type: 'float', length: capacity * 2 * 4 });
    color({ usage: 'dynamic', type: 'uint8', length: capacity * 4 });
  };

  return {
    position,
    color,
    get count() {
      return count;
    },
    setPositions(rel) {
      const n = rel.length / 2;
      ensure(n);
      if (n > 0) position.subdata(rel);
      count = n;
    },
    setColors(rgba) {
      ensure(rgba.length / 4);
      if (rgba.length > 0) color.subdata(rgba);
    },
    destroy() {
      position.destroy();
      color.destroy();
      capacity = 0;
      count = 0;
    },
  };
}
