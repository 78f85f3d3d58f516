/** Default number of points drawn per frame while the camera moves (attribute `interactive-points`). */
export const DEFAULT_INTERACTIVE_POINTS = 30_000;

/**
 * How many points (a prefix of the seeded draw order) to draw in an interactive frame so that about
 * `budget` of them land inside the view: `budget / f`, where f is the fraction of the data's bounding
 * box the view covers (a uniform-density estimate), capped at n. `budget` ≤ 0 or ≥ n means all.
 * Pure, O(1). `view*` and `data*` are half-extents and centres in the same (data) units.
 */
export function interactiveCount(
  n: number,
  budget: number,
  view: { centerX: number; centerY: number; halfWidth: number; halfHeight: number },
  data: { halfWidth: number; halfHeight: number },
): number {
  if (!(budget > 0) || budget >= n) return n;
  const overlap = (c: number, h: number, dh: number) => Math.max(0, Math.min(c + h, dh) - Math.max(c - h, -dh));
  const dw = Math.max(data.halfWidth, 1e-30), dh = Math.max(data.halfHeight, 1e-30);
  const fx = overlap(view.centerX, view.halfWidth, dw) / (2 * dw);
  const fy = overlap(view.centerY, view.halfHeight, dh) / (2 * dh);
  const f = Math.max(fx * fy, 1e-6);
  return Math.min(n, Math.ceil(budget / f));
}
