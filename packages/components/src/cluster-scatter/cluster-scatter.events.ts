import type { ViewState } from '../view/view-state.js';

/** Fired after a frame is drawn. `pointCount`: points drawn. */
export type ClusterScatterRenderEvent = CustomEvent<{ pointCount: number }>;

/**
 * Fired when data or options set through properties/attributes are rejected (the plot then shows
 * no points and an error line). `error` is a `ClusterScatterInputError` (or `RendererError`).
 */
export type ClusterScatterErrorEvent = CustomEvent<{ error: Error }>;

/** Fired when the user pans, zooms or resets the view. */
export type ClusterScatterViewEvent = CustomEvent<{ view: ViewState }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'cluster-scatter-render': ClusterScatterRenderEvent;
    'cluster-scatter-error': ClusterScatterErrorEvent;
    'cluster-scatter-view': ClusterScatterViewEvent;
  }
}
