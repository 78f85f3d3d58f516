import { pointColors, resolveColorScheme, type ClusterScatter, type SelectionModel } from '@clamp-viz/components';
import type { Dataset } from '@clamp-viz/io';

/** Rows of `preamble` in the dataset, ascending. O(n). */
export function rowsOfPreamble(ds: Dataset, preamble: string): number[] {
  const rows: number[] = [];
  ds.preambles.forEach((p, i) => {
    if (p === preamble) rows.push(i);
  });
  return rows;
}

/** What the page can change in a shown sentence view. */
export interface SentenceView {
  /** Moves the small plot to a new layout of the whole dataset (n×2). */
  move(layout: Float32Array): void;
  /** Colours the small plot and the list swatches with a `color-scheme` value. */
  setColorScheme(scheme: string): void;
}

/**
 * The notebook's one-sentence view: the preamble as text, its guesses as a list (text, never HTML)
 * with colour swatches, and a `<cluster-scatter>` of just those rows at their positions in a layout.
 * Linked both ways to `model` (the big plots' shared selection over dataset rows): selecting in the
 * small plot or clicking a guess selects those dataset rows (local → global), and any selection made
 * elsewhere shows in the small plot and the list (global → local, the rest dimmed). The swatches are
 * `pointColors` of the small plot's own scheme, so they match its points. O(n) to set up.
 */
export function showSentence(ds: Dataset, preamble: string, parts: { text: HTMLElement; list: HTMLOListElement; plot: ClusterScatter }, model: SelectionModel): SentenceView {
  const rows = rowsOfPreamble(ds, preamble);
  const localOf = new Map(rows.map((r, k) => [r, k]));
  const plot = parts.plot;
  const cluster = Int32Array.from(rows, (r) => ds.clusterIds[r]!);
  parts.text.textContent = preamble;
  parts.list.replaceChildren();
  const selectRows = (local: ArrayLike<number>) => model.select(Uint32Array.from(local, (k) => rows[k]!).sort());
  const items = rows.map((r, k) => {
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    li.append(swatch, document.createTextNode(JSON.stringify(ds.guesses[r]!)));
    li.title = `cluster ${ds.clusterIds[r]}: click to select it in the plots`;
    li.tabIndex = 0;
    li.setAttribute('aria-selected', 'false');
    li.addEventListener('click', () => selectRows([k]));
    li.addEventListener('keydown', (e) => { if (e.key === 'Enter') selectRows([k]); });
    parts.list.append(li);
    return li;
  });
  parts.list.setAttribute('role', 'listbox');
  parts.list.setAttribute('aria-multiselectable', 'true');
  items.forEach((li) => li.setAttribute('role', 'option'));

  plot.cluster = cluster;
  plot.tokens = rows.map((r) => ds.guesses[r]!);
  plot.preambles = rows.map((r) => ds.preambles[r]!);

  // Global → local: mirror the shared selection; `mirroring` keeps the plot's own select event from echoing back.
  let mirroring = false;
  model.subscribe((state, change) => {
    if (change.kind !== 'select') return;
    const local: number[] = [];
    for (const r of state.selected) {
      const k = localOf.get(r);
      if (k !== undefined) local.push(k);
    }
    const chosen = new Set(local);
    items.forEach((li, k) => {
      li.setAttribute('aria-selected', String(chosen.has(k)));
      li.classList.toggle('selected', chosen.has(k));
    });
    mirroring = true;
    try {
      if (local.length) plot.select(local);
      else plot.clearSelection();
    } finally {
      mirroring = false;
    }
  });
  // Local → global: a selection made in the small plot (lasso, click, Escape) becomes the shared one.
  plot.addEventListener('select', (e) => {
    if (mirroring) return;
    if (e.detail.indices.length) selectRows(e.detail.indices);
    else model.clear();
  });

  const setColorScheme = (scheme: string) => {
    plot.colorScheme = scheme;
    const { rgba } = pointColors(rows.length, cluster, null, resolveColorScheme(scheme));
    items.forEach((li, k) => {
      (li.firstChild as HTMLElement).style.background = `rgb(${rgba[4 * k]}, ${rgba[4 * k + 1]}, ${rgba[4 * k + 2]})`;
    });
  };
  setColorScheme(plot.colorScheme);
  return {
    move(layout) {
      plot.positions = Float32Array.from(rows.flatMap((r) => [layout[2 * r]!, layout[2 * r + 1]!]));
    },
    setColorScheme,
  };
}
