import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { NOTEBOOK_DATASET_DEFAULTS, outlinesGeoJson, projectionColumns, writeProjection, type OutlineRings } from '@clamp-viz/io';
import { project, type MethodInfo, type ProjectionResult, type ProjectOptions } from '@clamp-viz/projection';
import { Option, type Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { UsageError } from '../errors.js';
import { outputFormatOf } from '../file-formats.js';
import { checkInputOptions, loadInput, type EmbeddingInput, type InputOptions } from '../load-input.js';
import { columnSuffix, selectMethods } from '../method-selection.js';
import { integerIn } from '../option-parsers.js';
import { createProgress } from '../progress.js';
import { MAX_CLI_PREAMBLES } from './generate-command.js';

interface ProjectCliOptions extends InputOptions {
  method: string;
  seed: number;
  output: string;
  outlines?: string;
}

export const SEED_RANGE = integerIn(-(2 ** 31), 2 ** 31 - 1);

/**
 * `clamp-viz project [--embeddings FILE [--clusters FILE]] --method NAME[,NAME...]|all [--seed S] --output FILE`:
 * reads and joins the inputs (or generates the default dataset), runs `project()` from @clamp-viz/projection
 * for each selected method in turn (progress per method on stderr) and writes one file with
 * `preamble, guess, cluster_id` (the ones that exist) and `x_<method>, y_<method>` per method, as Parquet,
 * Arrow IPC or CSV, chosen by the output extension; `.npy` (float32 n×2) holds a single method only.
 * With `--method all`, methods that need cluster ids are skipped (and named on stderr) when there are none.
 * `--outlines FILE.geojson` also writes the cluster outlines of the methods that make them (ClusterPlot's blobs) as
 * a GeoJSON FeatureCollection (see `outlinesGeoJson`).
 */
export function addProjectCommand(program: Command, ctx: CliContext): void {
  program
    .command('project')
    .description('project embeddings to 2-D and write x_<method>, y_<method> columns')
    .option('--embeddings <file>', 'embeddings: .parquet, .arrow or .npy (default: the generated default dataset)')
    .option('--clusters <file>', 'clusters .tsv/.csv with preamble, guess, cluster_id (joined 1:1 on the keys, or by row order for key-less embeddings)')
    .option('--method <names>', 'projection method, a comma-separated list, or all (see `clamp-viz methods`)', 'pca')
    .option('--seed <n>', "seed of the methods' random choices", SEED_RANGE, NOTEBOOK_DATASET_DEFAULTS.seed)
    .requiredOption('--output <file>', 'output: .parquet, .arrow, .csv, or .npy (float32 n×2, one method only)')
    .option('--outlines <file>', 'also write the cluster outlines of methods that make them (clusterplot) as GeoJSON')
    .option('--preambles <n>', 'size of the default dataset when --embeddings is not given (rows = 40 × n)', integerIn(1, MAX_CLI_PREAMBLES), NOTEBOOK_DATASET_DEFAULTS.preambles)
    .option('--data-seed <n>', 'seed of the default dataset', SEED_RANGE, NOTEBOOK_DATASET_DEFAULTS.seed)
    .addOption(new Option('--unmatched <mode>', 'rows without a partner in the other file').choices(['error', 'drop']).default('error'))
    .action(async (opts: ProjectCliOptions) => runProject(opts, ctx));
}

async function runProject(opts: ProjectCliOptions, ctx: CliContext): Promise<void> {
  const format = outputFormatOf(opts.output);
  const { hasClusters } = checkInputOptions(opts);
  const { run, skipped } = selectMethods(opts.method, hasClusters);
  if (format === 'npy' && run.length > 1) {
    throw new UsageError(`--output ${JSON.stringify(opts.output)}: .npy holds one method, but --method ${opts.method} runs ${run.length} (${run.map((m) => m.name).join(', ')}); use .parquet, .arrow or .csv`);
  }
  for (const s of skipped) ctx.stderr.write(`clamp-viz: skipping ${s.name}: ${s.reason}\n`);
  const input = await loadInput(opts, ctx);

  const started = performance.now();
  const columns: Record<string, Float32Array> = {};
  const outlineSets: { method: string; outlines: readonly OutlineRings[] }[] = [];
  for (const method of run) {
    const t0 = performance.now();
    const result = await runMethod(method, input, opts.seed, ctx);
    Object.assign(columns, projectionColumns(columnSuffix(method.name), result.embedding));
    if (result.outlines) outlineSets.push({ method: method.name, outlines: result.outlines });
    if (run.length > 1) ctx.stderr.write(`clamp-viz: ${method.name}: done in ${seconds(t0)} s\n`);
  }
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
  if (opts.outlines !== undefined) {
    if (outlineSets.length === 0) ctx.stderr.write(`clamp-viz: --outlines: no selected method makes outlines (clusterplot does); writing an empty collection\n`);
    await writeFile(resolve(ctx.cwd, opts.outlines), outlinesGeoJson(outlineSets));
  }
  ctx.stderr.write(
    `clamp-viz: ${run.map((m) => m.name).join(', ')} of ${input.source} (${input.matrix.rows} × ${input.matrix.cols}) in ${seconds(started)} s; ` +
      `wrote ${Object.keys(columns).join(', ')} to ${out}\n`,
  );
}

/** Runs one method with progress lines labelled by its name; resolves to its result (n×2 layout, outlines if any). */
async function runMethod(method: MethodInfo, input: EmbeddingInput, seed: number, ctx: CliContext): Promise<ProjectionResult> {
  const progress = createProgress(ctx.stderr, method.name);
  try {
    const options = {
      method: method.name,
      seed,
      onProgress: progress.onProgress,
      ...(input.clusterIds ? { clusters: input.clusterIds } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    } as ProjectOptions;
    return await project(input.matrix, options);
  } finally {
    progress.stop();
  }
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
