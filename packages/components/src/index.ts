// @clamp-viz/components: classes and helpers only. Importing this has no side effects; import
// '@clamp-viz/components/cluster-scatter.js' (or './define.js') to register the elements.
export { ClusterScatter } from './cluster-scatter/cluster-scatter.component.js';
export type { ClusterScatterErrorEvent, ClusterScatterRenderEvent, ClusterScatterViewEvent } from './cluster-scatter/cluster-scatter.events.js';
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
