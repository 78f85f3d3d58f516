export { main, VERSION } from './main.js';
export type { CliContext } from './cli-context.js';
export { UsageError, exitCodeFor, errorLine, EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_ABORTED } from './errors.js';
export { createProgress } from './progress.js';
export type { ProgressReporter, TextSink } from './progress.js';
