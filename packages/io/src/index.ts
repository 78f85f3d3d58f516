// @clamp-viz/io public API: data in (Parquet / Arrow IPC / NPY embeddings, TSV/CSV clusters, the
// 1:1 join) and data out (projections, embeddings Parquet, clusters TSV). Node, browsers, Workers.
// Named exports only; types via `export type`.
export { DataError } from './data-error.js';
export type { DataErrorCode, DataErrorInit } from './data-error.js';
export type {
  ClusterTable,
  Dataset,
  EmbeddingFormat,
  EmbeddingTable,
  ExtraValue,
  JoinReport,
  Matrix,
  UnmatchedRows,
} from './types.js';

export { initParquet } from './init-parquet.js';
export type { ParquetWasmSource } from './init-parquet.js';
export { detectFormat } from './detect-format.js';
export { readEmbeddings, embeddingsFromTable } from './read-embeddings.js';
export type { ReadEmbeddingsOptions } from './read-embeddings.js';
export { embeddingMatrix } from './embedding-matrix.js';
export { readNpy } from './read-npy.js';
export { writeNpy } from './write-npy.js';
export { readClusters } from './read-clusters.js';
export type { ReadClustersOptions } from './read-clusters.js';
export { parseDelimited } from './parse-delimited.js';
export type { RecordCallback } from './parse-delimited.js';
export { quoteField } from './quote-field.js';
export { writeClustersTsv } from './write-clusters-tsv.js';
export type { ClustersTsvInput } from './write-clusters-tsv.js';
export { joinDataset } from './join-dataset.js';
export type { JoinOptions } from './join-dataset.js';
export { datasetTable, embeddingVector } from './dataset-table.js';
export type { DatasetColumns } from './dataset-table.js';
export { loadDataset } from './load-dataset.js';
export type { DatasetSources, LoadDatasetOptions } from './load-dataset.js';
export { writeProjection } from './write-projection.js';
export type { ProjectionFormat, ProjectionOutput } from './write-projection.js';
export { projectionColumns } from './projection-columns.js';
export { outlinesGeoJson } from './outlines-geojson.js';
export type { OutlineRings } from './outlines-geojson.js';
export { formatFloat32 } from './format-float32.js';
export { writeParquet } from './write-parquet.js';
export { writeEmbeddingsParquet } from './write-embeddings-parquet.js';
export type { EmbeddingsParquetInput } from './write-embeddings-parquet.js';

// Synthetic notebook-shaped data set (written in src/synthetic/ by its own owner).
export { generateNotebookDataset, notebookDatasetFiles, NOTEBOOK_DATASET_DEFAULTS, NOTEBOOK_SENTENCE } from './synthetic/index.js';
export type { NotebookDataset, NotebookDatasetFiles, NotebookDatasetOptions } from './synthetic/index.js';
