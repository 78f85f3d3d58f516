#!/usr/bin/env node
// The `clamp-viz` command. Sources: ../src (build with `tsc -b` at the repo root).
import { main } from '../dist/main.js';

const controller = new AbortController();
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});
process.exitCode = await main(process.argv.slice(2), { signal: controller.signal });
