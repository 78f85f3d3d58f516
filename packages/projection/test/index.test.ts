import { expect, test } from 'vitest';

// The public surface, snapshotted: any API change shows up here in review (style guide P2).
test("Object.keys(await import('@clamp-viz/projection')) lists exactly the public API", async () => {
  const api = await import('@clamp-viz/projection');
  expect(Object.keys(api).sort()).toEqual([
    'AbortError', 'CenterReprojectionModel', 'LdaModel', 'PcaModel', 'ProjectionInputError', 'ProjectionWorker', 'TsneModel', 'UmapModel',
    'buildNeighborIndex', 'centerReprojection', 'clusterCenters', 'clusterIdVariant', 'clusterplot', 'continuity', 'createProjectionWorker',
    'createRng', 'createWorkerHost', 'evaluateProjection', 'exactKnn', 'findAbParams', 'fitLda', 'fitPca', 'forEachInRow', 'knn2d',
    'knnQuery', 'knnRecall', 'knnToCsr', 'labelAccuracy', 'lda', 'listMethods', 'nearestNeighbors', 'normal', 'pacmap', 'pca', 'pcaCentersFit',
    'project', 'projectSync', 'registerMethod', 'runAsync', 'runJobAsync', 'runJobSync', 'runSync', 'silhouette', 'stepperJob',
    'toMatrix', 'transposeCsr', 'trimap', 'trustworthiness', 'tsne', 'umap', 'withClusterIdColumn',
  ]);
});

test('listMethods() names every registered method, the names the CLI --method takes', async () => {
  const { listMethods } = await import('@clamp-viz/projection');
  expect(listMethods().map((m) => m.name)).toEqual([
    'pca', 'lda', 'pca-cluster-id', 'pca-centers', 'umap', 'umap-supervised', 'umap-cluster-id', 'umap-centers', 'tsne',
    'tsne-centers', 'trimap', 'trimap-cluster-id', 'pacmap', 'pacmap-cluster-id', 'clusterplot',
  ]);
});
