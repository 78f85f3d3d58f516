import { describe, expect, test } from 'vitest';
import { combineSelection, normalizeIndices } from '../src/selection/combine-selection.js';
import { createSelectionModel } from '../src/selection/selection-model.js';
import { HIDDEN, SELECTED, pointStates } from '../src/selection/point-states.js';
import { clusterSummary } from '../src/legend/cluster-summary.js';
import { defaultTooltip, pointInfo } from '../src/cluster-scatter/point-info.js';

const u = (...v: number[]) => Uint32Array.from(v);

describe('selection logic', () => {
  test('combineSelection(current, next, mode) replaces, unions and subtracts without touching inputs', () => {
    const a = u(1, 3, 5), b = u(3, 4);
    expect(Array.from(combineSelection(a, b, 'replace'))).toEqual([3, 4]);
    expect(Array.from(combineSelection(a, b, 'add'))).toEqual([1, 3, 4, 5]);
    expect(Array.from(combineSelection(a, b, 'remove'))).toEqual([1, 5]);
    expect(Array.from(a)).toEqual([1, 3, 5]);
    expect(combineSelection(a, b, 'replace')).not.toBe(b);
  });

  test('normalizeIndices(indices, n) sorts and dedupes, and reports the first index out of range', () => {
    expect(normalizeIndices([4, 1, 4, 0], 5)).toEqual({ indices: u(0, 1, 4) });
    expect(normalizeIndices([1, 5], 5)).toEqual({ bad: 1 });
    expect(normalizeIndices([0.5], 5)).toEqual({ bad: 0 });
  });

  test('createSelectionModel() notifies subscribers with the source and skips no-op changes', () => {
    const model = createSelectionModel();
    const seen: string[] = [];
    const off = model.subscribe((state, change) => seen.push(`${change.kind}:${change.source}:${state.selected.join(',')}:${state.hovered}`));
    model.select(u(2, 7), 'replace', 'a');
    model.select(u(2, 7), 'replace', 'a'); // unchanged: no call
    model.hover(7, 'b');
    model.hover(7, 'b');
    model.select(u(7), 'remove', 'b');
    off();
    model.clear();
    expect(seen).toEqual(['select:a:2,7:-1', 'hover:b:2,7:7', 'select:b:2:7']);
    expect(model.state.selected).toHaveLength(0);
  });

  test('clusterSummary(n, cluster, ids) gives ranks, counts and first rows; pointStates flags selected and hidden', () => {
    const cluster = Int32Array.of(9, -1, 9, 300);
    const s = clusterSummary(4, cluster, Int32Array.of(-1, 9, 300));
    expect(Array.from(s.rank)).toEqual([1, 0, 1, 2]);
    expect(Array.from(s.counts)).toEqual([1, 2, 1]);
    expect(Array.from(s.first)).toEqual([1, 0, 3]);
    const states = pointStates(4, u(0, 3), s.rank, new Set([1]));
    expect(Array.from(states)).toEqual([SELECTED | HIDDEN, 0, HIDDEN, SELECTED]);
  });

  test('pointInfo reads token/preamble arrays and defaultTooltip joins token, preamble and cluster', () => {
    const info = pointInfo({ tokens: ['<img src=x onerror=alert(1)>'], preambles: ['The cat sat.'], data: null, tokenColumn: 'token', preambleColumn: 'preamble', cluster: Int32Array.of(4) }, 0);
    expect(info).toEqual({ index: 0, token: '<img src=x onerror=alert(1)>', preamble: 'The cat sat.', cluster: 4 });
    expect(defaultTooltip(info)).toBe('<img src=x onerror=alert(1)>\nThe cat sat.\ncluster 4');
    expect(defaultTooltip({ index: 3, token: null, preamble: null, cluster: null })).toBe('point 3');
  });
});
