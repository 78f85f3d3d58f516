// @clamp-viz/components: classes and helpers only. Importing this has no side effects; import
// '@clamp-viz/components/cluster-scatter.js' (or './define.js') to register the elements.
export { ClusterScatter } from './cluster-scatter/cluster-scatter.component.js';
export type { ClusterScatterErrorEvent, ClusterScatterEventMap, ClusterScatterHoverEvent, ClusterScatterRenderEvent, ClusterScatterSelectEvent, ClusterScatterViewChangeEvent } from './cluster-scatter/cluster-scatter.events.js';
export { ClusterScatterInputError, RendererError } from './errors.js';
export { categoricalColor } from './color/categorical-color.js';
export { tolRainbowDiscrete, TOL_RAINBOW_MAX } from './color/tol-rainbow-discrete.js';
export { resolveColorScheme, continuousSchemeNames } from './color/color-scheme.js';
export type { ColorScheme } from './color/color-scheme.js';
export { pointColors } from './color/point-colors.js';
export type { PointColors } from './color/point-colors.js';
export { resolvePointData } from './data/resolve-point-data.js';
export type { PointSource, ResolvedPoints } from './data/resolve-point-data.js';
export { createRenderer } from './gl/create-renderer.js';
export type { Renderer, RendererOptions } from './gl/create-renderer.js';
export { createScatterLayer } from './gl/scatter-layer.js';
export type { ScatterLayer, PixelImage } from './gl/scatter-layer.js';
export type { ViewState } from './view/view-state.js';
export { createSelectionModel } from './selection/selection-model.js';
export type { SelectionModel, SelectionState, SelectionChange } from './selection/selection-model.js';
export { combineSelection } from './selection/combine-selection.js';
export type { SelectionMode } from './selection/combine-selection.js';
export { buildGridIndex, nearestPoint, pointsInPolygon, pointsInRect } from './pick/grid-index.js';
export type { GridIndex } from './pick/grid-index.js';
export { buildGridIndexAsync, WORKER_INDEX_THRESHOLD } from './pick/build-grid-index.js';
export type { BuildGridIndexOptions } from './pick/build-grid-index.js';
export { defaultTooltip } from './cluster-scatter/point-info.js';
export type { PointInfo, TooltipFormatter } from './cluster-scatter/point-info.js';
export type { LayerStyle } from './gl/scatter-layer.js';
