/**
 * The `hover` and `select` event details shared by `<cluster-scatter>` and `<token-cloud>`, so one listener
 * on a common ancestor (the linked-view pattern) reads the same fields from both elements.
 *
 * - `row` / `rows`: **dataset rows**, in every element: use these to link views (they are what a shared
 *   `SelectionModel` speaks).
 * - `index` / `indices`: the element's own indices: in `<cluster-scatter>` they are rows (equal to `row` /
 *   `rows`); in `<token-cloud>` they are local label indices (`cloud.tokens[index]`, `cloud.labelBox(index)`).
 *
 * Arrays are ascending and must be treated as read-only (an element may pass the same array in both fields).
 */
export interface RowHoverDetail {
  /** The hovered dataset row, -1 when nothing is hovered. */
  readonly row: number;
  /** `[row]`, or empty when nothing is hovered. */
  readonly rows: Uint32Array;
  /** The hovered element-local index (see above), -1 when nothing is hovered. */
  readonly index: number;
  /** `[index]`, or empty. */
  readonly indices: Uint32Array;
}

/** Detail of a `select` event: the selection after the change (see {@link RowHoverDetail} for rows vs indices). */
export interface RowSelectDetail {
  /** Selected dataset rows, ascending. */
  readonly rows: Uint32Array;
  /** Selected element-local indices, ascending (rows in `<cluster-scatter>`, label indices in `<token-cloud>`). */
  readonly indices: Uint32Array;
}

/** `hover` of any clamp-viz element (bubbling, composed); typed globally, so `document.addEventListener('hover', …)` sees it. */
export type RowHoverEvent = CustomEvent<RowHoverDetail>;

/** `select` of any clamp-viz element (bubbling, composed). Not typed globally (the DOM's own `select` event); cast on ancestors. */
export type RowSelectEvent = CustomEvent<RowSelectDetail>;

/** A hover detail: `row` with its element-local `index` (-1 none). O(1). */
export function hoverDetail(row: number, index: number): RowHoverDetail {
  return {
    row, index,
    rows: row >= 0 ? Uint32Array.of(row) : new Uint32Array(0),
    indices: index >= 0 ? Uint32Array.of(index) : new Uint32Array(0),
  };
}
