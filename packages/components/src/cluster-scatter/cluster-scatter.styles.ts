import { css } from 'lit';

/**
 * Styles of `<cluster-scatter>`: a block that fills its box; set a height on the host.
 * Themes are custom properties: `theme="dark"` or `theme="auto"` (follows prefers-color-scheme)
 * switch the defaults; a page can set any of them directly.
 */
export default css`
  :host {
    --cluster-scatter-background: #ffffff;
    --cluster-scatter-foreground: #1a1a1a;
    --cluster-scatter-dim-opacity: 0.15;
    --cluster-scatter-panel: rgba(255, 255, 255, 0.92);
    display: block;
    position: relative;
    height: var(--cluster-scatter-height, 400px);
    overflow: hidden;
    touch-action: none;
    contain: strict;
    color: var(--cluster-scatter-foreground);
    font: 12px/1.4 system-ui, sans-serif;
  }
  :host([theme='dark']) {
    --cluster-scatter-background: #121212;
    --cluster-scatter-foreground: #ececec;
    --cluster-scatter-panel: rgba(30, 30, 30, 0.92);
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --cluster-scatter-background: #121212;
      --cluster-scatter-foreground: #ececec;
      --cluster-scatter-panel: rgba(30, 30, 30, 0.92);
    }
  }
  :host([hidden]) {
    display: none;
  }
  :host(:focus-visible) {
    outline: 2px solid var(--cluster-scatter-focus-color, Highlight);
    outline-offset: -2px;
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
  [part='sketch'] {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    pointer-events: none;
    fill: color-mix(in srgb, var(--cluster-scatter-foreground) 10%, transparent);
    stroke: var(--cluster-scatter-foreground);
    stroke-dasharray: 4 3;
  }
  [part='tooltip'] {
    position: absolute;
    max-width: 40ch;
    padding: 0.3em 0.5em;
    white-space: pre-line;
    overflow-wrap: anywhere;
    pointer-events: none;
    background: var(--cluster-scatter-panel);
    border: 1px solid color-mix(in srgb, var(--cluster-scatter-foreground) 30%, transparent);
    border-radius: 3px;
  }
  [part='legend'] {
    position: absolute;
    top: 0.5em;
    right: 0.5em;
    max-height: calc(100% - 1em);
    overflow: auto;
    margin: 0;
    padding: 0.25em;
    list-style: none;
    background: var(--cluster-scatter-panel);
    border-radius: 3px;
  }
  [part='legend-item'] {
    display: flex;
    align-items: center;
    gap: 0.4em;
    width: 100%;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: left;
    cursor: pointer;
  }
  [part='legend-item'][aria-pressed='false'] {
    opacity: 0.4;
    text-decoration: line-through;
  }
  [part='legend-swatch'] {
    width: 0.8em;
    height: 0.8em;
    border-radius: 50%;
  }
  [part='legend-ramp'] {
    display: flex;
    flex-direction: column;
    gap: 0.15em;
    padding: 0.2em 0.3em 0.4em;
    min-width: 8em;
  }
  [part='legend-ramp-bar'] {
    height: 0.7em;
    border-radius: 2px;
  }
  [part='legend-ramp-range'] {
    display: flex;
    justify-content: space-between;
    gap: 1em;
    font-variant-numeric: tabular-nums;
  }
  [part='legend-count'] {
    margin-left: auto;
    padding-left: 1em;
    opacity: 0.7;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  [part='error'] {
    position: absolute;
    inset: auto 0 0 0;
    margin: 0;
    padding: 0.25em 0.5em;
    color: var(--cluster-scatter-error-color, #a00);
    background: rgba(255, 255, 255, 0.9);
  }
`;
