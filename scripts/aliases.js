// Resolve the workspace packages to their TypeScript sources, so vitest, Storybook and the
// gallery need no build step (the published packages resolve to dist/ through `exports`).
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** @type {{find: RegExp, replacement: string}[]} */
export const aliases = [
  { find: /^@clamp-viz\/projection\/worker$/, replacement: `${root}packages/projection/src/worker.ts` },
  { find: /^@clamp-viz\/components\/cluster-scatter\.js$/, replacement: `${root}packages/components/src/cluster-scatter/cluster-scatter.ts` },
  { find: /^@clamp-viz\/components\/token-cloud\.js$/, replacement: `${root}packages/components/src/token-cloud/token-cloud.ts` },
  { find: /^@clamp-viz\/(projection|io|components)$/, replacement: `${root}packages/$1/src/index.ts` },
];
