/** Pixels read back from the drawing buffer: RGBA bytes, rows from the top. */
export interface PixelImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/**
 * Reads the default framebuffer's drawing buffer as RGBA bytes, rows from the top (WebGL's rows are from
 * the bottom). Call in the same task as the draw (`renderer.renderNow()` first): without
 * `preserveDrawingBuffer` the buffer is cleared once the browser composites it. O(width × height); new arrays.
 */
export function readDrawingBuffer(gl: WebGLRenderingContext | WebGL2RenderingContext): PixelImage {
  const width = gl.drawingBufferWidth;
  const height = gl.drawingBufferHeight;
  const raw = new Uint8Array(width * height * 4);
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, raw);
  const data = new Uint8Array(raw.length);
  const row = width * 4;
  for (let y = 0; y < height; y++) data.set(raw.subarray((height - 1 - y) * row, (height - y) * row), y * row);
  return { width, height, data };
}

/**
 * Encodes `canvas` as PNG. `toBlob` snapshots the canvas synchronously, so call it in the task that drew
 * (the picture may change right after). Rejects when the canvas is empty (0 × 0).
 */
export function canvasToPNG(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toPNG(): the canvas is empty'))), 'image/png'),
  );
}
