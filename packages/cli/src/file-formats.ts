import type { ProjectionFormat } from '@clamp-viz/io';
import { UsageError } from './errors.js';

const INPUT: Readonly<Record<string, true>> = { '.parquet': true, '.arrow': true, '.feather': true, '.arrows': true, '.npy': true };
const OUTPUT: Readonly<Record<string, ProjectionFormat>> = { '.parquet': 'parquet', '.arrow': 'arrow', '.feather': 'arrow', '.csv': 'csv', '.npy': 'npy' };
const CLUSTERS: Readonly<Record<string, '\t' | ','>> = { '.tsv': '\t', '.tab': '\t', '.txt': '\t', '.csv': ',' };

/** The lower-cased extension of a path, with its dot (`'.parquet'`), or `''`. */
export function extensionOf(path: string): string {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** Checks an `--embeddings` path: Parquet, Arrow IPC (file or stream) or NPY. @throws UsageError otherwise. */
export function checkEmbeddingsPath(path: string): void {
  if (!INPUT[extensionOf(path)]) throw unsupported('--embeddings', path, '.parquet, .arrow (.feather, .arrows) or .npy');
}

/** The writer format for an `--output` path. @throws UsageError for another extension. */
export function outputFormatOf(path: string): ProjectionFormat {
  const format = OUTPUT[extensionOf(path)];
  if (!format) throw unsupported('--output', path, '.parquet, .arrow (.feather), .csv or .npy');
  return format;
}

/** The delimiter for a `--clusters` path: tab for .tsv/.tab/.txt, comma for .csv. @throws UsageError otherwise. */
export function clustersDelimiterOf(path: string): '\t' | ',' {
  const delimiter = CLUSTERS[extensionOf(path)];
  if (!delimiter) throw unsupported('--clusters', path, '.tsv (.tab, .txt) or .csv');
  return delimiter;
}

function unsupported(option: string, path: string, allowed: string): UsageError {
  const ext = extensionOf(path);
  return new UsageError(`${option} ${JSON.stringify(path)}: unsupported extension ${ext ? `'${ext}'` : '(none)'}; use ${allowed}`);
}
