import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What keys ask the host to do. */
export interface KeyboardHandlers {
  /** Pan by a fraction of the plot size (content moves by dx·width, dy·height). */
  pan(fx: number, fy: number): void;
  /** Zoom by `factor` around the plot centre. */
  zoom(factor: number): void;
  reset(): void;
  clearSelection(): void;
}

/** Keyboard panning step: a tenth of the plot per arrow press. */
const PAN_STEP = 0.1;
const ZOOM_STEP = 1.25;

/**
 * Keyboard control of a focusable host: arrows pan, `+`/`=` and `-` zoom around the centre, `0` or
 * `Home` fits the data, `Escape` clears the selection. Makes the host focusable (`tabindex="0"`)
 * unless the page set a tabindex. Keys with Ctrl/Meta/Alt are left to the browser.
 */
export class KeyboardController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly handlers: KeyboardHandlers;

  constructor(host: ReactiveControllerHost & HTMLElement, handlers: KeyboardHandlers) {
    this.host = host;
    this.handlers = handlers;
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.host.hasAttribute('tabindex')) this.host.tabIndex = 0;
    this.host.addEventListener('keydown', this.onKey);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKey);
  }

  private readonly onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const h = this.handlers;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => h.pan(PAN_STEP, 0),
      ArrowRight: () => h.pan(-PAN_STEP, 0),
      ArrowUp: () => h.pan(0, PAN_STEP),
      ArrowDown: () => h.pan(0, -PAN_STEP),
      '+': () => h.zoom(ZOOM_STEP),
      '=': () => h.zoom(ZOOM_STEP),
      '-': () => h.zoom(1 / ZOOM_STEP),
      '0': () => h.reset(),
      Home: () => h.reset(),
      Escape: () => h.clearSelection(),
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };
}
