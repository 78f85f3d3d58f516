import { Command, CommanderError } from 'commander';
import type { CliContext } from './cli-context.js';
import { addEvaluateCommand } from './commands/evaluate-command.js';
import { addGenerateCommand } from './commands/generate-command.js';
import { addMethodsCommand } from './commands/methods-command.js';
import { addProjectCommand } from './commands/project-command.js';
import { errorLine, EXIT_OK, EXIT_USAGE, exitCodeFor } from './errors.js';

export const VERSION = '0.1.0';

/**
 * Runs the `clamp-viz` command line on `argv` (the user's arguments, without `node` and the script) and
 * resolves to the exit code; it never calls `process.exit`, so tests run it in-process.
 *
 * Exit codes: 0 success or `--help`; 2 usage errors (unknown command, option or method, missing value,
 * unsupported extension); 1 data errors (`DataError`, `ProjectionInputError`, unreadable files), reported as
 * one `clamp-viz: error: ...` line on stderr without a stack trace unless `--debug` is given; 130 cancelled.
 *
 * ```sh
 * clamp-viz project --embeddings emb.parquet --clusters clusters.tsv --method pca --output xy.parquet
 * clamp-viz project --method pca --output xy.csv          # the default dataset
 * clamp-viz project --method all --output all.parquet     # every method, one file
 * clamp-viz evaluate --projection all.parquet --sample 5000   # quality metrics, one JSON line per method
 * clamp-viz generate --out-dir data --preambles 500
 * clamp-viz methods
 * ```
 */
export async function main(argv: readonly string[], context: Partial<CliContext> = {}): Promise<number> {
  const ctx: CliContext = {
    stdout: context.stdout ?? process.stdout,
    stderr: context.stderr ?? process.stderr,
    cwd: context.cwd ?? process.cwd(),
    ...(context.signal ? { signal: context.signal } : {}),
  };
  const debug = argv.includes('--debug');
  const program = new Command('clamp-viz')
    .description('Project clustered embeddings (the clustering-visualisations notebook) to 2-D and write the coordinates.')
    .version(VERSION)
    .option('--debug', 'print stack traces of errors')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void ctx.stdout.write(s),
      writeErr: (s) => void ctx.stderr.write(s),
      outputError: (s, write) => write(`clamp-viz: ${s}`),
    });
  addProjectCommand(program, ctx);
  addEvaluateCommand(program, ctx);
  addGenerateCommand(program, ctx);
  addMethodsCommand(program, ctx);

  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    ctx.stderr.write(errorLine(error) + '\n');
    if (debug && error instanceof Error && error.stack) {
      ctx.stderr.write(error.stack + '\n');
      if (error.cause instanceof Error && error.cause.stack) ctx.stderr.write(`caused by: ${error.cause.stack}\n`);
    }
    return exitCodeFor(error);
  }
}
