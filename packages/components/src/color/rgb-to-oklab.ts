/**
 * 8-bit sRGB (packed `0xRRGGBB`) → OKLab `[L, a, b]`, the inverse of {@link oklchToRgb}'s conversion.
 *
 * Follows B. Ottosson, "A perceptual color space for image processing" (2020): sRGB transfer
 * function decoded (IEC 61966-2-1), linear sRGB → LMS, cube root, LMS' → Lab. O(1), pure.
 * Euclidean distance in OKLab is the ΔE used to judge palettes (about 0.02 is a just-noticeable step).
 */
export function rgbToOklab(rgb: number): [number, number, number] {
  const r = decode((rgb >> 16) & 255);
  const g = decode((rgb >> 8) & 255);
  const b = decode(rgb & 255);
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

/** OKLab distance ΔE between two packed sRGB colours. */
export function oklabDistance(p: number, q: number): number {
  const [l1, a1, b1] = rgbToOklab(p);
  const [l2, a2, b2] = rgbToOklab(q);
  return Math.sqrt((l1 - l2) ** 2 + (a1 - a2) ** 2 + (b1 - b2) ** 2);
}

function decode(channel: number): number {
  const v = channel / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}
