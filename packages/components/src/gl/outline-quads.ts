/** Outline segments expanded to triangles for {@link createOutlinesCommand}: 6 vertices per segment. */
export interface OutlineQuads {
  /** Per vertex: the segment's start (x, y), end (x, y) and corner (end 0|1, side −1|1): 6 floats. */
  readonly vertices: Float32Array;
  /** Per vertex: RGBA bytes of the segment (its first vertex's colour). */
  readonly rgba: Uint8Array;
  /** Number of vertices (6 × segments). */
  readonly count: number;
}

/** Corners of the two triangles of a segment's quad, as (end, side) pairs. */
const CORNERS = [0, -1, 1, -1, 1, 1, 0, -1, 1, 1, 0, 1] as const;

/**
 * Expands line segments (`xy`: 2 vertices per segment, 2 floats each; `rgba`: 4 bytes per vertex)
 * into two triangles per segment whose corners the vertex shader pushes out by half the line width
 * in screen space (see outlines-command.ts). O(segments); inputs are not mutated.
 */
export function outlineQuads(xy: Float32Array, rgba: Uint8Array): OutlineQuads {
  const segments = Math.floor(xy.length / 4);
  const vertices = new Float32Array(segments * 6 * 6);
  const colors = new Uint8Array(segments * 6 * 4);
  for (let s = 0, v = 0; s < segments; s++) {
    const ax = xy[4 * s]!, ay = xy[4 * s + 1]!, bx = xy[4 * s + 2]!, by = xy[4 * s + 3]!;
    const r = rgba[8 * s]!, g = rgba[8 * s + 1]!, b = rgba[8 * s + 2]!, a = rgba[8 * s + 3]!;
    for (let c = 0; c < 6; c++, v++) {
      vertices.set([ax, ay, bx, by, CORNERS[2 * c]!, CORNERS[2 * c + 1]!], 6 * v);
      colors[4 * v] = r;
      colors[4 * v + 1] = g;
      colors[4 * v + 2] = b;
      colors[4 * v + 3] = a;
    }
  }
  return { vertices, rgba: colors, count: segments * 6 };
}
