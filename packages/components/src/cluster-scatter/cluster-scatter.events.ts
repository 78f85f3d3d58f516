import type { ClusterScatterInputError } from '../errors.js';
import type { RowHoverEvent, RowSelectEvent } from '../selection/row-events.js';
import type { ViewState } from '../view/view-state.js';

/**
 * Fired after a frame is drawn. `pointCount`: points in the data; `drawnCount`: points this frame drew
 * (fewer while the camera moves, see `interactive-points`); `frameKind`: `'full'` when the frame drew the
 * points, `'composite'` when it reused the cached point layer and redrew only overlays (hover ring, outlines).
 */
export type ClusterScatterRenderEvent = CustomEvent<{ pointCount: number; drawnCount: number; frameKind: 'full' | 'composite' }>;

/**
 * Fired when data or options set through properties/attributes are rejected (the plot then shows
 * no points and an error line). `error` is a `ClusterScatterInputError` (or `RendererError`).
 */
export type ClusterScatterErrorEvent = CustomEvent<{ error: Error }>;

/**
 * Fired when data is usable but a default setting could not apply, e.g. the Arrow table has no column named
 * like the default `token-column` (`guess`) or `preamble-column` (`preamble`): tooltips then show no such text.
 * `warning` names the attribute, the default value and (in its message) the table's columns. `error` stays null.
 */
export type ClusterScatterWarningEvent = CustomEvent<{ warning: ClusterScatterInputError }>;

/**
 * `hover`: the hovered row changed (pointer, programmatic or a linked view). The same detail as `<token-cloud>`'s
 * (see RowHoverDetail): `row`/`rows` = dataset rows (use these for linking; -1 / empty = none); here
 * `index`/`indices` are rows too, equal to `row`/`rows`.
 */
export type ClusterScatterHoverEvent = RowHoverEvent;

/** `select`: the selection changed; `rows` = the selected dataset rows, ascending; `indices` here is the same array. */
export type ClusterScatterSelectEvent = RowSelectEvent;

/** `view-change`: the user panned, zoomed or reset the view. */
export type ClusterScatterViewChangeEvent = CustomEvent<{ view: ViewState }>;

/** Every event `<cluster-scatter>` fires; `addEventListener` on the element is typed with it. */
export interface ClusterScatterEventMap extends HTMLElementEventMap {
  'cluster-scatter-render': ClusterScatterRenderEvent;
  'cluster-scatter-error': ClusterScatterErrorEvent;
  'cluster-scatter-warning': ClusterScatterWarningEvent;
  hover: ClusterScatterHoverEvent;
  select: ClusterScatterSelectEvent;
  'view-change': ClusterScatterViewChangeEvent;
}

// `select` is left out here: the DOM already declares `select: Event` (text selection), and a
// global redeclaration would not compile. Listeners on the element itself are typed through
// ClusterScatterEventMap; on ancestors, cast to RowSelectEvent. `hover` is RowHoverEvent, the detail
// `<token-cloud>` fires too, so a listener on an ancestor is typed correctly for both elements.
declare global {
  interface GlobalEventHandlersEventMap {
    'cluster-scatter-render': ClusterScatterRenderEvent;
    'cluster-scatter-error': ClusterScatterErrorEvent;
    'cluster-scatter-warning': ClusterScatterWarningEvent;
    hover: RowHoverEvent;
    'view-change': ClusterScatterViewChangeEvent;
  }
}

// Typed listeners on the element itself (including `select`), merged into the class declaration.
declare module './cluster-scatter.component.js' {
  interface ClusterScatter {
    addEventListener<K extends keyof ClusterScatterEventMap>(type: K, listener: (this: ClusterScatter, ev: ClusterScatterEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
    addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
    removeEventListener<K extends keyof ClusterScatterEventMap>(type: K, listener: (this: ClusterScatter, ev: ClusterScatterEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
    removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
  }
}
