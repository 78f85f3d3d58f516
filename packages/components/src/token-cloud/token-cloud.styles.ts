import { css } from 'lit';

/**
 * Styles of `<token-cloud>`: a block filling its box (default height `--token-cloud-height`, 320px).
 * Theme colours are custom properties; by default they follow `<cluster-scatter>`'s (`--cluster-scatter-*`
 * set on an ancestor), so one page theme styles both.
 */
export default css`
  :host {
    --token-cloud-background: var(--cluster-scatter-background, #ffffff);
    --token-cloud-foreground: var(--cluster-scatter-foreground, #1a1a1a);
    --token-cloud-panel: var(--cluster-scatter-panel, rgba(255, 255, 255, 0.92));
    --token-cloud-dim-opacity: 0.25;
    display: block;
    position: relative;
    height: var(--token-cloud-height, 320px);
    overflow: hidden;
    touch-action: none;
    contain: strict;
    color: var(--token-cloud-foreground);
    font: 12px/1.4 system-ui, sans-serif;
  }
  :host([theme='dark']) {
    --token-cloud-background: #121212;
    --token-cloud-foreground: #ececec;
    --token-cloud-panel: rgba(30, 30, 30, 0.92);
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --token-cloud-background: #121212;
      --token-cloud-foreground: #ececec;
      --token-cloud-panel: rgba(30, 30, 30, 0.92);
    }
  }
  :host([hidden]) { display: none; }
  :host(:focus-visible) { outline: 2px solid var(--token-cloud-focus-color, Highlight); outline-offset: -2px; }
  canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block; cursor: grab; }
  canvas:active { cursor: grabbing; }
  [part='sketch'] {
    position: absolute; inset: 0; width: 100%; height: 100%; pointer-events: none;
    fill: color-mix(in srgb, var(--token-cloud-foreground) 10%, transparent);
    stroke: var(--token-cloud-foreground); stroke-dasharray: 4 3;
  }
  [part='tooltip'] {
    position: absolute; max-width: 40ch; padding: 0.3em 0.5em; white-space: pre-line; overflow-wrap: anywhere;
    pointer-events: none; background: var(--token-cloud-panel);
    border: 1px solid color-mix(in srgb, var(--token-cloud-foreground) 30%, transparent); border-radius: 3px;
  }
  [part='legend'] {
    position: absolute; top: 0.5em; right: 0.5em; max-height: calc(100% - 1em); overflow: auto; margin: 0;
    padding: 0.25em; list-style: none; background: var(--token-cloud-panel); border-radius: 3px;
  }
  [part='legend-item'] {
    display: flex; align-items: center; gap: 0.4em; width: 100%; border: 0; background: none; color: inherit;
    font: inherit; text-align: left; cursor: pointer;
  }
  [part='legend-item'][aria-pressed='false'] { opacity: 0.4; text-decoration: line-through; }
  [part='legend-swatch'] { width: 0.8em; height: 0.8em; border-radius: 50%; }
  [part='legend-count'] { margin-left: auto; padding-left: 1em; opacity: 0.7; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  [part='error'] {
    position: absolute; inset: auto 0 0 0; margin: 0; padding: 0.25em 0.5em;
    color: var(--token-cloud-error-color, #a00); background: rgba(255, 255, 255, 0.9);
  }
`;
