import { expect, test } from 'vitest';

test("Object.keys(await import('@clamp-viz/projection')) lists exactly the public API", async () => {
  const api = await import('@clamp-viz/projection');
  expect(Object.keys(api).sort()).toEqual([
    'AbortError', 'PcaModel', 'ProjectionInputError', 'ProjectionWorker', 'createProjectionWorker', 'createRng',
    'createWorkerHost', 'exactKnn', 'fitPca', 'knn2d', 'knnRecall', 'labelAccuracy', 'listMethods', 'normal', 'pca',
    'project', 'projectSync', 'registerMethod', 'runAsync', 'runJobAsync', 'runJobSync', 'runSync', 'stepperJob',
    'toMatrix', 'trustworthiness', 'tsne',
  ]);
});
