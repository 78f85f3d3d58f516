import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { generateNotebookDataset, NOTEBOOK_DATASET_DEFAULTS, notebookDatasetFiles } from '@clamp-viz/io';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { integerIn } from '../option-parsers.js';

/** Upper bound of --preambles: 25,000 × 40 = 1M rows, the largest data the project targets. */
export const MAX_CLI_PREAMBLES = 25_000;

interface GenerateOptions {
  outDir: string;
  preambles: number;
  seed: number;
}

/**
 * `clamp-viz generate --out-dir DIR [--preambles N] [--seed S]`: writes the default dataset as the
 * notebook's two files, `DIR/embeddings.parquet` and `DIR/clusters.tsv` (creating DIR).
 */
export function addGenerateCommand(program: Command, ctx: CliContext): void {
  program
    .command('generate')
    .description('write the default synthetic dataset as embeddings.parquet + clusters.tsv')
    .requiredOption('--out-dir <dir>', 'directory to write into (created if missing)')
    .option('--preambles <n>', 'number of preambles (rows = 40 × n)', integerIn(1, MAX_CLI_PREAMBLES), NOTEBOOK_DATASET_DEFAULTS.preambles)
    .option('--seed <n>', 'seed of the generator', integerIn(-(2 ** 31), 2 ** 31 - 1), NOTEBOOK_DATASET_DEFAULTS.seed)
    .action(async (opts: GenerateOptions) => {
      const dir = resolve(ctx.cwd, opts.outDir);
      const ds = generateNotebookDataset({ preambles: opts.preambles, seed: opts.seed });
      const files = await notebookDatasetFiles(ds);
      await mkdir(dir, { recursive: true });
      const parquet = resolve(dir, 'embeddings.parquet');
      const tsv = resolve(dir, 'clusters.tsv');
      await writeFile(parquet, files.parquet);
      await writeFile(tsv, files.tsv, 'utf8');
      ctx.stderr.write(`clamp-viz: wrote ${ds.matrix.rows} rows × ${ds.matrix.cols} dims to ${parquet} and ${tsv}\n`);
    });
}
