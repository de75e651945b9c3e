/** The fitters against the published CDNOW estimates (the standard benchmark for these models). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../../src/analysis/clv/bgnbd.ts';
import { frequencyHistogram } from '../../../src/analysis/clv/diagnostics.ts';
import { fitGammaGamma } from '../../../src/analysis/clv/gammaGamma.ts';
import { summariseLog } from '../../../src/analysis/clv/summary.ts';
import { parseDay, parseTransactionsCsv } from '../../../src/analysis/clv/transactions.ts';

const DATA = 'scenarios/data/cdnow';
const within1pct = (got: number, published: number) =>
  expect(Math.abs(got / published - 1)).toBeLessThan(0.01);

describe('CDNOW sample (Fader, Hardie & Lee 2005; Fader & Hardie 2013)', () => {
  const parsed = parseTransactionsCsv(readFileSync(`${DATA}/cdnow_sample_elog.csv`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  const s = summariseLog(parsed.log, parseDay('1997-09-30', 'ymd')!, parseDay('1998-06-30', 'ymd')!);

  it('summarises the log exactly as the published calibration summary (same-day purchases as one)', () => {
    const published = readFileSync(`${DATA}/cdnow_sample_summary.csv`, 'utf8').trim().split('\n').slice(1);
    expect(s.n).toBe(published.length);
    const index = new Map(s.ids.map((id, k) => [Number(id), k]));
    for (const line of published) {
      const [id, frequency, recency, T] = line.split(',').map(Number);
      const k = index.get(id)!;
      expect(s.x[k]).toBe(frequency);
      expect(Math.abs(s.tx[k] - recency)).toBeLessThan(0.006);
      expect(Math.abs(s.T[k] - T)).toBeLessThan(0.006);
    }
  });

  it('fits BG/NBD to the published r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4 within 1 %', () => {
    const f = fitBgNbd(s);
    within1pct(f.params.r, 0.243);
    within1pct(f.params.alpha, 4.414);
    within1pct(f.params.a, 0.793);
    within1pct(f.params.b, 2.426);
    within1pct(f.logLik, -9582.4);
    expect(f.converged).toBe(true);
    // and the model reproduces the calibration histogram (FHL 2005, figure 2) closely
    for (const row of frequencyHistogram(f.params, s))
      expect(Math.abs(row.model - row.actual)).toBeLessThan(25);
  });

  it('fits Gamma-Gamma to the published p = 6.25, q = 3.74, γ = 15.44, LL = −4055.9 within 1 %', () => {
    const repeaters = Array.from(s.x).filter((x) => x > 0).length;
    expect(repeaters).toBe(946);
    const g = fitGammaGamma(s.x, s.meanRepeatValue);
    within1pct(g.params.p, 6.25);
    within1pct(g.params.q, 3.74);
    within1pct(g.params.gamma, 15.44);
    within1pct(g.logLik, -4055.9);
  });
});
