import { parseCssColor } from '../color/parse-css-color.js';
import type { KeyboardHandlers } from '../controllers/keyboard-controller.js';
import type { PointerHandlers } from '../controllers/pointer-controller.js';
import type { SelectionController } from '../controllers/selection-controller.js';
import type { LegendHandlers } from '../legend/legend-template.js';
import { toggleCluster } from '../legend/toggle-cluster.js';
import { hoverDetail } from '../selection/row-events.js';
import type { SelectionChange, SelectionState } from '../selection/selection-model.js';
import { panView, screenToData, zoomView } from '../view/view-state.js';
import type { ClusterScatter } from './cluster-scatter.component.js';

/** Extra CSS px around a point's disc that still count as hovering it. */
const PICK_SLACK = 3;

/**
 * Maps pointer and keyboard gestures of a `<cluster-scatter>` to view changes and to picking and
 * selection through its {@link SelectionController} (screen → data coordinates, hidden clusters
 * skipped). Kept apart from the element class so that class stays about its lifecycle.
 */
export function gestureHandlers(el: ClusterScatter, picking: SelectionController): { pointer: PointerHandlers; keyboard: KeyboardHandlers } {
  const size = () => el.resizer.size;
  const toData = (x: number, y: number) => screenToData(el.view, x, y, size());
  const pick = (x: number, y: number): number => {
    const [dx, dy] = toData(x, y);
    return picking.nearest(dx, dy, (el.pointSize / 2 + PICK_SLACK) / el.view.pixelsPerUnit, el.visible);
  };
  const zoom = (f: number, x: number, y: number) => el.setView(zoomView(el.view, f, x, y, size(), el.fittedScale));
  const pointer: PointerHandlers = {
    pan: (dx, dy) => el.setView(panView(el.view, dx, dy)),
    zoom,
    reset: () => el.resetView(),
    hover: (x, y) => picking.model.hover(Number.isNaN(x) ? -1 : pick(x, y), el),
    click(x, y, mode, cluster) {
      const i = pick(x, y);
      if (i < 0) {
        if (mode === 'replace') picking.model.clear(el);
        return;
      }
      if (!cluster) {
        picking.model.select(Uint32Array.of(i), mode, el);
        return;
      }
      const rank = el.summary.rank;
      const out: number[] = [];
      for (let j = 0; j < rank.length; j++) if (rank[j] === rank[i] && el.visible(j)) out.push(j);
      picking.model.select(Uint32Array.from(out), mode, el);
    },
    sketch: (path, tool) => el.setOverlay({ sketch: path ? { path, tool } : null }),
    select(path, tool, mode) {
      const data = new Float64Array(path.length);
      for (let k = 0; k < path.length; k += 2) [data[k], data[k + 1]] = toData(path[k]!, path[k + 1]!);
      const found = tool === 'rect'
        ? picking.inRect(data[0]!, data[1]!, data[2]!, data[3]!, el.visible)
        : picking.inPolygon(data, el.visible);
      picking.model.select(found, mode, el);
    },
    dragMode: () => (el.dragMode === 'lasso' || el.dragMode === 'rect' ? el.dragMode : 'pan'),
  };
  const keyboard: KeyboardHandlers = {
    pan: (fx, fy) => el.setView(panView(el.view, fx * size().width, fy * size().height)),
    zoom: (f) => zoom(f, size().width / 2, size().height / 2),
    reset: () => el.resetView(),
    clearSelection: () => picking.model.clear(el),
  };
  return { pointer, keyboard };
}

/**
 * A per-frame callback reading the theme from the element's custom properties (background unless
 * the `background` attribute is set, foreground for the hover ring, dim opacity, outline colour), so theme changes
 * through CSS show at the next frame. One getComputedStyle per frame.
 */
export function themeReader(el: ClusterScatter): () => void {
  return () => {
    const layer = el.layer;
    if (!layer) return;
    const style = getComputedStyle(el);
    const read = (name: string) => style.getPropertyValue(name).trim();
    const bg = el.backgroundRgba ?? parseCssColor(read('--cluster-scatter-background') || '#ffffff') ?? [1, 1, 1, 1];
    layer.setBackground([bg[0] * bg[3], bg[1] * bg[3], bg[2] * bg[3], bg[3]]);
    const fg = parseCssColor(read('--cluster-scatter-foreground') || '#000000') ?? [0, 0, 0, 1];
    const dim = parseFloat(read('--cluster-scatter-dim-opacity'));
    const outline = read('--cluster-scatter-outline');
    const line = (outline && parseCssColor(outline)) || [0, 0, 0, 0]; // unset: each cluster's own shade
    layer.setStyle({
      ringColor: [fg[0], fg[1], fg[2], fg[3]],
      dimAlpha: Number.isFinite(dim) ? Math.min(1, Math.max(0, dim)) : 0.15,
      outlineColor: [line[0], line[1], line[2], line[3]],
    });
  };
}

/**
 * Applies a selection-model change to the element (a linked view's too): hovered row, selected
 * rows, the live-region text, and the `hover` / `select` events (`row(s)` and `index`/`indices`, equal here). Rows past this element's n are
 * ignored for hover (views over different data may share a model).
 */
export function onSelectionChange(el: ClusterScatter, state: SelectionState, change: SelectionChange): void {
  if (change.kind === 'hover') {
    const hovered = state.hovered < el.pointCount ? state.hovered : -1;
    el._hovered = hovered;
    announceHover(el, hovered >= 0 && change.source === el ? el.tooltipText(hovered).replace(/\n/g, ', ') : null);
    el.emit('hover', hoverDetail(hovered, hovered)); // rows are this element's indices
  } else if (state.selected !== el._selected) {
    const had = el._selected.length;
    el._selected = state.selected;
    if (had > 0 || state.selected.length > 0) {
      el.announce(state.selected.length ? `${state.selected.length} points selected` : 'Selection cleared');
      el.emit('select', { rows: state.selected, indices: state.selected });
    }
  }
}

/** Delay before a hovered point is announced: moving across many points announces only where it rests. */
export const HOVER_ANNOUNCE_MS = 300;
const hoverTimers = new WeakMap<ClusterScatter, ReturnType<typeof setTimeout>>();

/**
 * Announces `text` in the live region after {@link HOVER_ANNOUNCE_MS} unless another hover comes
 * first; null cancels a pending one. Only the plot under the pointer calls it with text (a linked
 * view's hover is not announced twice).
 */
function announceHover(el: ClusterScatter, text: string | null): void {
  clearTimeout(hoverTimers.get(el));
  hoverTimers.delete(el);
  if (text === null) return;
  hoverTimers.set(el, setTimeout(() => {
    hoverTimers.delete(el);
    if (el.isConnected && el._hovered >= 0) el.announce(text);
  }, HOVER_ANNOUNCE_MS));
}

/** Legend row handlers: hover/focus highlights a cluster, click hides or shows it (and announces it). */
export function legendHandlers(el: ClusterScatter): LegendHandlers {
  return {
    focus: (rank) => (el._focusRank = rank),
    toggle(rank) {
      toggleCluster(el, rank);
      if (el._hovered >= 0 && el.summary.rank[el._hovered] === rank) el.selectionModel.hover(-1, el);
    },
  };
}
