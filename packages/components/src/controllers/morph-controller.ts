import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Runs one animation at a time from 0 to 1 over `duration` ms (cubic ease-in-out) with
 * requestAnimationFrame, calling `step(t)` each frame and `step(1)` at the end. `start` with
 * duration 0, or when the user prefers reduced motion, jumps straight to 1. Cancelled (jumping to
 * the end) on host disconnect or when a new morph starts.
 */
export class MorphController implements ReactiveController {
  private frame = 0;
  private step: ((t: number) => void) | null = null;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** True while an animation runs. */
  get running(): boolean {
    return this.frame !== 0;
  }

  hostDisconnected(): void {
    this.finish();
  }

  start(duration: number, step: (t: number) => void): void {
    this.finish();
    if (!(duration > 0) || prefersReducedMotion()) {
      step(1);
      return;
    }
    this.step = step;
    const t0 = performance.now();
    const tick = (now: number) => {
      const u = Math.min(1, (now - t0) / duration);
      if (u >= 1) {
        this.finish();
        return;
      }
      step(u < 0.5 ? 4 * u * u * u : 1 - (-2 * u + 2) ** 3 / 2);
      this.frame = requestAnimationFrame(tick);
    };
    step(0);
    this.frame = requestAnimationFrame(tick);
  }

  /** Ends the running animation at t = 1 (no-op when none). */
  finish(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    const step = this.step;
    this.step = null;
    step?.(1);
  }
}

/** The `prefers-reduced-motion: reduce` media query (false where matchMedia is missing). */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
