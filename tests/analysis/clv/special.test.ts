/**
 * The special functions at hard points, against mpmath 1.3 at 50 digits (values printed by
 * `mp.mp.dps = 50; repr(float(mp.hyp2f1(a, b, c, z)))`): z near 1, c − a − b an integer or within
 * 1e-9…1e-5 of one, the large parameters of the Pareto/NBD and of BG/NBD expectations for frequent
 * buyers, z = 1 and z < 0.
 */
import { describe, expect, it } from 'vitest';
import { digamma, hyp2f1, lnGamma } from '../../../src/analysis/clv/special.ts';

const MPMATH: [number, number, number, number, number][] = [
  [0.3, 2.7, 1.5, 0.999999, 169962043.39207122],
  [2.7, 10.3, 1.0, 0.99, 3.555269228965693e25],
  [0.243, 2.426, 2.219, 0.946, 2.38341190916359],
  [1, 1, 2, 0.9999999999, 23.025850849502675],
  [2.7, 10.3, 16, 0.9, 14.712607772317488],
  [1.5, 2.5, 4, 0.95, 7.824226341235016],
  [0.9, 1.5, 0.4, 0.99, 23292.83626724088],
  [0.9, 1.5, 2.400000001, 0.9999999999, 29.62937558792645],
  [0.3, 2.7, 0.99999, 0.99, 2191.0671582213313],
  [10.3, 1.0, 14.3000001, 0.999, 4.4107473535634165],
  [200.5, 1.6, 201.5, 0.9999, 70043.8232591219],
  [60.2, 0.9, 62.1, 0.99, 22.472779747602715],
  [50.243, 52.426, 52.219, 0.4, 155200896119.29218],
  [0.5, 0.8, 3.1, 1.0, 1.2271444584549236],
  [1.5, 2.5, 3.3, -0.9, 0.47101561031261346],
  [0.4, 0.7, 1.2, -20.0, 0.42283262372332653],
  [0.553, 1.606, 1.553, 0.95, 5.741633829754504],
];

describe('Gauss hypergeometric 2F1', () => {
  it.each(MPMATH)('2F1(%s, %s; %s; %s) matches mpmath to 1e-10', (a, b, c, z, want) => {
    expect(Math.abs(hyp2f1(a, b, c, z) / want - 1)).toBeLessThan(1e-10);
  });

  it('matches closed forms across the whole of [0, 1)', () => {
    for (const z of [0, 0.2, 0.5, 0.75, 0.9, 0.999, 1 - 1e-8, 1 - 1e-13]) {
      if (z > 0) expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log1p(-z) / z, 9);
      // 2F1(a, b; b; z) = (1 − z)^−a, relative error
      expect(Math.abs(hyp2f1(0.37, 2.2, 2.2, z) / (1 - z) ** -0.37 - 1)).toBeLessThan(1e-11);
      // 2F1(1/2, 1; 3/2; z) = artanh(√z)/√z (c − a − b = 0, an integer), with artanh written as
      // (2 ln(1 + √z) − ln(1 − z))/2 so that the reference keeps its digits near 1
      const y = Math.sqrt(z);
      const artanh = (2 * Math.log1p(y) - Math.log1p(-z)) / 2;
      if (z > 0) expect(Math.abs(hyp2f1(0.5, 1, 1.5, z) / (artanh / y) - 1)).toBeLessThan(1e-11);
    }
  });

  it('is NaN outside its domain instead of looping', () => {
    expect(hyp2f1(1, 1, 2, 1.5)).toBeNaN();
    expect(hyp2f1(1, 1, -2, 0.5)).toBeNaN();
    expect(hyp2f1(1, 2, 2.5, 1)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('log-gamma and digamma', () => {
  it('agree with known values', () => {
    // ln Γ(1/2) = ln √π; Γ(n) = (n−1)!; ψ(1) = −γ; ψ(1/2) = −γ − 2 ln 2; mpmath ψ(−2.3)
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(lnGamma(11)).toBeCloseTo(Math.log(3628800), 12);
    const euler = 0.5772156649015329;
    expect(digamma(1)).toBeCloseTo(-euler, 14);
    expect(digamma(0.5)).toBeCloseTo(-euler - 2 * Math.log(2), 14);
    expect(digamma(-2.3)).toBeCloseTo(3.3173231575618227, 12);
    expect(digamma(6)).toBeCloseTo(1.7061176684318005, 14);
  });
});
