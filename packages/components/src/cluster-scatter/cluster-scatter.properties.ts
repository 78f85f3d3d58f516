import type { PropertyDeclarations } from 'lit';

/**
 * lit property declarations of `<cluster-scatter>` (see the class comment for their meaning): data arrays
 * are properties only, small settings are attributes (kebab-case), `_`-prefixed entries are internal state.
 */
export const CLUSTER_SCATTER_PROPERTIES: PropertyDeclarations = {
  x: { attribute: false }, y: { attribute: false }, positions: { attribute: false }, cluster: { attribute: false },
  value: { attribute: false }, data: { attribute: false }, tokens: { attribute: false }, preambles: { attribute: false },
  tooltipFormatter: { attribute: false },
  xColumn: { attribute: 'x-column' }, yColumn: { attribute: 'y-column' }, clusterColumn: { attribute: 'cluster-column' },
  tokenColumn: { attribute: 'token-column' }, preambleColumn: { attribute: 'preamble-column' },
  pointSize: { attribute: 'point-size', type: Number }, colorScheme: { attribute: 'color-scheme' }, background: {},
  legend: { type: Boolean, reflect: true }, dragMode: { attribute: 'drag-mode' }, transition: { type: Number },
  interactivePoints: { attribute: 'interactive-points', type: Number }, outlines: {},
  outlineWidth: { attribute: 'outline-width', type: Number },
  theme: { reflect: true },
  _error: { state: true }, _hovered: { state: true }, _focusRank: { state: true }, _hidden: { state: true },
  _selected: { state: true }, _overlay: { state: true }, _autoOutlines: { state: true },
};
