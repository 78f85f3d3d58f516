import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  generateNotebookDataset,
  loadDataset,
  NOTEBOOK_DATASET_DEFAULTS,
  projectionColumns,
  readEmbeddings,
  writeProjection,
} from '@clamp-viz/io';
import { listMethods, project, type Matrix, type MethodInfo, type ProjectOptions } from '@clamp-viz/projection';
import { Option, type Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { UsageError } from '../errors.js';
import { checkEmbeddingsPath, clustersDelimiterOf, outputFormatOf } from '../file-formats.js';
import { integerIn } from '../option-parsers.js';
import { createProgress } from '../progress.js';
import { MAX_CLI_PREAMBLES } from './generate-command.js';

interface ProjectCliOptions {
  embeddings?: string;
  clusters?: string;
  method: string;
  seed: number;
  output: string;
  preambles: number;
  dataSeed: number;
  unmatched: 'error' | 'drop';
}

/** The rows to project and the key columns to write next to the coordinates. */
interface ProjectInput {
  readonly matrix: Matrix<Float32Array>;
  readonly preambles?: readonly string[];
  readonly guesses?: readonly string[];
  readonly clusterIds?: Int32Array;
  readonly source: string;
}

const SEED_RANGE = integerIn(-(2 ** 31), 2 ** 31 - 1);

/**
 * `clamp-viz project [--embeddings FILE [--clusters FILE]] --method NAME [--seed S] --output FILE`:
 * reads and joins the inputs (or generates the default dataset), runs `project()` from
 * @clamp-viz/projection and writes `preamble, guess, cluster_id, x_<method>, y_<method>` (only the
 * columns that exist) as Parquet, Arrow IPC, CSV, or float32 n×2 NPY, chosen by the output extension.
 */
export function addProjectCommand(program: Command, ctx: CliContext): void {
  program
    .command('project')
    .description('project embeddings to 2-D and write x_<method>, y_<method> columns')
    .option('--embeddings <file>', 'embeddings: .parquet, .arrow or .npy (default: the generated default dataset)')
    .option('--clusters <file>', 'clusters .tsv/.csv with preamble, guess, cluster_id (joined 1:1 on the keys, or by row order for key-less embeddings)')
    .option('--method <name>', 'projection method (see `clamp-viz methods`)', 'pca')
    .option('--seed <n>', "seed of the method's random choices", SEED_RANGE, NOTEBOOK_DATASET_DEFAULTS.seed)
    .requiredOption('--output <file>', 'output: .parquet, .arrow, .csv or .npy (float32 n×2)')
    .option('--preambles <n>', 'size of the default dataset when --embeddings is not given (rows = 40 × n)', integerIn(1, MAX_CLI_PREAMBLES), NOTEBOOK_DATASET_DEFAULTS.preambles)
    .option('--data-seed <n>', 'seed of the default dataset', SEED_RANGE, NOTEBOOK_DATASET_DEFAULTS.seed)
    .addOption(new Option('--unmatched <mode>', 'rows without a partner in the other file').choices(['error', 'drop']).default('error'))
    .action(async (opts: ProjectCliOptions) => runProject(opts, ctx));
}

async function runProject(opts: ProjectCliOptions, ctx: CliContext): Promise<void> {
  const method = resolveMethod(opts.method);
  const format = outputFormatOf(opts.output);
  if (opts.embeddings !== undefined) checkEmbeddingsPath(opts.embeddings);
  if (opts.clusters !== undefined) clustersDelimiterOf(opts.clusters);
  if (opts.clusters !== undefined && opts.embeddings === undefined) {
    throw new UsageError('--clusters needs --embeddings (without --embeddings the default dataset brings its own clusters)');
  }
  const input = opts.embeddings === undefined ? defaultInput(opts, ctx) : await readInput(opts.embeddings, opts, ctx);
  if (method.needsClusters && input.clusterIds === undefined) {
    throw new UsageError(`--method ${method.name} needs cluster ids: give --clusters FILE`);
  }

  const progress = createProgress(ctx.stderr, method.name);
  const started = performance.now();
  let result;
  try {
    const options = {
      method: method.name,
      seed: opts.seed,
      onProgress: progress.onProgress,
      ...(input.clusterIds ? { clusters: input.clusterIds } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    } as ProjectOptions;
    result = await project(input.matrix, options);
  } finally {
    progress.stop();
  }
  const columns = projectionColumns(method.name.replace(/-/g, '_'), result.embedding);
  const bytes = await writeProjection(
    {
      ...(input.preambles && input.guesses ? { preambles: input.preambles, guesses: input.guesses } : {}),
      ...(input.clusterIds ? { clusterIds: input.clusterIds } : {}),
      columns,
    },
    format,
  );
  const out = resolve(ctx.cwd, opts.output);
  await writeFile(out, bytes);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  ctx.stderr.write(
    `clamp-viz: ${method.name} of ${input.source} (${input.matrix.rows} × ${input.matrix.cols}) in ${seconds} s; ` +
      `wrote ${Object.keys(columns).join(', ')} to ${out}\n`,
  );
}

function resolveMethod(name: string): MethodInfo {
  const methods = listMethods();
  const found = methods.find((m) => m.name === name);
  if (!found) {
    throw new UsageError(`unknown --method ${JSON.stringify(name)}; known methods: ${methods.map((m) => m.name).join(', ')}`);
  }
  return found;
}

function defaultInput(opts: ProjectCliOptions, ctx: CliContext): ProjectInput {
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

async function readInput(file: string, opts: ProjectCliOptions, ctx: CliContext): Promise<ProjectInput> {
  const bytes = new Uint8Array(await readFile(resolve(ctx.cwd, file)));
  const embeddings = { bytes, fileName: file };
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
    { embeddings, clusters: { text, fileName: opts.clusters, delimiter: clustersDelimiterOf(opts.clusters) } },
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
