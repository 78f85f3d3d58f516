import type { ClusterScatterViewChangeEvent } from '../cluster-scatter/cluster-scatter.events.js';

/** `token-cloud-render`: a frame was drawn; `labelCount` labels in the data, `placedCount` drawn as text (the rest as dots). */
export type TokenCloudRenderEvent = CustomEvent<{ labelCount: number; placedCount: number }>;

/** `token-cloud-error`: data or a setting was rejected; `error` is a TokenCloudInputError (or RendererError). */
export type TokenCloudErrorEvent = CustomEvent<{ error: Error }>;

/** `hover`: the hovered label changed. `index`: local label index (-1 none); `row`: its dataset row (-1 none). */
export type TokenCloudHoverEvent = CustomEvent<{ index: number; row: number; indices: Uint32Array }>;

/** `select`: the selection changed. `indices`: selected labels (local, ascending); `rows`: their dataset rows. */
export type TokenCloudSelectEvent = CustomEvent<{ indices: Uint32Array; rows: Uint32Array }>;

/** `view-change`: the user panned, zoomed or reset the view (the same event as `<cluster-scatter>`'s). */
export type TokenCloudViewChangeEvent = ClusterScatterViewChangeEvent;

/** Every event `<token-cloud>` fires (bubbling, composed); `addEventListener` on the element is typed with it. */
export interface TokenCloudEventMap extends HTMLElementEventMap {
  'token-cloud-render': TokenCloudRenderEvent;
  'token-cloud-error': TokenCloudErrorEvent;
  hover: TokenCloudHoverEvent;
  select: TokenCloudSelectEvent;
  'view-change': TokenCloudViewChangeEvent;
}

// `hover`, `select` and `view-change` are declared globally by <cluster-scatter> (same names, its detail types);
// only the token-cloud-specific names are added here. On the element itself listeners are typed by TokenCloudEventMap.
declare global {
  interface GlobalEventHandlersEventMap {
    'token-cloud-render': TokenCloudRenderEvent;
    'token-cloud-error': TokenCloudErrorEvent;
  }
}

declare module './token-cloud.component.js' {
  interface TokenCloud {
    addEventListener<K extends keyof TokenCloudEventMap>(type: K, listener: (this: TokenCloud, ev: TokenCloudEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
    addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
    removeEventListener<K extends keyof TokenCloudEventMap>(type: K, listener: (this: TokenCloud, ev: TokenCloudEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
    removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
  }
}
