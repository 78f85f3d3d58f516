import { listMethods } from '@clamp-viz/projection';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';

/**
 * `clamp-viz methods [--json]`: lists the projection registry (`listMethods()`), so methods added to
 * @clamp-viz/projection appear here and in `project --method` without changes to the CLI.
 */
export function addMethodsCommand(program: Command, ctx: CliContext): void {
  program
    .command('methods')
    .description('list the projection methods --method accepts')
    .option('--json', 'print one JSON array instead of a table')
    .action((opts: { json?: boolean }) => {
      const methods = listMethods();
      if (opts.json) {
        ctx.stdout.write(JSON.stringify(methods) + '\n');
        return;
      }
      const width = Math.max(...methods.map((m) => m.name.length));
      for (const m of methods) {
        const flags = [m.needsClusters ? 'needs --clusters' : '', m.iterative ? 'iterative' : ''].filter(Boolean).join(', ');
        ctx.stdout.write(`${m.name.padEnd(width)}  ${m.description}${flags ? ` (${flags})` : ''}\n`);
      }
    });
}
