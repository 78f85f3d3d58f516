import { expect, test } from 'vitest';

test('@clamp-viz/components exports exactly these names and importing it defines no element', async () => {
  const mod = await import('../src/index.js');
  expect(Object.keys(mod).sort()).toEqual([
    'AUTO_OUTLINES_WORKER_THRESHOLD',
    'CATEGORICAL_PALETTE_SIZE',
    'ClusterScatter',
    'ClusterScatterInputError',
    'DEFAULT_INTERACTIVE_POINTS',
    'DEFAULT_MAX_TOKEN_LENGTH',
    'DEFAULT_PREAMBLE_COLUMN',
    'DEFAULT_TOKEN_COLUMN',
    'HOVER_ANNOUNCE_MS',
    'MAX_CLOUD_LABELS',
    'RendererError',
    'Slot',
    'TOL_RAINBOW_MAX',
    'TokenCloud',
    'TokenCloudInputError',
    'WORKER_INDEX_THRESHOLD',
    'autoOutlines',
    'autoOutlinesAsync',
    'buildGridIndex',
    'buildGridIndexAsync',
    'categoricalColor',
    'combineSelection',
    'continuousSchemeNames',
    'createRenderer',
    'createScatterLayer',
    'createSelectionModel',
    'createTextLayer',
    'defaultCloudTooltip',
    'defaultTooltip',
    'displayToken',
    'generateCategoricalPalette',
    'nearestPoint',
    'oklabDistance',
    'placeLabels',
    'pointColors',
    'pointsInPolygon',
    'pointsInRect',
    'positionResiduals',
    'resolveColorScheme',
    'resolvePointData',
    'resolveTokenData',
    'rgbToOklab',
    'tolRainbowDiscrete',
  ]);
  expect(customElements.get('cluster-scatter')).toBeUndefined();
  expect(customElements.get('token-cloud')).toBeUndefined();
  await import('../src/define.js');
  expect(customElements.get('cluster-scatter')).toBe(mod.ClusterScatter);
  expect(customElements.get('token-cloud')).toBe(mod.TokenCloud);
});
