import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** CSS size of an element plus the devicePixelRatio it is shown at. */
export interface ElementSize {
  readonly width: number;
  readonly height: number;
  readonly devicePixelRatio: number;
}

/**
 * Watches the host's content box with a ResizeObserver while connected and reports size changes
 * (including devicePixelRatio changes noticed at the next resize or {@link measure}).
 * Observes only between hostConnected and hostDisconnected; no global listeners.
 */
export class ResizeController implements ReactiveController {
  size: ElementSize = { width: 0, height: 0, devicePixelRatio: 1 };
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly onResize: (size: ElementSize) => void;
  private observer: ResizeObserver | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, onResize: (size: ElementSize) => void) {
    this.host = host;
    this.onResize = onResize;
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]!.contentRect;
      this.update(box.width, box.height);
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  /** Measures synchronously (forces layout), e.g. before the first frame; reports any change. */
  measure(): ElementSize {
    const style = getComputedStyle(this.host);
    const rect = this.host.getBoundingClientRect();
    const padX = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
    const padY = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
    this.update(Math.max(0, rect.width - (padX || 0)), Math.max(0, rect.height - (padY || 0)));
    return this.size;
  }

  private update(width: number, height: number): void {
    const devicePixelRatio = globalThis.devicePixelRatio || 1;
    const s = this.size;
    if (s.width === width && s.height === height && s.devicePixelRatio === devicePixelRatio) return;
    this.size = { width, height, devicePixelRatio };
    this.onResize(this.size);
  }
}
