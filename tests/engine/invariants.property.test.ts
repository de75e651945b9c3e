import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METRICS, Simulation, Stage, validateScenario } from '../../src/engine/index.ts';
import { arbitraryScenario } from '../arbitraryScenario.ts';
import { metric } from '../helpers.ts';

const SHARES = [
  'retention',
  'repurchase',
  'renewal12',
  'referralRate',
  'referrerShare',
  'promoters',
  'detractors',
  'satisfaction',
  'satisfiedShare',
  'value',
  'bond',
  'experience',
  'trust',
  'memberRepurchase',
  'nonMemberRepurchase',
  'complainantRepurchase',
  'nonComplainantRepurchase',
  'repeatPurchaseShare',
  'discountAcquiredChurn',
  'otherNewChurn',
  'staffSkill',
  'staffMorale',
  'staffTurnover',
] as const;

describe('invariants over random valid scenarios', () => {
  it('generates only valid scenarios', () => {
    fc.assert(
      fc.property(arbitraryScenario, (s) => {
        expect(validateScenario(s)).toEqual([]);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('conserves people, keeps shares in [0,1], scores in range and money finite', () => {
    fc.assert(
      fc.property(arbitraryScenario, fc.integer({ min: 0, max: 1000 }), (s, rep) => {
        const sim = new Simulation(s, { seed: 'prop', replication: rep });
        let active = 0;
        for (let i = 0; i < sim.pop.n; i++)
          if (sim.pop.stage[i] >= Stage.FIRST && sim.pop.stage[i] <= Stage.ADVOCATE) active++;
        const r = sim.run();
        const m = (name: (typeof METRICS)[number]) => metric(r, name);
        for (let t = 0; t < r.months; t++) {
          // Nobody is created or lost outside the modelled flows.
          const people = m('suspects')[t] + m('prospects')[t] + m('active')[t] + m('lapsed')[t];
          expect(people).toBe(s.population.marketSize);
          expect(m('firstTime')[t] + m('repeat')[t] + m('advocates')[t]).toBe(m('active')[t]);
          const inflow =
            m('newOrganic')[t] +
            m('newMarketing')[t] +
            m('newReferral')[t] +
            m('newDiscount')[t] +
            m('winbacks')[t];
          expect(m('active')[t] - active).toBe(inflow - m('churned')[t]);
          active = m('active')[t];
          expect(m('voiced')[t] + m('silent')[t] + m('callbacks')[t]).toBe(m('failures')[t]);
          for (const k of SHARES) {
            const v = m(k)[t];
            if (!Number.isNaN(v)) {
              expect(v).toBeGreaterThanOrEqual(0);
              expect(v).toBeLessThanOrEqual(1);
            }
          }
          expect(Math.abs(m('nps')[t])).toBeLessThanOrEqual(100);
        }
        for (let k = 0; k < METRICS.length; k++) {
          for (let t = 0; t < r.months; t++) {
            const v = r.metrics[k * r.months + t];
            // Rates with an empty denominator are NaN by design; nothing is ever infinite.
            expect(v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY).toBe(false);
          }
        }
        for (const key of [
          'value',
          'bond',
          'exper',
          'sat',
          'expect',
          'trust',
          'attitude',
          'priceSens',
        ] as const) {
          const a = sim.pop[key];
          for (let i = 0; i < a.length; i++) {
            expect(a[i] >= 0 && a[i] <= 1).toBe(true);
          }
        }
        for (let i = 0; i < r.clv.length; i++) expect(Number.isFinite(r.clv[i])).toBe(true);
        expect(r.clv.length).toBeLessThanOrEqual(s.population.marketSize);
      }),
      { numRuns: 60, seed: 11 },
    );
  });
});
