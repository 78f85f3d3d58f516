/**
 * Test helper: loses the WebGL context `gl` (WEBGL_lose_context), waits for `webglcontextlost`, lets `lostMs`
 * pass (so code that reacts to the loss runs), restores it and waits for `webglcontextrestored` plus one task
 * (listeners that re-create resources run first). Resolves after the restore; the caller then awaits its
 * element's `renderComplete`.
 */
export async function loseAndRestoreContext(gl: WebGLRenderingContext | WebGL2RenderingContext, lostMs = 20): Promise<void> {
  const canvas = gl.canvas as HTMLCanvasElement;
  const ext = gl.getExtension('WEBGL_lose_context');
  if (!ext) throw new Error('loseAndRestoreContext: WEBGL_lose_context is not available');
  const lost = new Promise((r) => canvas.addEventListener('webglcontextlost', r, { once: true }));
  ext.loseContext();
  await lost;
  await new Promise((r) => setTimeout(r, lostMs));
  const restored = new Promise((r) => canvas.addEventListener('webglcontextrestored', r, { once: true }));
  ext.restoreContext();
  await restored;
  await new Promise((r) => setTimeout(r, 0));
}
