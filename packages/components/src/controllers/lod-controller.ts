import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_INTERACTIVE_POINTS, interactiveCount } from '../gl/level-of-detail.js';

/** Milliseconds without camera movement after which the full point set is drawn again. */
export const SETTLE_MS = 150;

/**
 * Level of detail while the camera moves: {@link moved} marks the view as moving; until it has been
 * still for {@link SETTLE_MS}, {@link drawCount} is a budget-sized prefix of the layer's seeded draw
 * order (see level-of-detail.ts), then null (all points) and `onSettle` redraws. No work per point.
 */
export class LodController implements ReactiveController {
  /** Points to aim for inside the view per interactive frame; 0 = always draw everything. */
  budget = DEFAULT_INTERACTIVE_POINTS;
  private moving = false;
  private timer: ReturnType<typeof setTimeout> | 0 = 0;
  private readonly onSettle: () => void;

  constructor(host: ReactiveControllerHost, onSettle: () => void) {
    this.onSettle = onSettle;
    host.addController(this);
  }

  /** True between a camera move and the settled full frame. */
  get interacting(): boolean {
    return this.moving;
  }

  /** The camera moved: draw subsampled frames until it settles. */
  moved(): void {
    if (!(this.budget > 0)) return;
    this.moving = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = 0;
      this.moving = false;
      this.onSettle();
    }, SETTLE_MS);
  }

  /** Points to draw now: null (all) unless moving; see {@link interactiveCount}. */
  drawCount(n: number, view: Parameters<typeof interactiveCount>[2], data: Parameters<typeof interactiveCount>[3]): number | null {
    if (!this.moving) return null;
    const m = interactiveCount(n, this.budget, view, data);
    return m >= n ? null : m;
  }

  hostDisconnected(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = 0;
    this.moving = false;
  }
}
