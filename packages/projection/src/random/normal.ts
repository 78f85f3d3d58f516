import type { Rng } from '../types.js';

/**
 * One standard normal draw N(0, 1) from a uniform `rng`, by the Box–Muller transform
 * (one of the pair is used; two uniforms per draw). Deterministic given the rng state.
 */
export function normal(rng: Rng): number {
  let u = rng();
  while (u === 0) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}
