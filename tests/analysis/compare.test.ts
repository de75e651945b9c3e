import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/analysis/batch.ts';
import { compare, investment } from '../../src/analysis/compare.ts';
import { total } from '../../src/analysis/summary.ts';
import { small, with_ } from '../helpers.ts';

describe('comparing plans with a baseline', () => {
  const base = small(5_000, 18);
  const B = runReplications(base, 'cmp', 5);

  it('finds exactly no difference between a plan and itself', () => {
    const c = compare(B, runReplications(structuredClone(base), 'cmp', 5));
    for (const row of c.rows) {
      expect(row.delta.mean).toBe(0);
      expect(row.delta.half).toBe(0);
    }
    expect(Number.isNaN(c.roi.mean)).toBe(true);
  });

  it('charges a lever’s cost and reports its ROI and cost per retained customer', () => {
    const plan = with_(base, (s) => {
      s.levers.careGestures.perYear = 6;
      s.levers.community.levelPct = 60;
    });
    const P = runReplications(plan, 'cmp', 5);
    const c = compare(B, P);
    const spend = c.rows.find((r) => r.kpi.id === 'leverSpend')!;
    expect(spend.delta.lo).toBeGreaterThan(0);
    const profit = c.rows.find((r) => r.kpi.id === 'profit')!;
    // ROI per replication is Δprofit / Δspend; its mean matches the ratio of the paired means closely.
    const expected = P.map(
      (r, k) => (total(r, 'profit') - total(B[k], 'profit')) / (investment(r) - investment(B[k])),
    );
    expect(c.roi.mean).toBeCloseTo(expected.reduce((a, b) => a + b, 0) / expected.length, 10);
    expect(Math.sign(c.roi.mean)).toBe(Math.sign(profit.delta.mean));
    expect(c.costPerRetained.n).toBeGreaterThan(0);
  });

  it('refuses to pair replications that do not share seeds', () => {
    expect(() => compare(B, runReplications(base, 'other-seed', 5))).toThrowError(
      /does not share the baseline's seed/,
    );
  });
});
