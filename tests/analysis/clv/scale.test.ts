/**
 * What stopped the CDNOW master file (69,659 rows) and a million-row log: a repeater whose repeat
 * purchases were all worth 0 (CDNOW has 80 zero-dollar rows) made the Gamma-Gamma likelihood NaN
 * everywhere, and Nelder–Mead, never meeting its tolerance, ran 2 × 20,000 iterations over every
 * customer; and spreading a million days onto the call stack (Math.max(...days)) overflowed it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../../src/analysis/clv/bgnbd.ts';
import { fitGammaGamma } from '../../../src/analysis/clv/gammaGamma.ts';
import { nelderMead } from '../../../src/analysis/clv/optimize.ts';
import { fitTransactionLog } from '../../../src/analysis/clv/report.ts';
import { summariseLog } from '../../../src/analysis/clv/summary.ts';
import { syntheticTransactions } from '../../../src/analysis/clv/syntheticLog.ts';

const cdnow = readFileSync('scenarios/data/cdnow/cdnow_sample_elog.csv', 'utf8');
const opts = { annualDiscountRatePct: 10, marginPct: 30, clvWeeks: 52, calibrationEnd: '1997-09-30' };

describe('the causes of the stall, fixed', () => {
  it('a repeater whose only repeat purchase is worth 0 is left out of the spend model, not a stall', () => {
    // Customer 1729 of the sample bought once, on 1997-03-04; give them a free repeat purchase.
    const withZero = `${cdnow.trimEnd()}\n16882,1729,1997-05-01,1,0.00\n`;
    const base = fitTransactionLog(cdnow, opts);
    const zero = fitTransactionLog(withZero, opts);
    if (!base.ok || !zero.ok) throw new Error('fit failed');
    const g = zero.report.gg!;
    expect(g.converged).toBe(true);
    expect(g.iterations).toBeLessThan(2000);
    expect(g.zeroValue).toBe(1);
    expect(g.used).toBe(base.report.gg!.used);
    expect(g.params.p).toBeCloseTo(base.report.gg!.params.p, 6);
    // BG/NBD still counts the free purchase as a repeat transaction.
    expect(zero.report.bg.logLik).not.toBe(base.report.bg.logLik);
  });

  it('Nelder–Mead stops at its bound, says so, and returns its best point', () => {
    const down = nelderMead((v) => v[0] + v[1] * v[1], [0, 0], { maxIterations: 150 });
    expect(down.converged).toBe(false);
    expect(down.iterations).toBe(150);
    expect(down.message).toBe('did not converge after 150 iterations');
    expect(down.messageZh).toBe('150 次迭代后仍未收敛');
    expect(down.value).toBeLessThan(-10);
    const nan = nelderMead(() => Number.NaN, [0, 0]);
    expect(nan).toMatchObject({ converged: false, iterations: 0 });
    expect(nan.message).toMatch(/not finite at the starting point/);
    const bowl = nelderMead((v) => (v[0] - 1) ** 2 + (v[1] + 2) ** 2, [0, 0]);
    expect(bowl.converged).toBe(true);
    expect(bowl.x[0]).toBeCloseTo(1, 4);
    expect(bowl.x[1]).toBeCloseTo(-2, 4);
  });

  it('a likelihood whose maximum is at infinity stops at the edge of the search and says which parameter', () => {
    // Forty customers buying like clockwork: no heterogeneity for Pareto/NBD to find, so its
    // maximum lies at r, α → ∞ (the search used to wander there for minutes, each step slower).
    const lines = ['customer,date,amount'];
    for (let c = 0; c < 40; c++)
      for (let k = 0; k < 1 + (c % 4); k++)
        lines.push(`c${c},2023-${String(1 + ((c + 3 * k) % 12)).padStart(2, '0')}-1${k},${10 + c}`);
    const r = fitTransactionLog(`${lines.join('\n')}\n`, { ...opts, calibrationEnd: '2023-06-30' });
    if (!r.ok) throw new Error(r.error);
    const p = r.report.pnbd!;
    expect(p.fit.converged).toBe(false);
    expect(p.fit.message).toMatch(
      /^(r|alpha|s|beta) ran to the edge of the search \((1\/)?e\^12\): the data do not pin it down$/,
    );
    expect(Number.isFinite(p.fit.logLik)).toBe(true);
    const edge = nelderMead((v) => -v[0], [0], { box: 3 });
    expect(edge.converged).toBe(false);
    expect(edge.x[0]).toBeGreaterThan(2.9);
    expect(edge.x[0]).toBeLessThanOrEqual(3);
  });

  it('summarises a million-transaction log (no spread onto the stack) exactly as the rows say', () => {
    const s0 = syntheticTransactions({ customers: 200_000, seed: 7 });
    expect(s0.customer.length).toBeGreaterThan(900_000);
    const log = {
      customers: Array.from({ length: 200_000 }, (_, i) => `C${i}`),
      customer: s0.customer,
      day: s0.day,
      amount: s0.amount,
    };
    const calEnd = s0.startDay + 39 * 7;
    const s = summariseLog(log, calEnd);
    // Every customer's first purchase is in the first 12 weeks, so all are in calibration.
    expect(s.n).toBe(200_000);
    // Distinct (customer, day) pairs = first purchases + repeat transactions in calibration and holdout.
    const pairs = new Set<number>();
    for (let k = 0; k < log.day.length; k++) pairs.add(log.customer[k] * 4096 + (log.day[k] - s0.startDay));
    let repeats = 0;
    for (let i = 0; i < s.n; i++) repeats += s.x[i] + s.holdoutX[i];
    expect(repeats + s.n).toBe(pairs.size);
    expect(s.repeatWeeks.length).toBe(repeats);
  });

  it('recovers the generating parameters from the synthetic log', () => {
    const s0 = syntheticTransactions({ customers: 20_000, seed: 3 });
    const log = {
      customers: Array.from({ length: 20_000 }, (_, i) => `C${i}`),
      customer: s0.customer,
      day: s0.day,
      amount: s0.amount,
    };
    const s = summariseLog(log, s0.startDay + 52 * 7);
    const f = fitBgNbd(s);
    const g = fitGammaGamma(s.x, s.meanRepeatValue);
    // The generator draws in continuous time and the log keeps days: same-day repeats merge, which
    // biases α up a little (docs/clv.md); each within three standard errors plus 5 % of the truth.
    const truth = { r: 0.9, alpha: 8, a: 0.8, b: 3.2 };
    for (const k of ['r', 'alpha', 'a', 'b'] as const)
      expect(Math.abs(f.params[k] - truth[k])).toBeLessThan(3 * f.standardErrors[k] + 0.05 * truth[k]);
    const gt = { p: 6, q: 4, gamma: 30 };
    for (const k of ['p', 'q', 'gamma'] as const)
      expect(Math.abs(g.params[k] - gt[k])).toBeLessThan(3 * g.standardErrors[k] + 0.05 * gt[k]);
  });
});
