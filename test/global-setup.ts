// Vitest global setup of the `node` project: builds the workspace once (`tsc -b`, incremental)
// before any test file runs, so tests that need built output (the CLI bin, Node worker_threads
// workers on dist/, the gallery's data generation) never run the build concurrently.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-b'], { cwd: root, stdio: 'inherit' });
}
