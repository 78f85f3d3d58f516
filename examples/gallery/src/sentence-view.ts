import { categoricalColor, tolRainbowDiscrete, type ClusterScatter, type SelectionModel } from '@clamp-viz/components';
import type { Dataset } from '@clamp-viz/io';

/** Rows of `preamble` in the dataset, ascending. O(n). */
export function rowsOfPreamble(ds: Dataset, preamble: string): number[] {
  const rows: number[] = [];
  ds.preambles.forEach((p, i) => {
    if (p === preamble) rows.push(i);
  });
  return rows;
}

/**
 * The notebook's one-sentence view: the preamble as text, its guesses as a list (text, never HTML)
 * with Tol's discrete rainbow swatches, and a `<cluster-scatter color-scheme="tol-rainbow">` of just
 * those rows at their positions in `layout` (n×2). Selecting in the small plot, or clicking a guess,
 * selects the same dataset rows in `model` (the big plots' shared selection), mapping local → global rows.
 * Returns a function that moves the small plot to a new layout.
 */
export function showSentence(ds: Dataset, preamble: string, parts: { text: HTMLElement; list: HTMLOListElement; plot: ClusterScatter }, model: SelectionModel): (layout: Float32Array) => void {
  const rows = rowsOfPreamble(ds, preamble);
  parts.text.textContent = preamble;
  parts.list.replaceChildren();
  const ids = [...new Set(rows.map((r) => ds.clusterIds[r]!))].sort((a, b) => a - b);
  const colours = tolRainbowDiscrete(Math.min(Math.max(ids.length, 1), 23));
  const selectRows = (local: ArrayLike<number>) => model.select(Uint32Array.from(local, (k) => rows[k]!).sort());
  rows.forEach((r, k) => {
    const id = ds.clusterIds[r]!;
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = ids.length <= 23 ? colours[ids.indexOf(id)]! : `#${categoricalColor(id).toString(16).padStart(6, '0')}`;
    li.append(swatch, document.createTextNode(JSON.stringify(ds.guesses[r]!)));
    li.title = `cluster ${id}: click to select it in the plots`;
    li.tabIndex = 0;
    li.addEventListener('click', () => selectRows([k]));
    li.addEventListener('keydown', (e) => { if (e.key === 'Enter') selectRows([k]); });
    parts.list.append(li);
  });
  const plot = parts.plot;
  plot.cluster = Int32Array.from(rows, (r) => ds.clusterIds[r]!);
  plot.tokens = rows.map((r) => ds.guesses[r]!);
  plot.preambles = rows.map((r) => ds.preambles[r]!);
  plot.addEventListener('select', (e) => {
    if (e.detail.indices.length) selectRows(e.detail.indices);
  });
  return (layout) => {
    plot.positions = Float32Array.from(rows.flatMap((r) => [layout[2 * r]!, layout[2 * r + 1]!]));
  };
}
