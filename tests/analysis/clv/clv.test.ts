import { describe, expect, it } from 'vitest';
import {
  conditionalExpectedPurchases,
  expectedPurchases,
  probabilityAlive,
} from '../../../src/analysis/clv/bgnbd.ts';
import { customerClv } from '../../../src/analysis/clv/clv.ts';
import { conditionalExpectedValue } from '../../../src/analysis/clv/gammaGamma.ts';
import type { CustomerSummary } from '../../../src/analysis/clv/summary.ts';
import { Stream } from '../../../src/engine/index.ts';

const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const gg = { p: 6.25, q: 3.74, gamma: 15.44 };

function one(x: number, tx: number, T: number, zbar: number): CustomerSummary {
  const f = (v: number) => Float64Array.of(v);
  return {
    n: 1,
    ids: ['c'],
    firstDay: Int32Array.of(0),
    x: f(x),
    tx: f(tx),
    T: f(T),
    meanRepeatValue: f(zbar),
    holdoutX: f(0),
    calibrationEndDay: 0,
    holdoutEndDay: 0,
    repeatWeeks: new Float64Array(0),
    startDay: 0,
  };
}

describe('CLV from the fitted models', () => {
  it('computes the BG/NBD expectations that the model’s own process produces', () => {
    // Monte Carlo of the model: λ ~ Gamma(r, α), p ~ Beta(a, b), Poisson purchases, dropout after each repeat.
    const rng = new Stream(17);
    const n = 200_000;
    const t = 39;
    let total = 0;
    for (let i = 0; i < n; i++) {
      rng.at(i, 0);
      const lambda = rng.gamma(bg.r, 1 / bg.alpha);
      const p = rng.beta(bg.a / (bg.a + bg.b), bg.a + bg.b);
      let time = 0;
      for (;;) {
        time += -Math.log(1 - rng.next()) / lambda;
        if (time > t) break;
        total++;
        if (rng.next() < p) break;
      }
    }
    const mc = total / n;
    expect(Math.abs(expectedPurchases(bg, t) - mc)).toBeLessThan(0.02 * mc);
    // A customer with no history is a new customer.
    expect(conditionalExpectedPurchases(bg, t, 0, 0, 0)).toBeCloseTo(expectedPurchases(bg, t), 10);
    expect(probabilityAlive(bg, 0, 0, 38.86)).toBe(1);
    expect(probabilityAlive(bg, 2, 2, 38.86)).toBeLessThan(probabilityAlive(bg, 2, 30, 38.86));
    expect(conditionalExpectedPurchases(bg, t, 2, 2, 38.86)).toBeLessThan(
      conditionalExpectedPurchases(bg, t, 2, 30, 38.86),
    );
  });

  it('shrinks a customer’s average spend towards the population mean, less with more purchases', () => {
    const mean = (gg.p * gg.gamma) / (gg.q - 1);
    expect(conditionalExpectedValue(gg, 0, 0)).toBeCloseTo(mean, 10);
    const few = conditionalExpectedValue(gg, 1, 100);
    const many = conditionalExpectedValue(gg, 20, 100);
    expect(few).toBeGreaterThan(mean);
    expect(few).toBeLessThan(many);
    expect(many).toBeLessThan(100);
  });

  it('discounts: CLV falls with the discount rate and equals purchases × value × margin at 0 %', () => {
    const s = one(3, 30, 38.86, 40);
    const [flat] = customerClv(bg, gg, s, { weeks: 52, annualDiscountRatePct: 0, margin: 0.3 });
    expect(flat.clv).toBeCloseTo(flat.expectedPurchases * flat.expectedValue * 0.3, 8);
    const [disc] = customerClv(bg, gg, s, { weeks: 52, annualDiscountRatePct: 20, margin: 0.3 });
    expect(disc.clv).toBeLessThan(flat.clv);
    const [longer] = customerClv(bg, gg, s, { weeks: 104, annualDiscountRatePct: 20, margin: 0.3 });
    expect(longer.clv).toBeGreaterThan(disc.clv);
  });
});
