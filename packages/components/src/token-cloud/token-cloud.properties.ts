import type { PropertyDeclarations } from 'lit';
import type { Table } from 'apache-arrow';
import type { TooltipFormatter } from '../cluster-scatter/point-info.js';
import type { WebGLMode } from '../cluster-scatter/check-settings.js';

/** lit declarations of `<token-cloud>`: data as properties, settings as (kebab-case) attributes, `_` = internal state. */
export const TOKEN_CLOUD_PROPERTIES: PropertyDeclarations = {
  x: { attribute: false }, y: { attribute: false }, cluster: { attribute: false }, tokens: { attribute: false },
  rows: { attribute: false }, data: { attribute: false }, tooltipFormatter: { attribute: false },
  preamble: {}, xColumn: { attribute: 'x-column' }, yColumn: { attribute: 'y-column' }, clusterColumn: { attribute: 'cluster-column' },
  tokenColumn: { attribute: 'token-column' }, preambleColumn: { attribute: 'preamble-column' },
  fontSize: { attribute: 'font-size', type: Number }, fontFamily: { attribute: 'font-family' },
  maxTokenLength: { attribute: 'max-token-length', type: Number },
  colorScheme: { attribute: 'color-scheme' }, background: {}, legend: { type: Boolean, reflect: true },
  transition: { type: Number }, theme: { reflect: true }, dragMode: { attribute: 'drag-mode' }, webgl: {},
  hoverDim: { attribute: 'hover-dim', converter: { fromAttribute: (v: string | null) => v === null || !/^(false|off|0)$/i.test(v.trim()) } },
  _error: { state: true }, _hovered: { state: true }, _focusRank: { state: true }, _selected: { state: true }, _hidden: { state: true }, _overlay: { state: true },
};

/**
 * Public properties of `<token-cloud>` (merged into the class). Data (`x`, `y`, `cluster`, `tokens`, `rows`,
 * `data`) are properties only: replace them to re-render, never edit them in place.
 */
export interface TokenCloudSettings {
  /** n label x / y coordinates (one method's columns). */
  x: Float32Array | Float64Array | null;
  y: Float32Array | Float64Array | null;
  /** n cluster ids (colour, legend, Shift+click). */
  cluster: Int32Array | null;
  /** n label strings (LM tokens: spaces and control characters are shown visibly). */
  tokens: ArrayLike<string> | null;
  /** n distinct dataset rows these labels are (default 0…n−1): what a shared `selectionModel` speaks. */
  rows: Uint32Array | null;
  /** An Apache Arrow Table; wins over the arrays. Columns by the `*-column` attributes, rows filtered by `preamble`. */
  data: Table | null;
  /** Tooltip text of a label (default: token, preamble, cluster); shown as text, never HTML. */
  tooltipFormatter: TooltipFormatter | null;
  /**
   * The preamble shown (attribute): filters `data` to its rows, and names the view (aria label, tooltip). `''`
   * (default) shows every row of `data`, allowed up to MAX_CLOUD_LABELS (50,000) rows.
   */
  preamble: string;
  /**
   * Arrow column names (defaults `x`, `y`, `cluster_id` (`''` = none), `guess`, `preamble`). A missing default
   * `token-column` draws `∅` labels and a missing default `preamble-column` shows no preamble (each fires
   * `token-cloud-warning`); a name set explicitly must be a column (else `token-cloud-error` naming the attribute).
   */
  xColumn: string; yColumn: string; clusterColumn: string; tokenColumn: string; preambleColumn: string;
  /** Label font size in CSS px (attribute `font-size`, default 12; or `--token-cloud-font-size`). */
  fontSize: number;
  /** CSS font-family (attribute `font-family`; default `--token-cloud-font-family`, else system-ui). */
  fontFamily: string;
  /** Labels longer than this many characters are cut with `…` (attribute `max-token-length`, default 24). */
  maxTokenLength: number;
  /** `'tol-rainbow'` (default: Tol's discrete rainbow over the clusters present, by rank; categorical above 23), `'categorical'`, or a d3 interpolator. */
  colorScheme: string;
  /** Any CSS colour; `''` (default) uses `--token-cloud-background`. */
  background: string;
  /** Shows the cluster legend (boolean attribute). */
  legend: boolean;
  /** Morph duration in ms when new coordinates keep the label count (default 0; reduced motion jumps). */
  transition: number;
  /** `'light'` (default), `'dark'` or `'auto'`. */
  theme: string;
  /** What plain drags do, as in `<cluster-scatter>`: `'pan'` (default), `'lasso'` or `'rect'` (Shift+drag always lassos). */
  dragMode: 'pan' | 'lasso' | 'rect';
  /**
   * Hovering a label dims the labels of other clusters, like `<cluster-scatter>`'s hover-dim (default true;
   * attribute `hover-dim="false"` / `"off"` turns it off). Hovering a legend row always highlights its cluster.
   */
  hoverDim: boolean;
  /**
   * WebGL version (attribute `webgl`), as in `<cluster-scatter>`: `'auto'` (default: WebGL 2 when available, else
   * WebGL 1) or `'1'` (always WebGL 1, through the page's shared WebGL 1 context). Changing it re-creates the GL layer
   * and uploads the glyph atlas again; a bad value fires `token-cloud-error` naming `webgl` and means `'auto'`.
   */
  webgl: WebGLMode;
}

/** Internal reactive state (merged into the class). */
export interface TokenCloudState {
  /** @internal */ _error: Error | null;
  /** @internal local label index, or -1 */ _hovered: number;
  /** @internal local label indices, ascending */ _selected: Uint32Array;
  /** @internal hidden cluster ranks */ _hidden: ReadonlySet<number>;
  /** @internal cluster rank under the pointer / focus in the legend, or -1 */ _focusRank: number;
}
