import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { aliases } from '../../scripts/aliases.js';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: { alias: aliases },
  logLevel: 'warn',
  // A benchmark page must not reload when sources change during a run.
  server: { hmr: false, watch: null },
});
