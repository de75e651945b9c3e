import { describe, expect, it } from 'vitest';
import { Stream, streamKeys } from '../../src/engine/rng.ts';

describe('random streams', () => {
  it('derives different keys per purpose, seed and replication, reproducibly', () => {
    const a = streamKeys(1, 0);
    expect(streamKeys(1, 0)).toEqual(a);
    expect(new Set(Object.values(a)).size).toBe(Object.keys(a).length);
    expect(streamKeys(1, 1).churn).not.toBe(a.churn);
    expect(streamKeys(2, 0).churn).not.toBe(a.churn);
  });
  it('depends only on (key, agent, month): the same draw whatever came before', () => {
    const s = new Stream(123);
    const first = s.at(5, 7).next();
    s.at(6, 7).next();
    s.next();
    expect(s.at(5, 7).next()).toBe(first);
  });
  it('gives uniform draws across agents and months', () => {
    const s = new Stream(99);
    const bins = new Array(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) bins[Math.floor(s.at(i, i % 60).next() * 10)]++;
    // Chi-square with 9 degrees of freedom; 27.9 is its 0.999 quantile.
    const chi = bins.reduce((a, b) => a + (b - n / 10) ** 2 / (n / 10), 0);
    expect(chi).toBeLessThan(27.9);
  });
  it('draws standard normals (ziggurat) with the right shape, tails included', () => {
    const s = new Stream(5).at(0, 0);
    const n = 400_000;
    const xs = new Float64Array(n);
    let m1 = 0;
    let m2 = 0;
    let beyond2 = 0;
    let beyond3 = 0;
    for (let k = 0; k < n; k++) {
      const x = s.gaussian();
      xs[k] = x;
      m1 += x;
      m2 += x * x;
      if (Math.abs(x) > 2) beyond2++;
      if (Math.abs(x) > 3) beyond3++;
    }
    expect(Math.abs(m1 / n)).toBeLessThan(0.01); // sd of the mean 0.0016
    expect(Math.abs(m2 / n - 1)).toBeLessThan(0.015); // sd 0.0022
    expect(Math.abs(beyond2 / n - 0.0455)).toBeLessThan(0.003); // sd 0.0003
    expect(Math.abs(beyond3 / n - 0.0027)).toBeLessThan(0.0005); // sd 0.00008
    // Kolmogorov–Smirnov against Φ (Abramowitz–Stegun 7.1.26 for erf, error < 2e-7); 1.95/√n is the 0.001 level.
    xs.sort();
    const phi = (x: number) => {
      const z = Math.abs(x) / Math.SQRT2;
      const u = 1 / (1 + 0.3275911 * z);
      const poly =
        ((((1.061405429 * u - 1.453152027) * u + 1.421413741) * u - 0.284496736) * u + 0.254829592) * u;
      const erf = 1 - poly * Math.exp(-z * z);
      return 0.5 * (1 + (x < 0 ? -erf : erf));
    };
    let d = 0;
    for (let k = 0; k < n; k++) d = Math.max(d, Math.abs(phi(xs[k]) - (k + 0.5) / n));
    expect(d).toBeLessThan(1.95 / Math.sqrt(n));
  });
  it('draws gamma, beta and Poisson variates with the right means', () => {
    const s = new Stream(7).at(0, 0);
    const n = 50_000;
    let g = 0;
    let b = 0;
    let p = 0;
    for (let k = 0; k < n; k++) {
      g += s.gamma(0.8, 2);
      b += s.beta(0.3, 6);
      p += s.poisson(1.7);
    }
    expect(g / n).toBeCloseTo(1.6, 1);
    expect(b / n).toBeCloseTo(0.3, 2);
    expect(p / n).toBeCloseTo(1.7, 1);
  });
});
