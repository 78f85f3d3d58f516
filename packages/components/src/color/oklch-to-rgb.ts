/**
 * OKLCH → 8-bit sRGB, reducing chroma (hue and lightness kept) until the colour is in gamut.
 *
 * Follows B. Ottosson, "A perceptual color space for image processing" (2020), OKLab → linear
 * sRGB matrices, then the sRGB transfer function (IEC 61966-2-1). `l` in [0, 1], `c` ≥ 0 (about
 * 0–0.37), `h` in degrees. Returns packed `0xRRGGBB`. O(1) (≤ 20 bisection steps); pure.
 */
export function oklchToRgb(l: number, c: number, h: number): number {
  const hr = (h * Math.PI) / 180;
  const cosH = Math.cos(hr);
  const sinH = Math.sin(hr);
  let rgb = oklabToLinear(l, c * cosH, c * sinH);
  if (!inGamut(rgb)) {
    let lo = 0;
    let hi = c;
    for (let i = 0; i < 20; i++) {
      const mid = (lo + hi) / 2;
      if (inGamut(oklabToLinear(l, mid * cosH, mid * sinH))) lo = mid;
      else hi = mid;
    }
    rgb = oklabToLinear(l, lo * cosH, lo * sinH);
  }
  return (encode(rgb[0]) << 16) | (encode(rgb[1]) << 8) | encode(rgb[2]);
}

function oklabToLinear(L: number, a: number, b: number): [number, number, number] {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
}

function inGamut(rgb: [number, number, number]): boolean {
  const e = 1e-6;
  return rgb[0] >= -e && rgb[0] <= 1 + e && rgb[1] >= -e && rgb[1] <= 1 + e && rgb[2] >= -e && rgb[2] <= 1 + e;
}

function encode(linear: number): number {
  const x = Math.min(1, Math.max(0, linear));
  const v = x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055;
  return Math.round(v * 255);
}
