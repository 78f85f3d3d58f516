import { ClusterScatter } from './cluster-scatter.component.js';

export { ClusterScatter };
export type { ClusterScatterErrorEvent, ClusterScatterEventMap, ClusterScatterHoverEvent, ClusterScatterRenderEvent, ClusterScatterSelectEvent, ClusterScatterViewChangeEvent } from './cluster-scatter.events.js';

// Defines <cluster-scatter> unless some other copy already did (then that definition is kept).
if (!customElements.get('cluster-scatter')) customElements.define('cluster-scatter', ClusterScatter);

declare global {
  interface HTMLElementTagNameMap {
    'cluster-scatter': ClusterScatter;
  }
}
