import type { StorybookConfig } from '@storybook/web-components-vite';
import { aliases } from '../../scripts/aliases.js';

const config: StorybookConfig = {
  stories: ['../*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  addons: ['@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  async viteFinal(cfg) {
    cfg.resolve ??= {};
    cfg.resolve.alias = [...(Array.isArray(cfg.resolve.alias) ? cfg.resolve.alias : []), ...aliases];
    cfg.optimizeDeps ??= {};
    cfg.optimizeDeps.exclude = [...(cfg.optimizeDeps.exclude ?? []), 'parquet-wasm'];
    return cfg;
  },
};
export default config;
