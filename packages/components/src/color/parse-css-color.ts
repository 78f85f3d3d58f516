const cache = new Map<string, readonly [number, number, number, number] | null>();
let probe: CanvasRenderingContext2D | null = null;

/**
 * Any CSS colour (`'white'`, `'#0008'`, `'rgb(…)'`, `'transparent'`…) as RGBA in [0, 1], or null
 * when the browser does not accept it. Uses a 1×1 2-D canvas created on first use; results are
 * cached per string. Browser only.
 */
export function parseCssColor(value: string): readonly [number, number, number, number] | null {
  const hit = cache.get(value);
  if (hit !== undefined) return hit;
  probe ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!probe) return null;
  // An invalid colour leaves fillStyle unchanged, so try from two different starting values.
  probe.fillStyle = '#000000';
  probe.fillStyle = value;
  const a = probe.fillStyle;
  probe.fillStyle = '#ffffff';
  probe.fillStyle = value;
  let result: readonly [number, number, number, number] | null = null;
  if (a === probe.fillStyle) {
    probe.clearRect(0, 0, 1, 1);
    probe.fillRect(0, 0, 1, 1);
    const d = probe.getImageData(0, 0, 1, 1).data;
    result = [d[0]! / 255, d[1]! / 255, d[2]! / 255, d[3]! / 255];
  }
  if (cache.size > 64) cache.clear();
  cache.set(value, result);
  return result;
}
