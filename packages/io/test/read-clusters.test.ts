import { describe, expect, it } from 'vitest';
import { readClusters, writeClustersTsv } from '@clamp-viz/io';
import { HOSTILE_TOKENS, thrown } from './helpers.js';

describe('readClusters', () => {
  it('readClusters(tsv) keeps tokens byte for byte, including leading spaces', () => {
    const t = readClusters('preamble\tguess\tcluster_id\nThe cat\t new\t3\nThe cat\t sat \t-1\n');
    expect(t.preambles).toEqual(['The cat', 'The cat']);
    expect(t.guesses).toEqual([' new', ' sat ']);
    expect(Array.from(t.clusterIds)).toEqual([3, -1]);
    expect(t.clusterIds).toBeInstanceOf(Int32Array);
  });

  it('readClusters(csv with CRLF, BOM, quotes) parses RFC 4180 quoting', () => {
    const text = '\uFEFFguess,cluster_id,preamble\r\n"a ""quoted"" one",1,"x,y"\r\n"multi\r\nline",2,p\r\n';
    const t = readClusters(text, { fileName: 'c.csv' });
    expect(t.guesses).toEqual(['a "quoted" one', 'multi\r\nline']);
    expect(t.preambles).toEqual(['x,y', 'p']);
    expect(Array.from(t.clusterIds)).toEqual([1, 2]);
  });

  it('readClusters(bytes) decodes UTF-8 and rejects invalid UTF-8 with invalid-encoding', async () => {
    const good = new TextEncoder().encode('preamble\tguess\tcluster_id\nnaïve\t 日本\t0\n');
    expect(readClusters(good).guesses).toEqual([' 日本']);
    const bad = Uint8Array.from([...new TextEncoder().encode('preamble\tguess\tcluster_id\na\t'), 0xff, 0xfe, 0x09, 0x30, 0x0a]);
    expect(await thrown(() => readClusters(bad, { fileName: 'bad.tsv' }))).toMatchObject({ code: 'invalid-encoding', file: 'bad.tsv' });
  });

  it('readClusters keeps extra columns, numeric ones as numbers (empty → null), others as strings', () => {
    const t = readClusters('preamble\tguess\tcluster_id\tprob\tnote\np\ta\t0\t0.25\t 1\np\tb\t1\t\tx\n');
    expect(t.extra).toEqual({ prob: [0.25, null], note: [' 1', 'x'] });
  });

  it('readClusters sniffs the delimiter from the header when the name gives no hint', () => {
    expect(readClusters('preamble,guess,cluster_id\na,b,1\n', { fileName: 'clusters' }).guesses).toEqual(['b']);
    expect(readClusters('preamble\tguess\tcluster_id\na,x\tb\t1\n', { fileName: 'clusters' }).preambles).toEqual(['a,x']);
  });

  it('readClusters accepts cluster ids with surrounding spaces, signs and .0, up to the Int32 range', () => {
    const t = readClusters('preamble\tguess\tcluster_id\na\t1\t 7 \na\t2\t-2147483648\na\t3\t+4.0\n');
    expect(Array.from(t.clusterIds)).toEqual([7, -2147483648, 4]);
  });

  it.each(['1.5', 'abc', '', '0x10', '1e3', '2147483648', 'NaN'])(
    'readClusters(cluster_id = %j) throws not-integer naming row 2, the column and the value',
    async (value) => {
      const error = await thrown(() => readClusters(`preamble\tguess\tcluster_id\na\tb\t1\na\tc\t${value}\n`, { fileName: 'k.tsv' }));
      expect(error).toMatchObject({ name: 'DataError', code: 'not-integer', file: 'k.tsv', row: 2, column: 'cluster_id', value });
      expect(error.message).toContain(`k.tsv, row 2 (line 3), column "cluster_id": value ${JSON.stringify(value)}`);
    },
  );

  it('readClusters(empty text) throws empty-file', async () => {
    expect(await thrown(() => readClusters('', { fileName: 'e.tsv' }))).toMatchObject({ code: 'empty-file', file: 'e.tsv' });
    expect(await thrown(() => readClusters('\n\n'))).toMatchObject({ code: 'empty-file' });
  });

  it('readClusters(header only) throws no-rows', async () => {
    expect(await thrown(() => readClusters('preamble\tguess\tcluster_id\n'))).toMatchObject({ code: 'no-rows' });
  });

  it('readClusters(header without cluster_id) throws missing-column listing the header it found', async () => {
    const error = await thrown(() => readClusters('preamble\tguess\tcluster\na\tb\t1\n'));
    expect(error).toMatchObject({ code: 'missing-column', column: 'cluster_id' });
    expect(error.message).toContain('found "preamble", "guess", "cluster"');
  });

  it('readClusters(a comma file read as tab-separated) says which separator it used', async () => {
    const error = await thrown(() => readClusters('preamble,guess,cluster_id\na,b,1\n', { delimiter: '\t' }));
    expect(error.message).toMatch(/tab-separated/);
  });

  it('readClusters(duplicate header names) throws duplicate-column', async () => {
    expect(await thrown(() => readClusters('preamble\tguess\tcluster_id\tguess\na\tb\t1\tc\n'))).toMatchObject({
      code: 'duplicate-column',
      column: 'guess',
    });
  });

  it('readClusters(ragged row) throws ragged-row naming the row, line and field counts', async () => {
    const error = await thrown(() => readClusters('preamble\tguess\tcluster_id\na\tb\t1\na\tb\n'));
    expect(error).toMatchObject({ code: 'ragged-row', row: 2 });
    expect(error.message).toMatch(/row 2 \(line 3\).*2 fields but the header has 3/);
  });

  it('readClusters(unterminated or misplaced quotes) throws malformed-quote', async () => {
    expect(await thrown(() => readClusters('preamble\tguess\tcluster_id\na\t"open\t1\n'))).toMatchObject({ code: 'malformed-quote', row: 1 });
    expect(await thrown(() => readClusters('preamble\tguess\tcluster_id\na\t"x"y\t1\n'))).toMatchObject({ code: 'malformed-quote' });
  });

  it('readClusters keeps a bare quote inside an unquoted field as data', () => {
    expect(readClusters('preamble\tguess\tcluster_id\na\tsay "hi"\t1\n').guesses).toEqual(['say "hi"']);
  });
});

describe('writeClustersTsv', () => {
  it('readClusters(writeClustersTsv(t)) round-trips hostile tokens byte for byte', () => {
    const n = HOSTILE_TOKENS.length;
    const table = {
      preambles: HOSTILE_TOKENS.slice().reverse(),
      guesses: HOSTILE_TOKENS,
      clusterIds: Int32Array.from({ length: n }, (_, i) => i - 3),
      extra: { note: HOSTILE_TOKENS.map((t) => `${t}!`), score: HOSTILE_TOKENS.map((_, i) => (i % 3 === 0 ? null : i / 4)) },
    };
    for (const delimiter of ['\t', ','] as const) {
      const back = readClusters(writeClustersTsv(table, delimiter), { delimiter });
      expect(back.preambles).toEqual(table.preambles);
      expect(back.guesses).toEqual(table.guesses);
      expect(Array.from(back.clusterIds)).toEqual(Array.from(table.clusterIds));
      expect(back.extra).toEqual(table.extra);
    }
  });

  it('writeClustersTsv quotes only what needs quoting', () => {
    const text = writeClustersTsv({ preambles: ['plain', 'a\tb'], guesses: [' new', 'x'], clusterIds: [1, 2] });
    expect(text).toBe('preamble\tguess\tcluster_id\nplain\t" new"\t1\n"a\tb"\tx\t2\n');
  });

  it('writeClustersTsv(mismatched lengths or fractional ids) throws RangeError', () => {
    expect(() => writeClustersTsv({ preambles: ['a'], guesses: [], clusterIds: [1] })).toThrow(RangeError);
    expect(() => writeClustersTsv({ preambles: ['a'], guesses: ['b'], clusterIds: [1.5] })).toThrow(/integers/);
  });
});
