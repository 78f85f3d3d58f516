#!/usr/bin/env node
// Prints the plain closing line `N passed, N failed, N skipped` from vitest's JSON report
// (written by `npm test` to .cache/vitest-results.json), so CI logs end with one clear count.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../.cache/vitest-results.json', import.meta.url));
const r = JSON.parse(readFileSync(file, 'utf8'));
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + (r.numTodoTests ?? 0)} skipped`);
process.exit(r.numFailedTests > 0 || r.numTotalTests === 0 ? 1 : 0);
