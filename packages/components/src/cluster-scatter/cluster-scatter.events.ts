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

/** `hover`: the hovered row changed (pointer, keyboard-free programmatic or a linked view). `index` -1 = none. */
export type ClusterScatterHoverEvent = CustomEvent<{ index: number; indices: Uint32Array }>;

/** `select`: the selection changed; `indices` are the selected rows, ascending. */
export type ClusterScatterSelectEvent = CustomEvent<{ indices: Uint32Array }>;

/** `view-change`: the user panned, zoomed or reset the view. */
export type ClusterScatterViewChangeEvent = CustomEvent<{ view: ViewState }>;

/** Every event `<cluster-scatter>` fires; `addEventListener` on the element is typed with it. */
export interface ClusterScatterEventMap extends HTMLElementEventMap {
  'cluster-scatter-render': ClusterScatterRenderEvent;
  'cluster-scatter-error': ClusterScatterErrorEvent;
  hover: ClusterScatterHoverEvent;
  select: ClusterScatterSelectEvent;
  'view-change': ClusterScatterViewChangeEvent;
}

// `select` is left out here: the DOM already declares `select: Event` (text selection), and a
// global redeclaration would not compile. Listeners on the element itself are typed through
// ClusterScatterEventMap; on ancestors, cast to ClusterScatterSelectEvent.
declare global {
  interface GlobalEventHandlersEventMap {
    'cluster-scatter-render': ClusterScatterRenderEvent;
    'cluster-scatter-error': ClusterScatterErrorEvent;
    hover: ClusterScatterHoverEvent;
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
