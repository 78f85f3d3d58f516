import { test, expect } from 'vitest';
test('webgl works', () => {
  const c = document.createElement('canvas');
  const gl = c.getContext('webgl2');
  expect(gl).not.toBeNull();
  expect(String(gl!.getParameter(gl!.VERSION))).toContain('WebGL 2');
});
