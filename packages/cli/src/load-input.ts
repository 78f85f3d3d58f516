import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { generateNotebookDataset, loadDataset, readEmbeddings } from '@clamp-viz/io';
import type { Matrix } from '@clamp-viz/projection';
import type { CliContext } from './cli-context.js';
import { UsageError } from './errors.js';
import { checkEmbeddingsPath, clustersDelimiterOf } from './file-formats.js';

/** The embedding rows a command works on, with their key columns and cluster ids when known. */
export interface EmbeddingInput {
  readonly matrix: Matrix<Float32Array>;
  readonly preambles?: readonly string[];
  readonly guesses?: readonly string[];
  readonly clusterIds?: Int32Array;
  /** Human-readable origin for messages: the file name or "the default dataset (...)". */
  readonly source: string;
}

/** The options shared by commands that read embeddings (`project`, `evaluate`). */
export interface InputOptions {
  embeddings?: string;
  clusters?: string;
  preambles: number;
  dataSeed: number;
  unmatched: 'error' | 'drop';
}

/**
 * Checks the input options without reading anything: supported extensions, and `--clusters` only with
 * `--embeddings`. Returns whether cluster ids will be available (from `--clusters` or the default dataset).
 * @throws UsageError
 */
export function checkInputOptions(opts: InputOptions): { hasClusters: boolean } {
  if (opts.embeddings !== undefined) checkEmbeddingsPath(opts.embeddings);
  if (opts.clusters !== undefined) clustersDelimiterOf(opts.clusters);
  if (opts.clusters !== undefined && opts.embeddings === undefined) {
    throw new UsageError('--clusters needs --embeddings (without --embeddings the default dataset brings its own clusters)');
  }
  return { hasClusters: opts.embeddings === undefined || opts.clusters !== undefined };
}

/**
 * Reads `--embeddings` (joined 1:1 with `--clusters` on (preamble, guess), or by row order for key-less
 * embeddings, via @clamp-viz/io `loadDataset`), or generates the default dataset when `--embeddings` is absent.
 * Notes dropped rows and generation on stderr. Call `checkInputOptions` first.
 */
export async function loadInput(opts: InputOptions, ctx: CliContext): Promise<EmbeddingInput> {
  if (opts.embeddings === undefined) return defaultInput(opts, ctx);
  const file = opts.embeddings;
  const bytes = new Uint8Array(await readFile(resolve(ctx.cwd, file)));
  if (opts.clusters === undefined) {
    const emb = await readEmbeddings(bytes, { fileName: file });
    return {
      matrix: emb.matrix,
      ...(emb.preambles && emb.guesses ? { preambles: emb.preambles, guesses: emb.guesses } : {}),
      source: file,
    };
  }
  const text = await readFile(resolve(ctx.cwd, opts.clusters), 'utf8');
  const ds = await loadDataset(
    { embeddings: { bytes, fileName: file }, clusters: { text, fileName: opts.clusters, delimiter: clustersDelimiterOf(opts.clusters) } },
    { unmatched: opts.unmatched },
  );
  const dropped = ds.report.unmatchedEmbeddings.count + ds.report.unmatchedClusters.count;
  if (dropped > 0) {
    ctx.stderr.write(
      `clamp-viz: dropped ${ds.report.unmatchedEmbeddings.count} embedding rows and ${ds.report.unmatchedClusters.count} cluster rows without a partner\n`,
    );
  }
  return { matrix: ds.matrix, preambles: ds.preambles, guesses: ds.guesses, clusterIds: ds.clusterIds, source: file };
}

function defaultInput(opts: InputOptions, ctx: CliContext): EmbeddingInput {
  ctx.stderr.write(`clamp-viz: generating the default dataset (${opts.preambles} preambles × 40 guesses × 768 dims, seed ${opts.dataSeed})\n`);
  const ds = generateNotebookDataset({ preambles: opts.preambles, seed: opts.dataSeed });
  return {
    matrix: ds.matrix,
    preambles: ds.preambles,
    guesses: ds.guesses,
    clusterIds: ds.clusterIds,
    source: `the default dataset (${opts.preambles} preambles, seed ${opts.dataSeed})`,
  };
}
