export { generateNotebookDataset, NOTEBOOK_DATASET_DEFAULTS } from './generate-notebook-dataset.js';
export type { NotebookDataset, NotebookDatasetOptions } from './generate-notebook-dataset.js';
export { NOTEBOOK_SENTENCE } from './preamble-frames.js';
export { notebookDatasetFiles } from './notebook-dataset-files.js';
export type { NotebookDatasetFiles } from './notebook-dataset-files.js';
