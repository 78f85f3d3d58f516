import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Calls `onChange` when the user's `prefers-color-scheme` changes (e.g. the OS switches to dark),
 * listening only while the host is connected, so a `theme="auto"` plot repaints at once rather than
 * at its next frame. No-op where `matchMedia` is missing.
 */
export class ColorSchemeController implements ReactiveController {
  private query: MediaQueryList | null = null;
  private readonly onChange: () => void;

  constructor(host: ReactiveControllerHost, onChange: () => void) {
    this.onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof matchMedia !== 'function') return;
    this.query = matchMedia('(prefers-color-scheme: dark)');
    this.query.addEventListener('change', this.listener);
  }

  hostDisconnected(): void {
    this.query?.removeEventListener('change', this.listener);
    this.query = null;
  }

  private readonly listener = () => this.onChange();
}
