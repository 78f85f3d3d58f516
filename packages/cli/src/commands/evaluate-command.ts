import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { NOTEBOOK_DATASET_DEFAULTS } from '@clamp-viz/io';
import { evaluateProjection, exactKnn, listMethods } from '@clamp-viz/projection';
import { Option, type Command } from 'commander';
import { alignRows } from '../align-rows.js';
import type { CliContext } from '../cli-context.js';
import { UsageError } from '../errors.js';
import { extensionOf } from '../file-formats.js';
import { checkInputOptions, loadInput, type InputOptions } from '../load-input.js';
import { columnSuffix } from '../method-selection.js';
import { integerIn } from '../option-parsers.js';
import { readProjectionFile } from '../read-projection.js';
import { sampleRows } from '../sample-rows.js';
import { MAX_CLI_PREAMBLES } from './generate-command.js';
import { SEED_RANGE } from './project-command.js';

interface EvaluateCliOptions extends InputOptions {
  projection: string;
  method?: string;
  k: number;
  sample?: number;
  seed: number;
}

const PROJECTION_EXTENSIONS = ['.parquet', '.arrow', '.feather', '.arrows', '.csv', '.npy'];
/** Above this many evaluated rows without --sample, say that the exact kNN is slow. */
const LARGE_EXACT = 20_000;

/**
 * `clamp-viz evaluate [--embeddings FILE [--clusters FILE]] --projection FILE [--method NAME] [--k 15]
 * [--sample N [--seed S]]`: scores the layouts of a file that `project` wrote against the embeddings and prints
 * one JSON object per method on stdout: `{method, rows, evaluated, k, trustworthiness, continuity, knnRecall,
 * labelAccuracy, silhouette}` (label scores are null without cluster ids; ids come from `--clusters`, the
 * default dataset, or else the file's `cluster_id` column). Rows are joined on (preamble, guess) when both
 * sides have keys, else by order, and scored in embedding row order. The exact high-D kNN (O(m²d) for m evaluated rows) is computed once and
 * shared by every method; `--sample m` scores a seeded subset of m rows for big data.
 */
export function addEvaluateCommand(program: Command, ctx: CliContext): void {
  program
    .command('evaluate')
    .description('print quality metrics (trustworthiness, continuity, kNN recall, label scores) of the x_/y_ layouts in a projection file, one JSON line per method')
    .option('--embeddings <file>', 'embeddings the projection was made from: .parquet, .arrow or .npy (default: the generated default dataset)')
    .option('--clusters <file>', 'clusters .tsv/.csv for the label scores (joined with --embeddings like `project` does)')
    .requiredOption('--projection <file>', 'file written by `clamp-viz project`: .parquet, .arrow, .csv or .npy')
    .option('--method <name>', 'evaluate only this method (needed for .npy, which has no column names)')
    .option('--k <n>', 'neighbourhood size of the kNN metrics', integerIn(1, 1000), 15)
    .option('--sample <n>', 'evaluate a seeded random subset of n rows (exact kNN is O(n²d))', integerIn(3, 10_000_000))
    .option('--seed <n>', 'seed of --sample and of the silhouette subset', SEED_RANGE, 42)
    .option('--preambles <n>', 'size of the default dataset when --embeddings is not given (rows = 40 × n)', integerIn(1, MAX_CLI_PREAMBLES), NOTEBOOK_DATASET_DEFAULTS.preambles)
    .option('--data-seed <n>', 'seed of the default dataset', SEED_RANGE, NOTEBOOK_DATASET_DEFAULTS.seed)
    .addOption(new Option('--unmatched <mode>', 'embedding/cluster rows without a partner').choices(['error', 'drop']).default('error'))
    .action(async (opts: EvaluateCliOptions) => runEvaluate(opts, ctx));
}

async function runEvaluate(opts: EvaluateCliOptions, ctx: CliContext): Promise<void> {
  const ext = extensionOf(opts.projection);
  if (!PROJECTION_EXTENSIONS.includes(ext)) {
    throw new UsageError(`--projection ${JSON.stringify(opts.projection)}: unsupported extension ${ext ? `'${ext}'` : '(none)'}; use .parquet, .arrow (.feather, .arrows), .csv or .npy`);
  }
  if (ext === '.npy' && opts.method === undefined) {
    throw new UsageError(`--projection ${JSON.stringify(opts.projection)}: an .npy file has no column names; give --method NAME`);
  }
  checkInputOptions(opts);
  const wanted = opts.method === undefined ? undefined : columnSuffix(opts.method.trim());
  const bytes = new Uint8Array(await readFile(resolve(ctx.cwd, opts.projection)));
  const proj = await readProjectionFile(bytes, opts.projection, wanted ?? '');
  const found = [...proj.layouts.keys()];
  if (wanted !== undefined && !proj.layouts.has(wanted)) {
    throw new UsageError(`--method ${opts.method}: ${opts.projection} has no x_${wanted}/y_${wanted} columns; it has: ${found.join(', ')}`);
  }
  const input = await loadInput(opts, ctx);
  const index = alignRows(
    { file: opts.projection, rows: proj.rows, ...(proj.preambles && proj.guesses ? { preambles: proj.preambles, guesses: proj.guesses } : {}) },
    { file: input.source, rows: input.matrix.rows, ...(input.preambles && input.guesses ? { preambles: input.preambles, guesses: input.guesses } : {}) },
  );

  // Evaluate in embedding row order, so the scores do not depend on the order of the projection file's rows.
  const order = Int32Array.from(index.keys()).sort((a, b) => index[a]! - index[b]!);
  const picked = sampleRows(proj.rows, opts.sample ?? proj.rows, opts.seed).map((s) => order[s]!);
  const m = picked.length;
  const d = input.matrix.cols;
  if (opts.sample === undefined && m > LARGE_EXACT) {
    ctx.stderr.write(`clamp-viz: note: the exact kNN of ${m} rows is O(n²d) and may take minutes; --sample 10000 scores a seeded subset\n`);
  }
  const X = new Float32Array(m * d);
  const labelsFrom = input.clusterIds ? { ids: input.clusterIds, byEmbeddingRow: true } : proj.clusterIds ? { ids: proj.clusterIds, byEmbeddingRow: false } : undefined;
  const labels = labelsFrom ? new Int32Array(m) : undefined;
  for (let s = 0; s < m; s++) {
    const row = index[picked[s]!]!;
    X.set(input.matrix.data.subarray(row * d, (row + 1) * d), s * d);
    if (labels && labelsFrom) labels[s] = labelsFrom.ids[labelsFrom.byEmbeddingRow ? row : picked[s]!]!;
  }
  const Xs = { data: X, rows: m, cols: d };
  if (!(opts.k < Math.ceil(m / 2))) {
    throw new UsageError(`--k ${opts.k}: must be below half the evaluated rows (${m}); lower --k or raise --sample`);
  }
  const started = performance.now();
  const neighbors = exactKnn(Xs, { k: opts.k });
  ctx.stderr.write(`clamp-viz: exact ${opts.k}-NN of ${m} × ${d} rows in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  const names = new Map(listMethods().map((info) => [columnSuffix(info.name), info.name]));
  for (const suffix of wanted === undefined ? found : [wanted]) {
    const layout = proj.layouts.get(suffix)!;
    const Y = new Float32Array(2 * m);
    for (let s = 0; s < m; s++) {
      Y[2 * s] = layout[2 * picked[s]!]!;
      Y[2 * s + 1] = layout[2 * picked[s]! + 1]!;
    }
    const scores = evaluateProjection(Xs, Y, { k: opts.k, neighbors, seed: opts.seed, ...(labels ? { labels } : {}) });
    const line = {
      method: names.get(suffix) ?? suffix,
      rows: proj.rows,
      evaluated: m,
      k: opts.k,
      trustworthiness: scores.trustworthiness,
      continuity: scores.continuity,
      knnRecall: scores.knnRecall,
      labelAccuracy: scores.labelAccuracy ?? null,
      silhouette: scores.silhouette ?? null,
    };
    ctx.stdout.write(JSON.stringify(line) + '\n');
  }
}
