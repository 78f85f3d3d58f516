import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `main(argv)` in-process in `cwd`, capturing stdout and stderr (stderr claims to be a TTY when `tty`). */
export async function runCli(argv: string[], cwd: string, tty = false): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: tty },
    cwd,
  });
  return { code, stdout, stderr };
}

/** A fresh temporary directory and its cleanup. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'clamp-viz-cli-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
