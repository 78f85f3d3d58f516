import type { KeyboardHandlers } from '../controllers/keyboard-controller.js';
import type { PointerHandlers } from '../controllers/pointer-controller.js';
import type { LegendHandlers } from '../legend/legend-template.js';
import { toggleCluster } from '../legend/toggle-cluster.js';
import { hoverDetail } from '../selection/row-events.js';
import type { SelectionChange, SelectionModel, SelectionState } from '../selection/selection-model.js';
import { panView, zoomView } from '../view/view-state.js';
import { labelAt } from './layout-cloud.js';
import type { TokenCloud } from './token-cloud.component.js';

/** CSS px around an anchor that still hovers an unplaced label's dot. */
const DOT_RADIUS = 6;

/**
 * Pointer and keyboard gestures of a `<token-cloud>`: pan, zoom, fit, hover and click picking against the
 * last laid-out frame (placed label boxes first, then dots), Shift+click selects the label's cluster,
 * Shift+drag lassos anchors (`drag-mode="lasso|rect"`: plain drags lasso / select a rectangle); selections and hover go to the selection model as dataset rows.
 */
export function cloudGestures(el: TokenCloud, model: () => SelectionModel): { pointer: PointerHandlers; keyboard: KeyboardHandlers } {
  const size = () => el.frameSize();
  const pick = (x: number, y: number) => (el.lastFrame ? labelAt(el.lastFrame, null, x, y, DOT_RADIUS) : -1); // the drawn labels
  const zoom = (f: number, x: number, y: number) => el.setView(zoomView(el.view, f, x, y, size(), el.fittedScale));
  const rowsOf = (local: ArrayLike<number>) => Uint32Array.from(local, (k) => el.tokenData.rows[k]!).sort();
  const pointer: PointerHandlers = {
    pan: (dx, dy) => el.setView(panView(el.view, dx, dy)),
    zoom,
    reset: () => el.resetView(),
    hover: (x, y) => {
      const k = Number.isNaN(x) ? -1 : pick(x, y);
      model().hover(k >= 0 ? el.tokenData.rows[k]! : -1, el);
    },
    click(x, y, mode, cluster) {
      const k = pick(x, y);
      if (k < 0) {
        if (mode === 'replace') model().clear(el);
        return;
      }
      const local = cluster ? el.priorityOrder().filter((j) => el.summary.rank[j] === el.summary.rank[k]) : [k];
      model().select(rowsOf(local), mode, el);
    },
    sketch: (path, tool) => el.setOverlay({ sketch: path ? { path, tool } : null }),
    select(path, tool, mode) {
      const f = el.lastFrame;
      if (!f) return;
      const x0 = Math.min(path[0]!, path[2]!), x1 = Math.max(path[0]!, path[2]!), y0 = Math.min(path[1]!, path[3]!), y1 = Math.max(path[1]!, path[3]!);
      const hit = tool === 'rect'
        ? (x: number, y: number) => x >= x0 && x <= x1 && y >= y0 && y <= y1
        : (x: number, y: number) => insidePolygon(path, x, y);
      const inside = el.priorityOrder().filter((k) => hit(f.screenX[k]!, f.screenY[k]!));
      model().select(rowsOf(inside), mode, el);
    },
    dragMode: () => (el.dragMode === 'lasso' || el.dragMode === 'rect' ? el.dragMode : 'pan'),
  };
  const keyboard: KeyboardHandlers = {
    pan: (fx, fy) => el.setView(panView(el.view, fx * size().width, fy * size().height)),
    zoom: (f) => zoom(f, size().width / 2, size().height / 2),
    reset: () => el.resetView(),
    clearSelection: () => model().clear(el),
  };
  return { pointer, keyboard };
}

/** Even-odd point-in-polygon test; `path` is n×2 interleaved. O(n). */
function insidePolygon(path: Float64Array, x: number, y: number): boolean {
  let inside = false;
  const n = path.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = path[2 * i]!, yi = path[2 * i + 1]!, xj = path[2 * j]!, yj = path[2 * j + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Applies a selection-model change (rows of the dataset) to the cloud: rows it shows become local
 * labels (`rows[k]`), others are ignored; fires `hover` / `select` with dataset rows (`row`/`rows`, as
 * `<cluster-scatter>` does) and local label indices (`index`/`indices`), and
 * announces hovers made here and selection changes in the live region. O(|selected|).
 */
export function onCloudSelection(el: TokenCloud, state: SelectionState, change: SelectionChange): void {
  const rows = el.tokenData.rows;
  if (change.kind === 'hover') {
    const k = state.hovered >= 0 ? el.rowToLocal.get(state.hovered) ?? -1 : -1;
    if (k === el._hovered) return;
    el._hovered = k;
    if (k >= 0 && change.source === el) el.announce(el.tooltipText(k).replace(/\n/g, ', '));
    el.emit('hover', hoverDetail(k >= 0 ? rows[k]! : -1, k));
    el.refresh();
    return;
  }
  const local: number[] = [];
  for (const r of state.selected) {
    const k = el.rowToLocal.get(r);
    if (k !== undefined) local.push(k);
  }
  const next = Uint32Array.from(local).sort();
  const prev = el._selected;
  if (next.length === prev.length && next.every((v, i) => v === prev[i])) return;
  el._selected = next;
  el.announce(next.length ? `${next.length} guess${next.length === 1 ? '' : 'es'} selected` : 'Selection cleared');
  el.emit('select', { rows: Uint32Array.from(next, (k) => rows[k]!).sort(), indices: next.slice() });
}

/** Legend rows: click hides or shows a cluster's labels (announced); hover or focus highlights the cluster (others dimmed). */
export function cloudLegendHandlers(el: TokenCloud): LegendHandlers {
  return {
    focus: (rank) => (el._focusRank = rank),
    toggle: (rank) => toggleCluster(el, rank),
  };
}
