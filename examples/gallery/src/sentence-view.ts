import { pointColors, resolveColorScheme, type SelectionModel, type TokenCloud } from '@clamp-viz/components';
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
  /** Moves the guesses to a new layout of the whole dataset (n×2; the cloud morphs when it has a `transition`). */
  move(layout: Float32Array): void;
  /** Colours the cloud and the list swatches with a `color-scheme` value. */
  setColorScheme(scheme: string): void;
}

/**
 * The notebook's one-sentence view: the preamble as text, its guesses as a list (text, never HTML) with
 * colour swatches, and a `<token-cloud>` drawing the guesses as coloured text at their positions in a layout
 * (the notebook's `geom_text`). The cloud shares `model` (the big plots' selection over dataset rows) and
 * maps its labels to those rows through its `rows` property, so selecting there selects the rows everywhere
 * and a selection made elsewhere shows in it; the list mirrors the model and clicking a guess selects its
 * row; the guess of the row hovered in any plot is marked (`hover` events' `detail.row`). The swatches are
 * `pointColors` of the cloud's own scheme, so they match its text. O(n) to set up.
 */
export function showSentence(ds: Dataset, preamble: string, parts: { text: HTMLElement; list: HTMLOListElement; plot: TokenCloud }, model: SelectionModel): SentenceView {
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

  plot.preamble = preamble;
  plot.cluster = cluster;
  plot.tokens = rows.map((r) => ds.guesses[r]!);
  plot.rows = Uint32Array.from(rows);
  plot.selectionModel = model; // the cloud maps dataset rows ↔ its labels itself

  // Global → local for the list: mark the guesses whose rows are selected anywhere.
  model.subscribe((state, change) => {
    if (change.kind !== 'select') return;
    const chosen = new Set<number>();
    for (const r of state.selected) {
      const k = localOf.get(r);
      if (k !== undefined) chosen.add(k);
    }
    items.forEach((li, k) => {
      li.setAttribute('aria-selected', String(chosen.has(k)));
      li.classList.toggle('selected', chosen.has(k));
    });
  });

  // Hover from any plot: `hover` bubbles from <cluster-scatter> and <token-cloud> alike, and `detail.row` is a
  // dataset row in both (a cloud's `detail.index` is its own label index), so one listener marks the guess.
  let hoverSource: EventTarget | null = null;
  document.addEventListener('hover', (e) => {
    const { row } = e.detail;
    if (row < 0 && e.target !== hoverSource) return; // another plot already hovers something
    hoverSource = row >= 0 ? e.target : null;
    const k = row >= 0 ? localOf.get(row) ?? -1 : -1;
    items.forEach((li, j) => li.classList.toggle('hovered', j === k));
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
      plot.x = Float32Array.from(rows, (r) => layout[2 * r]!);
      plot.y = Float32Array.from(rows, (r) => layout[2 * r + 1]!);
    },
    setColorScheme,
  };
}
