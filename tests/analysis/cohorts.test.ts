import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/analysis/batch.ts';
import { clvQuantiles, cohortRetention, ladder } from '../../src/analysis/cohorts.ts';
import { metric, small } from '../helpers.ts';

describe('cohort curves, ladder and CLV distribution', () => {
  const R = runReplications(small(5_000, 18), 'cohorts', 3);

  it('starts cohort retention at 100 % and never rises above it', () => {
    const c = cohortRetention(R, 6);
    expect(c[0].mean).toBe(1);
    for (const p of c) expect(p.mean).toBeLessThanOrEqual(1);
    expect(c[c.length - 1].mean).toBeLessThan(0.9);
    expect(c.length).toBe(18 - 6 + 1);
  });

  it('puts on the ladder exactly the active and lapsed customers of each month', () => {
    const rows = ladder(R);
    for (const t of [0, 9, 17]) {
      const sum = rows.filter((r) => r.month === t + 1).reduce((a, r) => a + r.people, 0);
      const expected = R.reduce((a, r) => a + metric(r, 'active')[t] + metric(r, 'lapsed')[t], 0) / R.length;
      expect(sum).toBeCloseTo(expected, 8);
    }
  });

  it('orders CLV quantiles', () => {
    const q = clvQuantiles(R);
    for (let k = 1; k < q.length; k++) expect(q[k].clv).toBeGreaterThanOrEqual(q[k - 1].clv);
  });
});
