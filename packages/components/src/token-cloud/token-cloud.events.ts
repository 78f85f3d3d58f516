import type { ClusterScatterViewChangeEvent } from '../cluster-scatter/cluster-scatter.events.js';
import type { RowHoverEvent, RowSelectEvent } from '../selection/row-events.js';
import type { TokenCloudInputError } from './token-cloud-input-error.js';

/** `token-cloud-render`: a frame was drawn; `labelCount` labels in the data, `placedCount` drawn as text (the rest as dots). */
export type TokenCloudRenderEvent = CustomEvent<{ labelCount: number; placedCount: number }>;

/** `token-cloud-error`: data or a setting was rejected; `error` is a TokenCloudInputError (or RendererError). */
export type TokenCloudErrorEvent = CustomEvent<{ error: Error }>;

/**
 * `token-cloud-warning`: the data was drawn but something may not be what was meant: a default text column
 * (`guess`, `preamble`) is missing from the table (labels `∅` / no preamble; the message lists the columns), or
 * `preamble` matches no row. `warning` names the parameter and value; `error` stays null.
 */
export type TokenCloudWarningEvent = CustomEvent<{ warning: TokenCloudInputError }>;

/**
 * `hover`: the hovered label changed; the same detail as `<cluster-scatter>`'s (RowHoverDetail). `row`/`rows`:
 * its dataset row (-1 / empty = none): use these for linking. `index`/`indices`: the local label index.
 */
export type TokenCloudHoverEvent = RowHoverEvent;

/** `select`: the selection changed. `rows`: the selected labels' dataset rows (ascending); `indices`: the labels (local, ascending). */
export type TokenCloudSelectEvent = RowSelectEvent;

/** `view-change`: the user panned, zoomed or reset the view (the same event as `<cluster-scatter>`'s). */
export type TokenCloudViewChangeEvent = ClusterScatterViewChangeEvent;

/** Every event `<token-cloud>` fires (bubbling, composed); `addEventListener` on the element is typed with it. */
export interface TokenCloudEventMap extends HTMLElementEventMap {
  'token-cloud-render': TokenCloudRenderEvent;
  'token-cloud-error': TokenCloudErrorEvent;
  'token-cloud-warning': TokenCloudWarningEvent;
  hover: TokenCloudHoverEvent;
  select: TokenCloudSelectEvent;
  'view-change': TokenCloudViewChangeEvent;
}

// `hover` (RowHoverEvent, shared by both elements) and `view-change` are declared globally by <cluster-scatter>;
// only the token-cloud-specific names are added here. On the element itself listeners are typed by TokenCloudEventMap.
declare global {
  interface GlobalEventHandlersEventMap {
    'token-cloud-render': TokenCloudRenderEvent;
    'token-cloud-error': TokenCloudErrorEvent;
    'token-cloud-warning': TokenCloudWarningEvent;
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
