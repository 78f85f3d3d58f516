import type { TextSink } from './progress.js';

/** Where a CLI run reads and writes: the process's streams and directory, or test doubles. */
export interface CliContext {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Relative paths resolve against this directory. */
  readonly cwd: string;
  /** Cancels a running projection (the bin wires it to SIGINT). */
  readonly signal?: AbortSignal;
}
