#!/usr/bin/env node
// The README's first command: build the packages, generate the bundled default dataset (seeded,
// once, into .cache/), and serve the gallery on localhost, printing its URL.
//
//   node scripts/demo.mjs [--port 5173] [--preambles 250] [--seed 1871]
//
// `startGallery()` is also used by the gallery's screenshot test.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Builds the workspace packages (`tsc -b`, incremental). */
export function build() {
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-b'], { cwd: root, stdio: 'inherit' });
}

/**
 * Writes the default dataset's two files (embeddings.parquet, clusters.tsv) under `publicDir/data`
 * unless they are there already. Returns the public dir.
 */
export function ensureData({ preambles = 250, seed = 1871, publicDir } = {}) {
  const dir = publicDir ?? `${root}.cache/gallery-${preambles}-${seed}`;
  const data = `${dir}/data`;
  if (!existsSync(`${data}/embeddings.parquet`) || !existsSync(`${data}/clusters.tsv`)) {
    mkdirSync(data, { recursive: true });
    execFileSync(
      process.execPath,
      [`${root}packages/cli/bin/clamp-viz.js`, 'generate', '--out-dir', data, '--preambles', String(preambles), '--seed', String(seed)],
      { cwd: root, stdio: 'inherit' },
    );
  }
  return dir;
}

/** Starts the gallery's Vite dev server; resolves to `{url, close}`. */
export async function startGallery({ port = 5173, preambles = 250, seed = 1871, strictPort = false, quiet = false } = {}) {
  const publicDir = ensureData({ preambles, seed });
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: `${root}examples/gallery/vite.config.ts`,
    publicDir,
    server: { port, strictPort, host: '127.0.0.1' },
    logLevel: quiet ? 'error' : 'info',
    clearScreen: false,
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  return { url, close: () => server.close() };
}

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  build();
  const { url } = await startGallery({ port: arg('port', 5173), preambles: arg('preambles', 250), seed: arg('seed', 1871) });
  console.log(`\n  clamp-viz gallery: ${url}\n  (Ctrl+C to stop)\n`);
}
