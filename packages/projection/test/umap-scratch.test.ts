import { test } from 'vitest';
import { umap } from '../src/umap/umap.js';
import { findAbParams } from '../src/umap/find-ab-params.js';
import { digits, digitsLabels } from './fixtures.js';
import { trustworthiness } from '../src/metrics/trustworthiness.js';
import { labelAccuracy } from '../src/metrics/label-accuracy.js';
import { knnRecall } from '../src/metrics/knn-recall.js';

test('scratch', () => {
  for (const md of [0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.99]) console.log(md, findAbParams(1, md));
  const X = digits();
  const y = digitsLabels();
  for (const seed of [1871, 1, 2]) {
    let t0 = performance.now();
    const r = umap(X, { seed });
    const t = performance.now() - t0;
    console.log(seed, r.initUsed, 'ms', t.toFixed(0), 'trust', trustworthiness(X, r.embedding).toFixed(4), 'acc', labelAccuracy(r.embedding, y).toFixed(4), 'recall', knnRecall(X, r.embedding).toFixed(4));
    t0 = performance.now();
    const s = umap(X, { seed, target: y });
    console.log('sup', (performance.now() - t0).toFixed(0), s.initUsed, trustworthiness(X, s.embedding).toFixed(4), labelAccuracy(s.embedding, y).toFixed(4), knnRecall(X, s.embedding).toFixed(4));
  }
}, 120000);
