import { expect, test } from 'vitest';

test('@clamp-viz/components exports exactly these names and importing it defines no element', async () => {
  const mod = await import('../src/index.js');
  expect(Object.keys(mod).sort()).toEqual([
    'AUTO_OUTLINES_WORKER_THRESHOLD',
    'CATEGORICAL_PALETTE_SIZE',
    'ClusterScatter',
    'ClusterScatterInputError',
    'DEFAULT_INTERACTIVE_POINTS',
    'HOVER_ANNOUNCE_MS',
    'RendererError',
    'TOL_RAINBOW_MAX',
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
    'defaultTooltip',
    'generateCategoricalPalette',
    'nearestPoint',
    'oklabDistance',
    'pointColors',
    'pointsInPolygon',
    'pointsInRect',
    'positionResiduals',
    'resolveColorScheme',
    'resolvePointData',
    'rgbToOklab',
    'tolRainbowDiscrete',
  ]);
  expect(customElements.get('cluster-scatter')).toBeUndefined();
  await import('../src/define.js');
  expect(customElements.get('cluster-scatter')).toBe(mod.ClusterScatter);
});
