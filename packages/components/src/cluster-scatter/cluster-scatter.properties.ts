import type { PropertyDeclarations } from 'lit';
import type { Table } from 'apache-arrow';
import type { ClusterOutline } from '../outline/cluster-outline.js';
import type { OutlinesSetting } from '../outline/resolve-outlines.js';
import type { TooltipFormatter } from './point-info.js';
import type { WebGLMode } from './check-settings.js';

/**
 * lit property declarations of `<cluster-scatter>` (see the class comment for their meaning): data arrays
 * are properties only, small settings are attributes (kebab-case), `_`-prefixed entries are internal state.
 */
export const CLUSTER_SCATTER_PROPERTIES: PropertyDeclarations = {
  x: { attribute: false }, y: { attribute: false }, positions: { attribute: false }, cluster: { attribute: false },
  value: { attribute: false }, data: { attribute: false }, tokens: { attribute: false }, preambles: { attribute: false },
  tooltipFormatter: { attribute: false },
  xColumn: { attribute: 'x-column' }, yColumn: { attribute: 'y-column' }, clusterColumn: { attribute: 'cluster-column' },
  tokenColumn: { attribute: 'token-column' }, preambleColumn: { attribute: 'preamble-column' }, valueColumn: { attribute: 'value-column' },
  pointSize: { attribute: 'point-size', type: Number }, colorScheme: { attribute: 'color-scheme' }, background: {},
  legend: { type: Boolean, reflect: true }, dragMode: { attribute: 'drag-mode' }, transition: { type: Number },
  interactivePoints: { attribute: 'interactive-points', type: Number }, outlines: {},
  outlineWidth: { attribute: 'outline-width', type: Number }, outlineFill: { attribute: 'outline-fill', type: Number },
  hoverDim: { attribute: 'hover-dim', converter: { fromAttribute: (v: string | null) => (v === null || /^auto$/i.test(v.trim()) ? 'auto' : !/^(false|off|0)$/i.test(v.trim())) } },
  theme: { reflect: true }, webgl: {},
  _error: { state: true }, _hovered: { state: true }, _focusRank: { state: true }, _hidden: { state: true },
  _selected: { state: true }, _overlay: { state: true }, _autoOutlines: { state: true },
};

/**
 * Public properties of `<cluster-scatter>` (merged into the class). Data arrays (`x`, `y`, `positions`,
 * `cluster`, `value`, `data`, `tokens`, `preambles`) are properties only: replace them to re-render,
 * never edit them in place.
 */
export interface ClusterScatterSettings {
  x: Float32Array | Float64Array | null;
  y: Float32Array | Float64Array | null;
  positions: Float32Array | Float64Array | null;
  cluster: Int32Array | null;
  value: Float32Array | null;
  data: Table | null;
  tokens: ArrayLike<string> | null;
  preambles: ArrayLike<string> | null;
  /** Tooltip text of a point (default: token, preamble, cluster); shown as text, never HTML. */
  tooltipFormatter: TooltipFormatter | null;
  /**
   * Arrow column names (attributes `x-column`, `y-column`, `cluster-column` (`''` = none), `token-column` (default
   * `guess`, `''` = none), `preamble-column` (default `preamble`)). A text column set explicitly must exist (else an
   * error naming the attribute); a missing *default* one only fires `cluster-scatter-warning` and shows no such text.
   */
  xColumn: string; yColumn: string; clusterColumn: string; tokenColumn: string; preambleColumn: string;
  /**
   * Numeric Arrow column coloured through a continuous `color-scheme` (attribute `value-column`, default
   * `''` = none; wins over `value`). With value colouring the legend shows a min→max ramp.
   */
  valueColumn: string;
  /** Point diameter in CSS pixels (attribute `point-size`, default 4). */
  pointSize: number;
  /** `'categorical'` (default), `'tol-rainbow'`, `'continuous'` or a d3 interpolator name. */
  colorScheme: string;
  /** Any CSS colour; `''` (default) uses `--cluster-scatter-background`. */
  background: string;
  /** Shows the cluster legend (boolean attribute). */
  legend: boolean;
  /** What plain drags do: `'pan'` (default), `'lasso'` or `'rect'`. */
  dragMode: 'pan' | 'lasso' | 'rect';
  /** Morph duration in ms when new coordinates keep the row count (default 0: jump). */
  transition: number;
  /** `'light'` (default), `'dark'` or `'auto'` (follows prefers-color-scheme, repainting when it changes). */
  theme: string;
  /**
   * Level of detail (attribute `interactive-points`, default 30000): while the camera moves, draw about
   * this many points inside the view (a fixed seeded random sample), then all points 150 ms after it
   * stops. 0 = always draw everything.
   */
  interactivePoints: number;
  /**
   * Cluster outlines, drawn as `outline-width` lines in a darker shade of the cluster colour (or
   * `--cluster-scatter-outline`): given polygons (`{clusterId, rings}[]`, data coordinates), `'auto'`
   * (attribute `outlines="auto"`: concave hull of each cluster's 80 % density core, computed in a
   * Worker for large data) or null (default).
   */
  outlines: OutlinesSetting;
  /** Outline line width in CSS pixels (attribute `outline-width`, default 2; 0 hides outlines). */
  outlineWidth: number;
  /**
   * Opacity in [0, 1] of the outlines' filled interiors, drawn under the points in each cluster's point colour
   * (attribute `outline-fill`, default 0: lines only). 0.2 gives ClusterPlot's blobs. Hidden (legend) clusters get
   * no fill; out of focus or selection a fill dims like the points. A bad value is reported and draws no fill.
   */
  outlineFill: number;
  /**
   * Hovering a point dims every point outside its cluster, like legend hover (attribute `hover-dim`).
   * Each change of hovered cluster redraws every point, so the default `'auto'` dims only while the plot
   * has at most `interactive-points` points (30,000 by default; with `interactive-points="0"` always) and
   * otherwise keeps hover to the cheap ring overlay; `true` (`hover-dim` / `"on"`) always dims, `false`
   * (`"false"`, `"off"`, `"0"`) never.
   */
  hoverDim: boolean | 'auto';
  /**
   * WebGL version (attribute `webgl`): `'auto'` (default: WebGL 2 when the browser has it, else WebGL 1) or `'1'`
   * (always WebGL 1, e.g. to see what users of old browsers see; it draws through the page's shared WebGL 1
   * context while other plots keep WebGL 2). Changing it re-creates the GL layer and uploads everything again;
   * a bad value is reported (`cluster-scatter-error` naming `webgl`) and means `'auto'`. See `isWebGL2`.
   */
  webgl: WebGLMode;
}

/** Internal reactive state of `<cluster-scatter>` (merged into the class). */
export interface ClusterScatterState {
  /** @internal */ _error: Error | null;
  /** @internal */ _hovered: number;
  /** @internal */ _focusRank: number;
  /** @internal */ _hidden: ReadonlySet<number>;
  /** @internal */ _selected: Uint32Array;
  /** @internal Hulls of `outlines="auto"` for the current data; null while computed in a Worker. */ _autoOutlines: ClusterOutline[] | null;
}
