import { css } from 'lit';

/** Styles of `<cluster-scatter>`: a block that fills its box; set a height on the host. */
export default css`
  :host {
    display: block;
    position: relative;
    height: var(--cluster-scatter-height, 400px);
    overflow: hidden;
    touch-action: none;
    contain: strict;
  }
  :host([hidden]) {
    display: none;
  }
  canvas {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    display: block;
    cursor: grab;
  }
  canvas:active {
    cursor: grabbing;
  }
  [part='error'] {
    position: absolute;
    inset: auto 0 0 0;
    margin: 0;
    padding: 0.25em 0.5em;
    font: 12px/1.4 system-ui, sans-serif;
    color: var(--cluster-scatter-error-color, #a00);
    background: rgba(255, 255, 255, 0.9);
  }
`;
