import { describe, expect, it } from 'vitest';
import {
  interval,
  pairedDifference,
  quantileSorted,
  tQuantile975,
  unpairedDifference,
} from '../../src/analysis/stats.ts';

describe('statistics', () => {
  it('computes the t-interval of a mean', () => {
    const iv = interval([1, 2, 3, 4, 5]);
    expect(iv.mean).toBe(3);
    expect(iv.half).toBeCloseTo((2.776 * Math.sqrt(2.5)) / Math.sqrt(5), 6);
  });
  it('skips NaN replications', () => {
    expect(interval([1, Number.NaN, 3]).n).toBe(2);
  });
  it('gives a narrower paired than unpaired interval when samples move together', () => {
    const a = [10, 20, 30, 40];
    const b = [11, 21.2, 30.9, 41.1];
    expect(pairedDifference(a, b).half).toBeLessThan(unpairedDifference(a, b).half / 10);
  });
  it('approaches the normal quantile for many degrees of freedom', () => {
    expect(tQuantile975(1000)).toBeCloseTo(1.962, 2);
    expect(tQuantile975(10)).toBe(2.228);
  });
  it('interpolates quantiles', () => {
    expect(quantileSorted([0, 10], 0.25)).toBe(2.5);
  });
});
