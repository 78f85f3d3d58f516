// resolveTokenData (pure, no DOM): the default `guess` column, warnings for missing default columns and empty
// preambles, distinct rows, and the MAX_CLOUD_LABELS cap on whole-table input (review S3 P2-1, P2-3, P3).
import { tableFromArrays } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { MAX_CLOUD_LABELS, resolveTokenData, type TokenSource } from '../src/token-cloud/resolve-token-data.js';
import { DEFAULT_PREAMBLE_COLUMN, DEFAULT_TOKEN_COLUMN } from '../src/cluster-scatter/default-columns.js';

const source = (s: Partial<TokenSource>): TokenSource => ({
  x: null, y: null, cluster: null, tokens: null, rows: null, data: null, preamble: '',
  xColumn: 'x', yColumn: 'y', clusterColumn: '', tokenColumn: DEFAULT_TOKEN_COLUMN, preambleColumn: DEFAULT_PREAMBLE_COLUMN, ...s,
});

function thrown(fn: () => unknown): Error & { param?: string; value?: unknown; code?: string } {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('no error');
}

/** n rows from typed arrays; `preambles` distinct preambles cycled over the rows when > 0. */
function bigTable(n: number, preambles = 0) {
  const x = new Float32Array(n), y = new Float32Array(n), cluster_id = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = i % 1000;
    y[i] = Math.floor(i / 1000);
    cluster_id[i] = i % 7;
  }
  return preambles > 0
    ? tableFromArrays({ x, y, cluster_id, preamble: Array.from({ length: n }, (_, i) => `p${i % preambles}`) })
    : tableFromArrays({ x, y, cluster_id });
}

describe('resolveTokenData text columns', () => {
  test('resolveTokenData reads tokens from the default guess column, with no warnings', () => {
    const data = tableFromArrays({ x: Float32Array.of(0, 1), y: Float32Array.of(0, 1), guess: [' a', 'b'], preamble: ['P', 'P'] });
    const d = resolveTokenData(source({ data }));
    expect(DEFAULT_TOKEN_COLUMN).toBe('guess');
    expect(d.tokens).toEqual([' a', 'b']);
    expect(d.warnings).toEqual([]);
  });

  test('resolveTokenData with the default token and preamble columns missing gives empty tokens and one warning per column, listing the columns', () => {
    const data = tableFromArrays({ x: Float32Array.of(0, 1), y: Float32Array.of(0, 1), token: ['a', 'b'] });
    const d = resolveTokenData(source({ data }));
    expect(d.n).toBe(2);
    expect(d.tokens).toEqual(['', '']);
    expect(d.preambles).toBeNull();
    expect(d.warnings).toMatchObject([
      { name: 'TokenCloudInputError', param: 'token-column', value: 'guess', code: 'missing-default-column' },
      { param: 'preamble-column', value: 'preamble' },
    ]);
    expect(d.warnings[0]!.message).toMatch(/columns are: x, y, token/);
  });

  test('resolveTokenData with an explicit token-column or preamble-column missing throws naming it; preamble without a preamble column throws too', () => {
    const data = tableFromArrays({ x: Float32Array.of(0, 1), y: Float32Array.of(0, 1), token: ['a', 'b'] });
    expect(thrown(() => resolveTokenData(source({ data, tokenColumn: 'word' })))).toMatchObject({ name: 'TokenCloudInputError', param: 'token-column', value: 'word' });
    expect(thrown(() => resolveTokenData(source({ data, tokenColumn: 'token', preambleColumn: 'sentence' })))).toMatchObject({ param: 'preamble-column', value: 'sentence' });
    expect(thrown(() => resolveTokenData(source({ data, tokenColumn: 'token', preamble: 'P' })))).toMatchObject({ param: 'preamble-column', value: 'preamble' });
  });

  test('resolveTokenData with a preamble that matches no row gives no labels and a warning naming preamble', () => {
    const data = tableFromArrays({ x: Float32Array.of(0, 1), y: Float32Array.of(0, 1), guess: ['a', 'b'], preamble: ['P', 'Q'] });
    const d = resolveTokenData(source({ data, preamble: 'R' }));
    expect(d.n).toBe(0);
    expect(d.warnings).toMatchObject([{ param: 'preamble', value: 'R', code: 'no-rows' }]);
  });

  test('resolveTokenData rejects a repeated dataset row in rows, naming the second entry', () => {
    const e = thrown(() => resolveTokenData(source({ x: Float32Array.of(0, 1, 2), y: Float32Array.of(0, 1, 2), rows: Uint32Array.of(4, 9, 4) })));
    expect(e).toMatchObject({ name: 'TokenCloudInputError', param: 'rows[2]', value: 4 });
    expect(e.message).toMatch(/distinct/);
  });
});

describe('resolveTokenData whole-table cap', () => {
  test(`resolveTokenData lays out a table of exactly MAX_CLOUD_LABELS (${MAX_CLOUD_LABELS}) rows without a preamble`, () => {
    const d = resolveTokenData(source({ data: bigTable(MAX_CLOUD_LABELS), tokenColumn: '', clusterColumn: 'cluster_id' }));
    expect(d.cluster![8]).toBe(1);
    expect(d.n).toBe(MAX_CLOUD_LABELS);
    expect(d.rows[MAX_CLOUD_LABELS - 1]).toBe(MAX_CLOUD_LABELS - 1);
  });

  test('resolveTokenData on a table of MAX_CLOUD_LABELS + 1 rows and no preamble throws on preamble with the row count and the cap', () => {
    const e = thrown(() => resolveTokenData(source({ data: bigTable(MAX_CLOUD_LABELS + 1) })));
    expect(e).toMatchObject({ name: 'TokenCloudInputError', param: 'preamble', value: '', code: 'too-many-labels' });
    expect(e.message).toContain(`data has ${MAX_CLOUD_LABELS + 1} rows; set preamble to show one sentence, or pass at most ${MAX_CLOUD_LABELS} labels`);
  });

  test('resolveTokenData on the same large table with a preamble keeps only that preamble\'s rows', () => {
    const d = resolveTokenData(source({ data: bigTable(MAX_CLOUD_LABELS + 1, 1000), preamble: 'p7', tokenColumn: '' }));
    expect(d.n).toBe(50); // rows 7, 1007, …, 49007
    expect(d.rows[0]).toBe(7);
    expect(d.rows[49]).toBe(49_007);
    expect(d.preambles!.every((p) => p === 'p7')).toBe(true);
  });
});
