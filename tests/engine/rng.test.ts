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
