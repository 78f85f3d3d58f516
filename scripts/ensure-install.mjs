#!/usr/bin/env node
// Installs the workspace's dependencies with the pinned pnpm when they are missing or older than
// the lockfile, so that `npm run demo` and `npm test` work on a fresh clone with only Node and npm.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PNPM = '12.4.2';
const root = fileURLToPath(new URL('..', import.meta.url));
const marker = `${root}node_modules/.modules.yaml`;
const lock = `${root}pnpm-lock.yaml`;

const fresh = existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
if (!fresh) {
  let pnpm = `npx -y pnpm@${PNPM}`;
  try {
    if (execSync('pnpm --version', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() === PNPM) pnpm = 'pnpm';
  } catch {
    // no global pnpm: npx fetches the pinned one
  }
  console.error(`clamp-viz: installing dependencies with pnpm ${PNPM}...`);
  execSync(`${pnpm} install --frozen-lockfile`, { cwd: root, stdio: 'inherit', env: { ...process.env, CI: process.env.CI ?? 'true' } });
}
