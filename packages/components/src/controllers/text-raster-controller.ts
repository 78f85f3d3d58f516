import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a {@link TextRasterController} tells its host. */
export interface TextRasterCallbacks {
  /** A web font the host draws with finished loading (or a wait for one timed out): rasterise the text again. */
  fontsChanged(): void;
  /** `devicePixelRatio` changed (window moved to another screen, browser zoom): measure and rasterise again. */
  resolutionChanged(): void;
}

/** How long a rasterisation waits for a loading font before drawing with the fallback (like the browsers' own font-display block period). */
export const FONT_WAIT_MS = 3000;

/**
 * Keeps text rasterised by a host (glyph atlases) in step with what the page can draw:
 * - {@link fontReady} answers whether a CSS font can be drawn now (`document.fonts.check`); when not, it starts
 *   `document.fonts.load(font, sample)` and calls `fontsChanged` once that font loaded (or after {@link FONT_WAIT_MS}),
 *   so the host draws nothing instead of a fallback that would be replaced a moment later;
 * - while connected it listens to `document.fonts` `loadingdone` and calls `fontsChanged` when a face of a family
 *   the host uses (see {@link fontReady}) arrived later, e.g. a stylesheet's `@font-face` used only after the first frame;
 * - it watches a `(resolution: <dpr>dppx)` media query and calls `resolutionChanged` when it stops matching
 *   (then re-arms for the new ratio), so text stays sharp when the window moves between screens.
 * Listeners live only between hostConnected and hostDisconnected. {@link pending} is the current wait, if any.
 */
export class TextRasterController implements ReactiveController {
  /** Resolves after `fontsChanged` was called for the font being waited for; null when not waiting. */
  pending: Promise<void> | null = null;
  private readonly on: TextRasterCallbacks;
  private families: string[] = [];
  private waitingFor = '';
  private readonly gaveUp = new Set<string>();
  private media: MediaQueryList | null = null;
  private connected = false;

  constructor(host: ReactiveControllerHost, callbacks: TextRasterCallbacks) {
    this.on = callbacks;
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    globalThis.document?.fonts?.addEventListener('loadingdone', this.onFontsLoaded);
    this.armResolution();
  }

  hostDisconnected(): void {
    this.connected = false;
    globalThis.document?.fonts?.removeEventListener('loadingdone', this.onFontsLoaded);
    this.media?.removeEventListener('change', this.onResolution);
    this.media = null;
  }

  /**
   * True when `font` (CSS shorthand, e.g. `normal 12px "Noto Sans", sans-serif`) can draw `sample` now: no face of
   * its families is still to load. Otherwise starts loading it and returns false (until it loaded or the wait timed
   * out). Remembers the font's families for `loadingdone`. Never throws (an unparsable font counts as ready).
   */
  fontReady(font: string, sample: string): boolean {
    this.families = fontFamilies(font);
    const fonts = globalThis.document?.fonts;
    if (!fonts || this.gaveUp.has(font)) return true;
    let ready: boolean;
    try {
      ready = fonts.check(font, sample || 'x');
    } catch {
      return true;
    }
    if (ready || this.waitingFor === font) return ready;
    this.waitingFor = font;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.gaveUp.add(font);
        resolve();
      }, FONT_WAIT_MS);
    });
    const wait = Promise.race([fonts.load(font, sample || 'x').then(() => undefined, () => void this.gaveUp.add(font)), timeout]).then(() => {
      clearTimeout(timer);
      if (this.waitingFor === font) this.waitingFor = '';
      if (this.pending === wait) this.pending = null;
      if (this.connected) this.on.fontsChanged();
    });
    this.pending = wait;
    return false;
  }

  private readonly onFontsLoaded = (event: Event) => {
    const faces = (event as FontFaceSetLoadEvent).fontfaces ?? [];
    if (this.waitingFor) return; // the wait above reports it
    if (faces.some((f) => this.families.includes(unquote(f.family).toLowerCase()))) this.on.fontsChanged();
  };

  private armResolution(): void {
    this.media?.removeEventListener('change', this.onResolution);
    this.media = null;
    if (typeof globalThis.matchMedia !== 'function') return;
    this.media = globalThis.matchMedia(`(resolution: ${globalThis.devicePixelRatio || 1}dppx)`);
    this.media.addEventListener('change', this.onResolution);
  }

  private readonly onResolution = () => {
    if (!this.connected) return;
    this.armResolution();
    this.on.resolutionChanged();
  };
}

/** The family names of a CSS font shorthand, lower case and unquoted (everything after the size). */
function fontFamilies(font: string): string[] {
  const m = /\d(?:px|pt|em|rem|%)\s*(?:\/\s*\S+\s+)?(.*)$/i.exec(font);
  return (m?.[1] ?? font).split(',').map((f) => unquote(f).toLowerCase()).filter(Boolean);
}

const unquote = (s: string) => s.trim().replace(/^(["'])(.*)\1$/, '$2');
