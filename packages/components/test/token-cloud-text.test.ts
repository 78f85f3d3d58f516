import { describe, expect, test } from 'vitest';
import { tableFromArrays } from 'apache-arrow';
import { displayToken } from '../src/text/display-token.js';
import { placeLabels, Slot } from '../src/text/place-labels.js';
import { resolveTokenData, type TokenSource } from '../src/token-cloud/resolve-token-data.js';

describe('displayToken', () => {
  test('displayToken shows leading/trailing spaces as ␣, newline ↵, tab ⇥, other controls as \\u{..} escapes and the empty token as ∅', () => {
    expect(displayToken(' the')).toBe('␣the');
    expect(displayToken('the  ')).toBe('the␣␣');
    expect(displayToken('New York')).toBe('New York');
    expect(displayToken('\n')).toBe('↵');
    expect(displayToken('a\tb')).toBe('a⇥b');
    expect(displayToken('\u0000x\u007f\u0085')).toBe('\\u{00}x\\u{7f}\\u{85}');
    expect(displayToken('')).toBe('∅');
    expect(displayToken('<img src=x onerror=alert(1)>', 40)).toBe('<img src=x onerror=alert(1)>');
  });

  test('displayToken cuts long tokens to maxLength code points with … and never splits a surrogate pair', () => {
    expect(displayToken('abcdefghij', 5)).toBe('abcd…');
    expect(displayToken('abcde', 5)).toBe('abcde');
    expect(displayToken('🎉🎉🎉🎉🎉🎉', 4)).toBe('🎉🎉🎉…');
    expect(displayToken('e\u0301', 24)).toBe('e\u0301'); // combining marks kept for the browser to shape
  });
});

/** Seeded (LCG) random boxes: n anchors in a w×h plot, label widths 20–80 px, height 14. */
function boxes(n: number, w: number, h: number, seed = 3) {
  let s = seed;
  const r = () => ((s = (s * 48271) % 2147483647) / 2147483647);
  const x = Float64Array.from({ length: n }, () => r() * w), y = Float64Array.from({ length: n }, () => r() * h);
  const width = Float32Array.from({ length: n }, () => 20 + 60 * r()), height = new Float32Array(n).fill(14);
  return { x, y, width, height, order: Uint32Array.from({ length: n }, (_, i) => i), viewWidth: w, viewHeight: h };
}

function overlaps(p: ReturnType<typeof placeLabels>, width: ArrayLike<number>, height: ArrayLike<number>): number {
  const placed = [...p.slot.keys()].filter((i) => p.slot[i] !== Slot.None);
  let bad = 0;
  for (const a of placed) for (const b of placed) {
    if (a < b && p.left[a]! < p.left[b]! + width[b]! && p.left[b]! < p.left[a]! + width[a]! && p.top[a]! < p.top[b]! + height[b]! && p.top[b]! < p.top[a]! + height[a]!) bad++;
  }
  return bad;
}

describe('placeLabels', () => {
  test.each([40, 2000])('placeLabels never overlaps two placed labels (%i labels) and places each at its anchor or beside it', (n) => {
    const input = boxes(n, 500, 320);
    const p = placeLabels(input);
    expect(overlaps(p, input.width, input.height)).toBe(0);
    expect(p.placed).toBe([...p.slot].filter((s) => s !== Slot.None).length);
    expect(p.placed).toBeGreaterThan(n === 40 ? 30 : 150);
    for (let i = 0; i < n; i++) {
      if (p.slot[i] === Slot.None) continue;
      const cx = p.left[i]! + input.width[i]! / 2, cy = p.top[i]! + input.height[i]! / 2;
      if (p.slot[i] === Slot.Centre) expect([cx, cy]).toEqual([expect.closeTo(input.x[i]!, 3), expect.closeTo(input.y[i]!, 3)]);
      // Beside: the box touches the anchor's gap on one side (within label size + gap of the anchor).
      expect(Math.abs(cx - input.x[i]!)).toBeLessThanOrEqual(input.width[i]! + 4.01);
      expect(Math.abs(cy - input.y[i]!)).toBeLessThanOrEqual(input.height[i]! + 4.01);
    }
  });

  test('placeLabels gives priority by order: of two close labels the first listed is centred on its anchor, the other moves aside', () => {
    const base = { x: [100, 100], y: [50, 62], width: [40, 40], height: [14, 14], viewWidth: 200, viewHeight: 100 };
    expect(Array.from(placeLabels({ ...base, order: [0, 1] }).slot)).toEqual([Slot.Centre, Slot.Below]);
    expect(Array.from(placeLabels({ ...base, order: [1, 0] }).slot)).toEqual([Slot.Above, Slot.Centre]);
  });

  test('placeLabels leaves out labels not in the order and labels entirely outside the view', () => {
    const p = placeLabels({ x: [10, 500, 30], y: [10, 10, 40], width: [10, 10, 10], height: [10, 10, 10], order: [0, 1], viewWidth: 100, viewHeight: 100 });
    expect(Array.from(p.slot)).toEqual([Slot.Centre, Slot.None, Slot.None]);
  });

  test('placeLabels with exactWidth measures only labels whose estimated box is free, and places them at their exact widths without overlap', () => {
    const input = boxes(2000, 400, 300, 5);
    const exact = Float32Array.from(input.width, (w, i) => w * (i % 2 ? 1.3 : 0.8)); // estimates off both ways
    const width = Float32Array.from(input.width);
    const asked: number[] = [];
    const p = placeLabels({ ...input, width, exactWidth: (i) => { asked.push(i); return (width[i] = exact[i]!); } });
    expect(new Set(asked).size).toBe(asked.length); // once per label
    expect(asked.length).toBeLessThan(2000 / 2); // not every label
    expect(asked.length).toBeGreaterThanOrEqual(p.placed);
    expect(overlaps(p, exact, input.height)).toBe(0);
    for (let i = 0; i < 2000; i++) if (p.slot[i] !== Slot.None) expect(asked).toContain(i);
  });

  test('placeLabels of 5000 labels in a crowded plot stays overlap-free', () => {
    const input = boxes(5000, 800, 600, 11);
    const p = placeLabels(input);
    // Overlap check on a sample of the placed labels against all others (O(n·sample)).
    const placed = [...p.slot.keys()].filter((i) => p.slot[i] !== Slot.None);
    let hits = 0;
    for (const a of placed.slice(0, 300)) for (const b of placed) {
      if (a !== b && p.left[a]! < p.left[b]! + input.width[b]! && p.left[b]! < p.left[a]! + input.width[a]! && p.top[a]! < p.top[b]! + 14 && p.top[b]! < p.top[a]! + 14) hits++;
    }
    expect(placed.length).toBeGreaterThan(300);
    expect(hits).toBe(0);
  });
});

const source = (s: Partial<TokenSource>): TokenSource => ({
  x: null, y: null, cluster: null, tokens: null, rows: null, data: null, preamble: '',
  xColumn: 'x', yColumn: 'y', clusterColumn: 'cluster_id', tokenColumn: 'token', preambleColumn: 'preamble', ...s,
});

describe('resolveTokenData', () => {
  test('resolveTokenData filters an Arrow table to one preamble (the notebook filter) and keeps its table rows', () => {
    const data = tableFromArrays({
      preamble: ['A', 'B', 'A', 'B', 'A'], token: [' x', 'y', 'z', 'w', 'v'],
      x: Float32Array.of(0, 1, 2, 3, 4), y: Float32Array.of(5, 6, 7, 8, 9), cluster_id: Int32Array.of(1, 2, 3, 4, 5),
    });
    const d = resolveTokenData(source({ data, preamble: 'A' }));
    expect(d.n).toBe(3);
    expect(Array.from(d.rows)).toEqual([0, 2, 4]);
    expect(d.tokens).toEqual([' x', 'z', 'v']);
    expect(Array.from(d.x)).toEqual([0, 2, 4]);
    expect(Array.from(d.cluster!)).toEqual([1, 3, 5]);
    expect(d.preambles).toEqual(['A', 'A', 'A']);
  });

  test('resolveTokenData names the parameter, value and rule for a length mismatch, a NaN coordinate, a non-string token and a bad row', () => {
    const xy = { x: Float32Array.of(0, 1), y: Float32Array.of(0, 1) };
    const bad = (s: Partial<TokenSource>) => {
      try {
        resolveTokenData(source(s));
      } catch (e) {
        return e as { name: string; param: string; message: string };
      }
      throw new Error('no error');
    };
    expect(bad({ x: Float32Array.of(0), y: Float32Array.of(0, 1) })).toMatchObject({ name: 'TokenCloudInputError', param: 'y' });
    expect(bad({ ...xy, y: Float32Array.of(0, NaN) })).toMatchObject({ param: 'y[1]', message: expect.stringContaining('finite') });
    expect(bad({ ...xy, tokens: ['a', 3 as unknown as string] })).toMatchObject({ param: 'tokens[1]', message: expect.stringContaining('strings') });
    expect(bad({ ...xy, cluster: Int32Array.of(1) })).toMatchObject({ param: 'cluster' });
    expect(bad({ ...xy, rows: [0, -1] })).toMatchObject({ param: 'rows[1]' });
    const data = tableFromArrays({ x: Float32Array.of(0), y: Float32Array.of(0) });
    expect(bad({ data, preamble: 'A' })).toMatchObject({ name: 'TokenCloudInputError', param: 'preamble-column' });
    expect(bad({ data, clusterColumn: 'nope', tokenColumn: '' })).toMatchObject({ name: 'TokenCloudInputError', param: 'cluster-column' });
  });
});
