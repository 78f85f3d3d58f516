import type { DefaultContext, DrawCommand, Regl } from 'regl';
import type { PointBuffers } from './point-buffers.js';
import { POINTS_FRAG } from './points.frag.js';
import { POINTS_VERT } from './points.vert.js';

/** Dynamic inputs of one points draw. */
export interface PointsProps {
  offset: [number, number];
  scale: [number, number];
  /** Device pixels. */
  pointSize: number;
  count: number;
}

/**
 * A regl command drawing `count` points from `buffers` as round sprites, alpha-blended in index
 * order (later points on top). Reusable for future passes (hover, selection) with other buffers.
 */
export function createPointsCommand(regl: Regl, buffers: PointBuffers): DrawCommand<DefaultContext, PointsProps> {
  return regl<{ offset: [number, number]; scale: [number, number]; pointSize: number }, object, PointsProps>({
    vert: POINTS_VERT,
    frag: POINTS_FRAG,
    primitive: 'points',
    attributes: {
      position: { buffer: buffers.position, size: 2 },
      color: { buffer: buffers.color, size: 4, normalized: true },
    },
    uniforms: {
      offset: regl.prop<PointsProps, 'offset'>('offset'),
      scale: regl.prop<PointsProps, 'scale'>('scale'),
      pointSize: regl.prop<PointsProps, 'pointSize'>('pointSize'),
    },
    count: regl.prop<PointsProps, 'count'>('count'),
    depth: { enable: false },
    blend: {
      enable: true,
      func: { srcRGB: 'src alpha', dstRGB: 'one minus src alpha', srcAlpha: 'one', dstAlpha: 'one minus src alpha' },
    },
  });
}
