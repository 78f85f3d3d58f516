import { InvalidArgumentError } from 'commander';

/** A commander argument parser accepting integers in [min, max]; commander reports a failure as a usage error. */
export function integerIn(min: number, max: number): (value: string) => number {
  return (value: string) => {
    const n = /^[+-]?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`must be an integer in [${min}, ${max}].`);
    }
    return n;
  };
}
