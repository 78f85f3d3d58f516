/** The parameters of UMAP's low-dimensional kernel q(d) = 1 / (1 + a·d^{2b}). */
export interface AbParams {
  readonly a: number;
  readonly b: number;
}

const cache = new Map<string, AbParams>();

/**
 * Fits `a`, `b` of the curve 1 / (1 + a·x^{2b}) to the target y(x) = 1 for x < minDist, exp(−(x − minDist)/spread)
 * otherwise, on 300 points x = linspace(0, 3·spread), by least squares (umap-learn `find_ab_params`, which calls
 * SciPy `curve_fit`, Levenberg–Marquardt from (1, 1); methods.md §4.2 step 7). Our own damped Gauss–Newton (LM)
 * in float64 converges to the same minimum: (0.1, 1) → (1.5769, 0.8951).
 * O(300·iterations); results are cached per (minDist, spread). Caller checks 0 ≤ minDist ≤ spread, spread > 0.
 */
export function findAbParams(spread: number, minDist: number): AbParams {
  const key = `${spread}:${minDist}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const m = 300;
  const xs = new Float64Array(m);
  const ys = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const x = (3 * spread * i) / (m - 1);
    xs[i] = x;
    ys[i] = x < minDist ? 1 : Math.exp(-(x - minDist) / spread);
  }
  let a = 1;
  let b = 1;
  let cost = residual(xs, ys, a, b);
  let lambda = 1e-3;
  for (let iter = 0; iter < 500; iter++) {
    // Normal equations JᵀJ·δ = −Jᵀr for r = f − y, with f = 1/(1 + a·x^{2b}).
    let jaa = 0, jab = 0, jbb = 0, ga = 0, gb = 0;
    for (let i = 0; i < m; i++) {
      const x = xs[i]!;
      if (x <= 0) {
        // f = 1 and both derivatives vanish at x = 0.
        continue;
      }
      const p = Math.pow(x, 2 * b);
      const den = 1 + a * p;
      const f = 1 / den;
      const r = f - ys[i]!;
      const da = -p / (den * den);
      const db = (-a * p * 2 * Math.log(x)) / (den * den);
      jaa += da * da;
      jab += da * db;
      jbb += db * db;
      ga += da * r;
      gb += db * r;
    }
    let improved = false;
    for (let tries = 0; tries < 30; tries++) {
      const A11 = jaa * (1 + lambda);
      const A22 = jbb * (1 + lambda);
      const det = A11 * A22 - jab * jab;
      if (!(Math.abs(det) > 0)) {
        lambda *= 10;
        continue;
      }
      const stepA = (-ga * A22 + gb * jab) / det;
      const stepB = (-gb * A11 + ga * jab) / det;
      const na = a + stepA;
      const nb = b + stepB;
      const c = na > 0 && nb > 0 ? residual(xs, ys, na, nb) : Infinity;
      if (c < cost) {
        const rel = (cost - c) / Math.max(cost, 1e-300);
        a = na;
        b = nb;
        cost = c;
        lambda = Math.max(lambda / 10, 1e-12);
        improved = rel > 1e-15 || Math.abs(stepA) > 1e-12 * a || Math.abs(stepB) > 1e-12 * b;
        break;
      }
      lambda *= 10;
    }
    if (!improved) break;
  }
  const result = { a, b };
  cache.set(key, result);
  return result;
}

function residual(xs: Float64Array, ys: Float64Array, a: number, b: number): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const f = x <= 0 ? 1 : 1 / (1 + a * Math.pow(x, 2 * b));
    const r = f - ys[i]!;
    s += r * r;
  }
  return s;
}
