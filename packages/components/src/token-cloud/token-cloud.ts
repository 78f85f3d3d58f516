import { TokenCloud } from './token-cloud.component.js';

export { TokenCloud };
export type { TokenCloudErrorEvent, TokenCloudEventMap, TokenCloudHoverEvent, TokenCloudRenderEvent, TokenCloudSelectEvent, TokenCloudViewChangeEvent } from './token-cloud.events.js';

// Defines <token-cloud> unless some other copy already did (then that definition is kept).
if (!customElements.get('token-cloud')) customElements.define('token-cloud', TokenCloud);
