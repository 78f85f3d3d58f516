import { expect, it } from 'vitest';
import * as io from '@clamp-viz/io';

it('@clamp-viz/io exports exactly the documented names', () => {
  expect(Object.keys(io).sort()).toEqual(
    [
      'DataError',
      'NOTEBOOK_DATASET_DEFAULTS',
      'NOTEBOOK_SENTENCE',
      'datasetTable',
      'detectFormat',
      'embeddingMatrix',
      'embeddingVector',
      'embeddingsFromTable',
      'formatFloat32',
      'generateNotebookDataset',
      'notebookDatasetFiles',
      'outlinesGeoJson',
      'initParquet',
      'joinDataset',
      'loadDataset',
      'parseDelimited',
      'projectionColumns',
      'quoteField',
      'readClusters',
      'readEmbeddings',
      'readNpy',
      'writeClustersTsv',
      'writeEmbeddingsParquet',
      'writeNpy',
      'writeParquet',
      'writeProjection',
    ].sort(),
  );
});

it('DataError carries code, file, row, column and rule, and is recognisable by name', () => {
  const error = new io.DataError({ code: 'ragged-row', file: 'a.tsv', row: 3, column: 'guess', rule: 'the rule', value: ' x' });
  expect(error).toMatchObject({ name: 'DataError', code: 'ragged-row', file: 'a.tsv', row: 3, column: 'guess', rule: 'the rule', value: ' x' });
  expect(error.message).toBe('a.tsv, row 3, column "guess": value " x": the rule');
  expect(error).toBeInstanceOf(Error);
});
