import { describe, expect, it } from 'vitest';
import { FixedSizeList } from 'apache-arrow';
import { joinDataset, loadDataset, readClusters, writeClustersTsv, writeNpy, type EmbeddingTable } from '@clamp-viz/io';
import { randomMatrix, thrown } from './helpers.js';

function embeddings(keys: [string, string][], cols = 3, fileName = 'e.parquet'): EmbeddingTable {
  const data = Float32Array.from({ length: keys.length * cols }, (_, k) => Math.floor(k / cols) + (k % cols) / 10);
  return {
    matrix: { data, rows: keys.length, cols },
    preambles: keys.map((k) => k[0]),
    guesses: keys.map((k) => k[1]),
    fileName,
    format: 'parquet',
  };
}

const TSV = 'preamble\tguess\tcluster_id\tprob\nThe\t cat\t5\t0.5\nThe\t dog\t-1\t0.25\nA\t cat\t7\t1\n';

describe('joinDataset', () => {
  it('joinDataset(emb, clusters) joins on (preamble, guess) and keeps the embeddings order', () => {
    const emb = embeddings([['A', ' cat'], ['The', ' dog'], ['The', ' cat']]);
    const ds = joinDataset(emb, readClusters(TSV));
    expect(ds.preambles).toEqual(['A', 'The', 'The']);
    expect(ds.guesses).toEqual([' cat', ' dog', ' cat']);
    expect(Array.from(ds.clusterIds)).toEqual([7, -1, 5]);
    expect(ds.extra).toEqual({ prob: [1, 0.25, 0.5] });
    expect(ds.report).toMatchObject({ mode: 'keys', rows: 3, unmatchedEmbeddings: { count: 0 }, unmatchedClusters: { count: 0 } });
  });

  it('joinDataset builds the Arrow table over the same Float32Array (no copy of the embeddings)', () => {
    const emb = embeddings([['A', ' cat'], ['The', ' dog'], ['The', ' cat']]);
    const ds = joinDataset(emb, readClusters(TSV));
    expect(ds.matrix).toBe(emb.matrix);
    const column = ds.table.getChild('embedding')!;
    expect(column.type).toBeInstanceOf(FixedSizeList);
    expect((column.type as FixedSizeList).listSize).toBe(3);
    expect(column.data[0]!.children[0]!.values).toBe(ds.matrix.data);
    expect(column.data[0]!.children[0]!.values.buffer).toBe(ds.matrix.data.buffer);
    expect(ds.table.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual([
      'preamble:Utf8',
      'guess:Utf8',
      'cluster_id:Int32',
      'prob:Float64',
      'embedding:FixedSizeList[3]<Float32>',
    ]);
    expect(ds.table.get(1)!.toJSON()).toMatchObject({ preamble: 'The', guess: ' dog', cluster_id: -1, prob: 0.25 });
  });

  it('joinDataset(clusters with a duplicated key) names the key, both rows and the clusters file', async () => {
    const tsv = 'preamble\tguess\tcluster_id\nThe\t cat\t1\nThe\t dog\t2\nThe\t cat\t3\n';
    const emb = embeddings([['The', ' cat'], ['The', ' dog']]);
    const error = await thrown(() => joinDataset(emb, readClusters(tsv, { fileName: 'c.tsv' })));
    expect(error).toMatchObject({ name: 'DataError', code: 'duplicate-key', file: 'c.tsv', row: 3 });
    expect(error.message).toContain('key (preamble="The", guess=" cat") appears in rows 1 and 3');
  });

  it('joinDataset(embeddings with a duplicated key) names the embeddings file', async () => {
    const emb = embeddings([['The', ' cat'], ['The', ' dog'], ['The', ' dog']], 3, 'dup.parquet');
    const error = await thrown(() => joinDataset(emb, readClusters(TSV)));
    expect(error).toMatchObject({ code: 'duplicate-key', file: 'dup.parquet', row: 3 });
    expect(error.message).toContain('rows 2 and 3');
  });

  it('joinDataset does not confuse keys whose concatenations collide', () => {
    const emb = embeddings([['a\u0000', 'b'], ['a', '\u0000b']]);
    const clusters = readClusters(writeClustersTsv({ preambles: ['a', 'a\u0000'], guesses: ['\u0000b', 'b'], clusterIds: [2, 1] }));
    expect(Array.from(joinDataset(emb, clusters).clusterIds)).toEqual([1, 2]);
  });

  it('joinDataset(unmatched rows) throws unmatched-rows with counts and examples from both files', async () => {
    const emb = embeddings([['The', ' cat'], ['The', 'dog'], ['X', ' y']]);
    const error = await thrown(() => joinDataset(emb, readClusters(TSV, { fileName: 'c.tsv' })));
    expect(error).toMatchObject({ name: 'DataError', code: 'unmatched-rows', file: 'e.parquet' });
    expect(error.message).toContain('2 of 3 rows of e.parquet have no partner in c.tsv, e.g. row 2 (preamble="The", guess="dog"); row 3');
    expect(error.message).toContain('2 of 3 rows of c.tsv have no partner in e.parquet');
    expect(error.message).toContain("unmatched: 'drop'");
  });

  it("joinDataset(..., {unmatched: 'drop'}) keeps matched rows in order, copies the kept rows and reports the dropped", () => {
    const emb = embeddings([['X', ' y'], ['The', ' cat'], ['Q', ' q'], ['A', ' cat']]);
    const ds = joinDataset(emb, readClusters(TSV), { unmatched: 'drop' });
    expect(ds.guesses).toEqual([' cat', ' cat']);
    expect(ds.preambles).toEqual(['The', 'A']);
    expect(Array.from(ds.clusterIds)).toEqual([5, 7]);
    expect(ds.matrix.rows).toBe(2);
    expect(Array.from(ds.matrix.data)).toEqual(Array.from(emb.matrix.data.subarray(3, 6)).concat(Array.from(emb.matrix.data.subarray(9, 12))));
    expect(ds.table.numRows).toBe(2);
    expect(ds.report.unmatchedEmbeddings).toEqual({
      file: 'e.parquet',
      count: 2,
      examples: [
        { row: 1, preamble: 'X', guess: ' y' },
        { row: 3, preamble: 'Q', guess: ' q' },
      ],
    });
    expect(ds.report.unmatchedClusters).toMatchObject({ count: 1, examples: [{ row: 2, preamble: 'The', guess: ' dog' }] });
    expect(emb.matrix.rows).toBe(4);
  });

  it("joinDataset(no key in common, {unmatched: 'drop'}) throws no-rows mentioning leading spaces", async () => {
    const error = await thrown(() => joinDataset(embeddings([['The', 'cat']]), readClusters(TSV), { unmatched: 'drop' }));
    expect(error).toMatchObject({ code: 'no-rows' });
    expect(error.message).toMatch(/leading spaces/);
  });

  it('joinDataset(emb without keys, clusters) pairs by row order', () => {
    const emb: EmbeddingTable = { matrix: { data: randomMatrix(3, 2), rows: 3, cols: 2 }, fileName: 'x.npy', format: 'npy' };
    const ds = joinDataset(emb, readClusters(TSV));
    expect(ds.report.mode).toBe('row-order');
    expect(ds.guesses).toEqual([' cat', ' dog', ' cat']);
    expect(Array.from(ds.clusterIds)).toEqual([5, -1, 7]);
  });

  it('joinDataset(emb without keys, clusters of another length) throws row-count-mismatch with both counts', async () => {
    const emb: EmbeddingTable = { matrix: { data: randomMatrix(4, 2), rows: 4, cols: 2 }, fileName: 'x.npy', format: 'npy' };
    const error = await thrown(() => joinDataset(emb, readClusters(TSV, { fileName: 'c.tsv' })));
    expect(error).toMatchObject({ code: 'row-count-mismatch', file: 'x.npy' });
    expect(error.message).toMatch(/embeddings have 4 rows and c\.tsv has 3 data rows/);
  });

  it('joinDataset(emb) without clusters gives cluster 0 and keeps the embedding keys', () => {
    const ds = joinDataset(embeddings([['p', 'g']]));
    expect(ds.report.mode).toBe('none');
    expect(Array.from(ds.clusterIds)).toEqual([0]);
    expect(ds.guesses).toEqual(['g']);
  });
});

describe('loadDataset', () => {
  it('loadDataset({embeddings: npy, clusters: tsv bytes}) reads, joins and builds the table', async () => {
    const data = randomMatrix(3, 4);
    const ds = await loadDataset({
      embeddings: { bytes: writeNpy({ data, rows: 3, cols: 4 }), fileName: 'x.npy' },
      clusters: { bytes: new TextEncoder().encode(TSV), fileName: 'c.tsv' },
    });
    expect(ds.matrix.data).toEqual(data);
    expect(ds.table.numRows).toBe(3);
    expect(Array.from(ds.clusterIds)).toEqual([5, -1, 7]);
  });

  it('loadDataset keeps empty numeric extra cells as nulls in the table', async () => {
    const ds = await loadDataset({
      embeddings: { bytes: writeNpy({ data: new Float32Array(4), rows: 2, cols: 2 }) },
      clusters: { text: 'preamble\tguess\tcluster_id\tprob\na\tb\t1\t\na\tc\t2\t0.5\n' },
    });
    expect(ds.extra['prob']).toEqual([null, 0.5]);
    expect([...ds.table.getChild('prob')!]).toEqual([null, 0.5]);
  });
});
