/** Where a label went: not placed, on its anchor (centred, like geom_text), or beside it. */
export const Slot = { None: 0, Centre: 1, Right: 2, Left: 3, Above: 4, Below: 5 } as const;

/** Labels to place, in CSS px of the plot (y down). Arrays are read, never mutated. */
export interface PlacementInput {
  /** n anchor positions (the labels' true coordinates on screen). */
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  /** n label box sizes. */
  readonly width: ArrayLike<number>;
  readonly height: ArrayLike<number>;
  /** Indices to place, highest priority first; labels left out are not placed (e.g. hidden clusters). */
  readonly order: ArrayLike<number>;
  /** The plot size: labels whose every candidate box lies outside it are skipped. */
  readonly viewWidth: number;
  readonly viewHeight: number;
  /** CSS px between the anchor and a label placed beside it (room for the anchor's dot); default 4. */
  readonly gap?: number;
  /**
   * When given, `width` holds estimates and this gives label i's true width: it is called (once per label) only
   * when a candidate box of the estimated size is free, and the box is tested again at the true width before the
   * label is placed (so only labels that may be placed are measured exactly).
   */
  readonly exactWidth?: (i: number) => number;
}

/** Result of {@link placeLabels}: per label its {@link Slot} and box top-left (CSS px; NaN when not placed). */
export interface Placement {
  readonly slot: Uint8Array;
  readonly left: Float32Array;
  readonly top: Float32Array;
  /** Labels placed. */
  readonly placed: number;
}

/**
 * Greedy label placement without overlap (the standard fixed-candidate greedy of map labelling, e.g.
 * Christensen, Marks & Shieber 1995, "An empirical study of algorithms for point-feature label placement",
 * its "greedy" baseline): in priority order, each label takes the first candidate box (centred on its
 * anchor, then right, left, above, below) that meets no placed box and is at least partly in view; if none
 * fits it stays unplaced (drawn as a dot by the caller). Placed boxes never overlap (touching edges allowed).
 * Placed boxes are kept in a uniform grid over the view (cell ≈ 2× the median label height) so each test looks
 * only at nearby boxes: O(n · c) for c cells a box spans, plus O(n + view cells) memory. Pure.
 */
export function placeLabels(input: PlacementInput): Placement {
  const n = input.x.length;
  const { x, y, width, height, order, viewWidth: vw, viewHeight: vh } = input;
  const gap = input.gap ?? 4;
  const slot = new Uint8Array(n);
  const left = new Float32Array(n).fill(NaN);
  const top = new Float32Array(n).fill(NaN);
  const cell = Math.max(8, 2 * medianHeight(height, order));
  // A dense grid over the view (boxes reaching outside it are clamped to its border cells): per cell a
  // linked list of the placed boxes meeting it (head → next), all in flat typed arrays.
  const cols = Math.max(1, Math.ceil(vw / cell)), rows = Math.max(1, Math.ceil(vh / cell));
  const head = new Int32Array(cols * rows).fill(-1);
  let next = new Int32Array(Math.max(64, 4 * order.length));
  let owner = new Int32Array(next.length);
  let links = 0;
  const boxes = new Float64Array(4 * Math.max(1, order.length)); // placed boxes as x0, y0, x1, y1
  let count = 0;
  const col = (v: number) => Math.max(0, Math.min(cols - 1, Math.floor(v / cell)));
  const row = (v: number) => Math.max(0, Math.min(rows - 1, Math.floor(v / cell)));
  const free = (x0: number, y0: number, x1: number, y1: number): boolean => {
    for (let cy = row(y0), cy1 = row(y1); cy <= cy1; cy++) {
      for (let cx = col(x0), cx1 = col(x1); cx <= cx1; cx++) {
        for (let l = head[cy * cols + cx]!; l >= 0; l = next[l]!) {
          const b = 4 * owner[l]!;
          if (x0 < boxes[b + 2]! && boxes[b]! < x1 && y0 < boxes[b + 3]! && boxes[b + 1]! < y1) return false;
        }
      }
    }
    return true;
  };
  const insert = (x0: number, y0: number, x1: number, y1: number) => {
    boxes.set([x0, y0, x1, y1], 4 * count);
    for (let cy = row(y0), cy1 = row(y1); cy <= cy1; cy++) {
      for (let cx = col(x0), cx1 = col(x1); cx <= cx1; cx++) {
        if (links === next.length) {
          const grow = (a: Int32Array) => { const b = new Int32Array(2 * a.length); b.set(a); return b; };
          next = grow(next);
          owner = grow(owner);
        }
        const c = cy * cols + cx;
        owner[links] = count;
        next[links] = head[c]!;
        head[c] = links++;
      }
    }
    count++;
  };
  let placed = 0;
  const seen = new Uint8Array(n);
  for (let r = 0; r < order.length; r++) {
    const i = order[r]!;
    if (!(i >= 0 && i < n) || seen[i]) continue;
    seen[i] = 1;
    const ax = x[i]!, ay = y[i]!, h = height[i]!;
    let w = width[i]!, exact = !input.exactWidth;
    if (!Number.isFinite(ax) || !Number.isFinite(ay)) continue;
    for (let s: number = Slot.Centre; s <= Slot.Below; s++) {
      let x0 = s === Slot.Right ? ax + gap : s === Slot.Left ? ax - gap - w : ax - w / 2;
      const y0 = s === Slot.Above ? ay - gap - h : s === Slot.Below ? ay + gap : ay - h / 2;
      let x1 = x0 + w;
      const y1 = y0 + h;
      if (x1 <= 0 || y1 <= 0 || x0 >= vw || y0 >= vh) continue; // out of view
      if (!free(x0, y0, x1, y1)) continue;
      if (!exact) {
        exact = true;
        w = input.exactWidth!(i);
        x0 = s === Slot.Right ? ax + gap : s === Slot.Left ? ax - gap - w : ax - w / 2;
        x1 = x0 + w;
        if (x1 <= 0 || x0 >= vw || !free(x0, y0, x1, y1)) continue;
      }
      insert(x0, y0, x1, y1);
      slot[i] = s;
      left[i] = x0;
      top[i] = y0;
      placed++;
      break;
    }
  }
  return { slot, left, top, placed };
}

function medianHeight(height: ArrayLike<number>, order: ArrayLike<number>): number {
  const m = Math.min(order.length, 64);
  if (m === 0) return 8;
  const sample = Array.from({ length: m }, (_, k) => height[order[Math.floor((k * order.length) / m)]!] ?? 8).sort((a, b) => a - b);
  const v = sample[m >> 1]!;
  return Number.isFinite(v) && v > 0 ? v : 8;
}
