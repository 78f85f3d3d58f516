import { describe, expect, it } from 'vitest';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { datasetTable, embeddingVector } from '@clamp-viz/io';
import { HOSTILE_TOKENS } from './helpers.js';

describe('datasetTable', () => {
  it('datasetTable(columns) encodes hostile and long tokens exactly (and through Arrow IPC)', () => {
    const guesses = [...HOSTILE_TOKENS, 'a', 'x'.repeat(10_000), '日本🙂'.repeat(3_000)];
    const n = guesses.length;
    const table = datasetTable({
      preambles: guesses.slice().reverse(),
      guesses,
      clusterIds: Int32Array.from({ length: n }, (_, i) => i),
      extra: { note: guesses.map((g, i) => (i % 4 === 0 ? null : g)), score: guesses.map((_, i) => (i % 3 === 0 ? null : i / 2)) },
      matrix: { data: new Float32Array(n * 2), rows: n, cols: 2 },
    });
    for (const t of [table, tableFromIPC(tableToIPC(table))]) {
      expect([...t.getChild('guess')!]).toEqual(guesses);
      expect([...t.getChild('preamble')!]).toEqual(guesses.slice().reverse());
      expect([...t.getChild('note')!]).toEqual(guesses.map((g, i) => (i % 4 === 0 ? null : g)));
      expect([...t.getChild('score')!]).toEqual(guesses.map((_, i) => (i % 3 === 0 ? null : i / 2)));
    }
  });

  it('embeddingVector(matrix) wraps matrix.data without copying', () => {
    const data = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const v = embeddingVector({ data, rows: 3, cols: 2 });
    expect(v.length).toBe(3);
    expect(v.data[0]!.children[0]!.values).toBe(data);
    expect(Array.from(v.get(2)!.toArray() as Float32Array)).toEqual([5, 6]);
  });
});
