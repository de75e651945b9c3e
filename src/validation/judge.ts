/** Verdicts from intervals: met on the point estimate, clear when the whole interval agrees. */
import { type Interval, pairedDifference } from '../analysis/stats.ts';
import type { Verdict } from './types.ts';

export function within(iv: Interval, lo: number, hi: number): Verdict {
  const met = iv.mean >= lo && iv.mean <= hi;
  const clear = met ? iv.lo >= lo && iv.hi <= hi : iv.hi < lo || iv.lo > hi;
  return { met: Number.isFinite(iv.mean) && met, clear: Number.isFinite(iv.half) && clear };
}

export const atMost = (iv: Interval, x: number): Verdict => within(iv, Number.NEGATIVE_INFINITY, x);
export const atLeast = (iv: Interval, x: number): Verdict => within(iv, x, Number.POSITIVE_INFINITY);

/** Every part must be met; a failure is clear when one failing part is clear. */
export function all(...parts: Verdict[]): Verdict {
  const met = parts.every((p) => p.met);
  const clear = met ? parts.every((p) => p.clear) : parts.some((p) => !p.met && p.clear);
  return { met, clear };
}

/** Column j of a replications × figures matrix. */
export const column = (samples: number[][], j: number): number[] => samples.map((row) => row[j]);

/** Paired (same replication) difference of columns a and b: b − a. */
export const columnDifference = (samples: number[][], a: number, b: number): Interval =>
  pairedDifference(column(samples, a), column(samples, b));
