import { describe, expect, test } from 'vitest';
import { dataToScreen, fitView, panView, screenToData, viewUniforms, zoomView } from '../src/view/view-state.js';

const size = { width: 200, height: 100 };

describe('view-state', () => {
  test('fitView(halfWidth, halfHeight, size, padding) fits the limiting axis inside the padding', () => {
    expect(fitView(10, 1, size, 10).pixelsPerUnit).toBeCloseTo(9); // (200-20)/20
    expect(fitView(1, 10, size, 10).pixelsPerUnit).toBeCloseTo(4); // (100-20)/20
    expect(fitView(0, 0, size, 10).pixelsPerUnit).toBe(1); // one point
  });

  test('dataToScreen and screenToData are inverse and y points up', () => {
    const v = { centerX: 3, centerY: -2, pixelsPerUnit: 7 };
    const [sx, sy] = dataToScreen(v, 4, -1, size);
    expect([sx, sy]).toEqual([107, 43]);
    const [x, y] = screenToData(v, sx, sy, size);
    expect(x).toBeCloseTo(4);
    expect(y).toBeCloseTo(-1);
  });

  test('zoomView(view, factor, sx, sy) keeps the data under the cursor fixed and clamps the scale', () => {
    const v = { centerX: 0, centerY: 0, pixelsPerUnit: 10 };
    const z = zoomView(v, 2, 150, 20, size, 10);
    expect(z.pixelsPerUnit).toBe(20);
    const before = screenToData(v, 150, 20, size);
    const after = screenToData(z, 150, 20, size);
    expect(after[0]).toBeCloseTo(before[0]);
    expect(after[1]).toBeCloseTo(before[1]);
    expect(zoomView(v, 1e12, 0, 0, size, 10).pixelsPerUnit).toBe(10 * 1e9);
  });

  test('panView(view, dx, dy) moves content with the pointer', () => {
    const v = { centerX: 0, centerY: 0, pixelsPerUnit: 10 };
    const p = panView(v, 20, -10);
    expect(dataToScreen(p, 0, 0, size)).toEqual([120, 40]);
  });

  test('viewUniforms maps the view to clip space: centre → 0, right edge → 1', () => {
    const v = { centerX: 1, centerY: 0, pixelsPerUnit: 10 };
    const { offset, scale } = viewUniforms(v, size);
    expect((1 - offset[0]) * scale[0]).toBe(0);
    expect((11 - offset[0]) * scale[0]).toBe(1);
  });
});
