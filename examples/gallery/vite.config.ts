import { defineConfig } from 'vite';
import { aliases } from '../../scripts/aliases.js';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  resolve: { alias: aliases },
  optimizeDeps: { exclude: ['parquet-wasm'] },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
});
