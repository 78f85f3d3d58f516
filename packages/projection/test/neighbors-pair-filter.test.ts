import { describe, expect, test } from 'vitest';
import { PairFilter } from '../src/neighbors/pair-filter.js';

describe('PairFilter', () => {
  test('testAndAdd(p, q) is false the first time, then true for {p, q} in either order (no false negatives)', () => {
    const f = new PairFilter(5000);
    const pairs: [number, number][] = [];
    for (let p = 0; p < 5000; p += 7) for (let q = p + 1; q < 5000; q += 1013) pairs.push([p, q]);
    let firstTrue = 0;
    for (const [p, q] of pairs) if (f.testAndAdd(p, q)) firstTrue++;
    for (const [p, q] of pairs) {
      expect(f.testAndAdd(q, p)).toBe(true);
      expect(f.testAndAdd(p, q)).toBe(true);
    }
    // ≈ 3,500 pairs in 5,000 × 1,024 bits: the false-positive rate on first insertion stays far below 1 %.
    expect(firstTrue / pairs.length).toBeLessThan(0.01);
  });

  test('a filter loaded with 60 pairs per row reports unseen pairs as seen for ≤ 3 % of probes', () => {
    const rows = 4000;
    const f = new PairFilter(rows);
    for (let p = 0; p < rows; p++) for (let t = 1; t <= 60; t++) f.add(p, (p + t * 37) % rows);
    let fp = 0;
    let probes = 0;
    // Offsets 2,300 + t·41 never coincide with the t·37 offsets (mod 4,000) used above for t ≤ 60.
    for (let p = 0; p < rows; p += 3) {
      for (let t = 0; t < 10; t++) {
        probes++;
        if (f.testAndAdd(p, (p + 2300 + t * 41) % rows)) fp++;
      }
    }
    expect(fp / probes).toBeLessThanOrEqual(0.03);
  });
});
