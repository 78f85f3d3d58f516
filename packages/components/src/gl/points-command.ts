import type { DefaultContext, DrawCommand, Regl } from 'regl';
import type { PointBuffers } from './point-buffers.js';
import { POINTS_FRAG } from './points.frag.js';
import { POINTS_VERT } from './points.vert.js';

/** Dynamic inputs of one points draw (see points.vert.ts for their meaning). */
export interface PointsProps {
  offset: [number, number];
  /** Residual of `offset` after float32 rounding (see points.vert.ts). */
  offsetLo: [number, number];
  scale: [number, number];
  /** Device pixels. */
  pointSize: number;
  /** 0 = at the previous positions, 1 = at the current ones. */
  morph: number;
  /** Cluster rank to keep bright (others dimmed), or -1. */
  focusRank: number;
  /** 1 when a selection exists (unselected points are dimmed). */
  selectionActive: number;
  /** Alpha of dimmed points (0–1). */
  dimAlpha: number;
  /** First point and number of points to draw. */
  first: number;
  count: number;
  /** Ring colour (highlight pass only), RGBA 0–1. */
  ringColor: [number, number, number, number];
}

/**
 * A regl command drawing points `first … first+count-1` from `buffers` as round sprites, alpha-blended
 * in index order (later points on top). With `frag` = HIGHLIGHT_FRAG it draws the hover highlight.
 */
export function createPointsCommand(regl: Regl, buffers: PointBuffers, frag: string = POINTS_FRAG): DrawCommand<DefaultContext, PointsProps> {
  const prop = <K extends keyof PointsProps>(k: K) => regl.prop<PointsProps, K>(k);
  const base = { offset: prop('offset'), offsetLo: prop('offsetLo'), scale: prop('scale'), pointSize: prop('pointSize'), ringColor: prop('ringColor') };
  return regl<Record<string, unknown>, object, PointsProps>({
    vert: POINTS_VERT,
    frag,
    primitive: 'points',
    attributes: {
      position: { buffer: buffers.position, size: 2 },
      positionLo: () => (buffers.hasLo ? { buffer: buffers.positionLo, size: 2 } : { constant: [0, 0] }),
      prevPosition: { buffer: buffers.prevPosition, size: 2 },
      color: { buffer: buffers.color, size: 4, normalized: true },
      rank: { buffer: buffers.rank, size: 1 },
      state: { buffer: buffers.state, size: 1 },
    },
    uniforms: { ...base, morph: prop('morph'), focusRank: prop('focusRank'), selectionActive: prop('selectionActive'), dimAlpha: prop('dimAlpha') },
    offset: prop('first'),
    count: prop('count'),
    depth: { enable: false },
    blend: {
      enable: true,
      func: { srcRGB: 'src alpha', dstRGB: 'one minus src alpha', srcAlpha: 'one', dstAlpha: 'one minus src alpha' },
    },
  });
}
