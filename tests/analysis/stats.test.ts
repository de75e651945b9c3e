import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  interval,
  orderStatistic,
  pairedDifference,
  quantileOfSortedRuns,
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

describe('quantiles of several sorted runs without merging them', () => {
  it('equal the quantiles of the merged, sorted data, ties and duplicates included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.oneof(
              fc.integer({ min: -5, max: 5 }),
              // no −0: it and +0 are both right answers, but toBe tells them apart
              fc
                .double({ min: -1e6, max: 1e6, noNaN: true })
                .map((x) => x + 0),
            ),
            { maxLength: 40 },
          ),
          { minLength: 1, maxLength: 8 },
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (arrays, q) => {
          const runs = arrays.map((a) => Float64Array.from(a).sort());
          const all = Float64Array.from(arrays.flat()).sort();
          if (all.length === 0) {
            expect(quantileOfSortedRuns(runs, q)).toBeNaN();
            return;
          }
          for (let k = 0; k < all.length; k += Math.max(1, all.length >> 3))
            expect(orderStatistic(runs, k)).toBe(all[k]);
          expect(quantileOfSortedRuns(runs, q)).toBe(quantileSorted(all, q));
        },
      ),
      { seed: 11, numRuns: 400 },
    );
  });
});
