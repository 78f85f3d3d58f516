import { expect, test } from 'vitest';
import { continuity } from '../src/metrics/continuity.js';
import { evaluateProjection } from '../src/metrics/evaluate.js';
import { knnRecall } from '../src/metrics/knn-recall.js';
import { labelAccuracy } from '../src/metrics/label-accuracy.js';
import { silhouette } from '../src/metrics/silhouette.js';
import { trustworthiness } from '../src/metrics/trustworthiness.js';
import { lda } from '../src/methods/lda.js';
import { digits, digitsLabels } from './fixtures.js';
import { blobs, sklearnLayout } from './lda-fixtures.js';

test('evaluateProjection(X, Y, {labels, k}) equals each metric called alone', () => {
  const { X, labels } = blobs(120, 6, 3, 2);
  const { embedding } = lda(X, labels);
  const s = evaluateProjection(X, embedding, { labels, k: 7 });
  expect(s.trustworthiness).toBe(trustworthiness(X, embedding, { k: 7 }));
  expect(s.continuity).toBe(continuity(X, embedding, { k: 7 }));
  expect(s.knnRecall).toBe(knnRecall(X, embedding, { k: 7 }));
  expect(s.labelAccuracy).toBe(labelAccuracy(embedding, labels, { k: 7 }));
  expect(s.silhouette).toBe(silhouette(embedding, labels));
});

test('evaluateProjection without labels leaves the label scores undefined; the identity map of 2-D data scores 1', () => {
  const { X } = blobs(80, 2, 2, 3);
  const s = evaluateProjection(X, X.data, { k: 5 });
  expect(s).toMatchObject({ trustworthiness: 1, continuity: 1, knnRecall: 1, labelAccuracy: undefined, silhouette: undefined });
});

test("evaluateProjection(digits, scikit-learn's LDA layout) reproduces the published trust15, knn_recall15 and label_acc15", () => {
  const s = evaluateProjection(digits(), sklearnLayout('lda'), { labels: digitsLabels() });
  expect(s.trustworthiness).toBeCloseTo(0.7982, 3);
  expect(s.knnRecall).toBeCloseTo(0.1133, 3);
  expect(s.labelAccuracy).toBeCloseTo(0.6157, 3);
  expect(s.continuity).toBeGreaterThan(s.trustworthiness);
  expect(s.silhouette).toBeGreaterThan(0);
});

test('evaluateProjection rejects labels of the wrong length', () => {
  const { X } = blobs(20, 2, 2, 3);
  expect(() => evaluateProjection(X, X.data, { labels: [1, 2], k: 3 })).toThrow(/labels.length = 2: must equal X.rows = 20/);
});
