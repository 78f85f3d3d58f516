import { expect, test } from 'vitest';
import { buildGridIndexAsync } from '../src/pick/build-grid-index.js';
import { buildGridIndex } from '../src/pick/grid-index.js';

test('buildGridIndexAsync(xy, {workerThreshold: 0}) builds in a module Worker the same index as buildGridIndex, leaving xy intact', async () => {
  let s = 11;
  const xy = Float32Array.from({ length: 2 * 20_000 }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296) * 10);
  const copy = xy.slice();
  const workerCreated: string[] = [];
  const NativeWorker = globalThis.Worker;
  // Observe (not replace) construction so the test proves the worker path ran.
  globalThis.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      workerCreated.push(String(url));
      this.addEventListener('error', () => workerCreated.push('load error'));
    }
  };
  try {
    const index = await buildGridIndexAsync(xy, { workerThreshold: 0 });
    expect(workerCreated).toHaveLength(1); // and no load error: the index came from the worker
    expect(workerCreated[0]).toMatch(/grid-index\.worker/);
    const sync = buildGridIndex(xy);
    expect(Array.from(index.order)).toEqual(Array.from(sync.order));
    expect(Array.from(index.start)).toEqual(Array.from(sync.start));
    expect(xy).toEqual(copy); // not detached, not mutated
  } finally {
    globalThis.Worker = NativeWorker;
  }
});

test('buildGridIndexAsync rejects with AbortError when its signal aborts', async () => {
  const controller = new AbortController();
  const pending = buildGridIndexAsync(new Float32Array(2 * 100_000), { workerThreshold: 0 }, controller.signal);
  controller.abort();
  await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
});
