/**
 * Parses the colour strings d3 produces (`#rgb`, `#rrggbb`, `rgb(r, g, b)`) into packed `0xRRGGBB`.
 * Returns -1 for anything else (callers turn that into a typed error). O(length), pure.
 */
export function parseRgb(color: string): number {
  const s = color.trim();
  let m = /^#([0-9a-f]{6})$/i.exec(s);
  if (m) return parseInt(m[1]!, 16);
  m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(s);
  if (m) return parseInt(m[1]! + m[1]! + m[2]! + m[2]! + m[3]! + m[3]!, 16);
  m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*[\d.]+\s*)?\)$/i.exec(s);
  if (m) {
    const c = (v: string) => Math.max(0, Math.min(255, Math.round(Number(v))));
    return (c(m[1]!) << 16) | (c(m[2]!) << 8) | c(m[3]!);
  }
  return -1;
}

/** Packed `0xRRGGBB` → `#rrggbb`. */
export function toHex(rgb: number): string {
  return '#' + (rgb & 0xffffff).toString(16).padStart(6, '0');
}
