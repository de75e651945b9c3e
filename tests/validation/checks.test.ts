/**
 * Each check's measurement on worlds built to have a known answer: identical arms must give no
 * difference, what a watch reads must match the engine's own counters, and so on.
 */
import { describe, expect, it } from 'vitest';
import { Source, series } from '../../src/engine/index.ts';
import { discountClvRatio, referralClv } from '../../src/validation/checks/acquisition.ts';
import { communityLift } from '../../src/validation/checks/community.ts';
import {
  complaintOutcomes,
  HANDLINGS,
  MONTH,
  outcome,
  stayRates,
} from '../../src/validation/checks/complaints.ts';
import { annualRetention, INDUSTRIES, retentionOrder } from '../../src/validation/checks/industries.ts';
import { promotionActive, promotionSales } from '../../src/validation/checks/promotion.ts';
import { strongPlanNps } from '../../src/validation/checks/strongPlan.ts';
import { retentionElasticity } from '../../src/validation/checks/value.ts';
import { countWordOfMouth } from '../../src/validation/checks/wordOfMouth.ts';
import { Lab } from '../../src/validation/lab.ts';
import { conclude } from '../../src/validation/run.ts';
import { watchAcquisitions } from '../../src/validation/watches.ts';
import { libraryWorlds, worldsWith } from './worlds.ts';

const BASE = 'baselines/neighbourhood';
const base = () => libraryWorlds(BASE);

describe('discount-acquired customers', () => {
  const lab = new Lab(libraryWorlds);
  it('finds a token discount’s customers worth what full-price customers are (the same people)', () => {
    const r = discountClvRatio(lab, 0, 1);
    expect(r).toBeGreaterThan(0.95);
    expect(r).toBeLessThan(1.03);
  });
  it('finds no discount-acquired customers when there is no discount', () => {
    expect(discountClvRatio(lab, 0, 0)).toBeNaN();
  });
});

describe('acquisitions watch', () => {
  it('reads each customer’s first source as the engine counts new customers', () => {
    const lab = new Lab(libraryWorlds);
    const acq = watchAcquisitions(6_000);
    const sim = lab.run(lab.world(BASE, 6_000, 24), 'watch', 0, acq.watch);
    const count = (src: number) => acq.source.filter((s) => s === src).length;
    const total = (m: 'newReferral' | 'newOrganic' | 'newMarketing') =>
      series(sim.metrics, 24, m).reduce((a, b) => a + b, 0);
    expect(count(Source.REFERRAL)).toBe(total('newReferral'));
    expect(count(Source.ORGANIC)).toBe(total('newOrganic'));
    expect(count(Source.MARKETING)).toBe(total('newMarketing'));
    // Never lapsed within a year ⊆ active a year after the first purchase.
    let cohort = 0;
    let kept = 0;
    for (let i = 0; i < sim.pop.n; i++) {
      const f = sim.pop.firstTick[i];
      if (f < 0 || f > 11) continue;
      cohort++;
      if (!acq.lapsed12[i]) kept++;
    }
    let active = 0;
    for (let c = 0; c < 12; c++) active += sim.cohortActive[c * 24 + c + 12];
    expect(kept).toBeLessThanOrEqual(active);
    expect(kept / cohort).toBeGreaterThan(0.8 * (active / cohort));
  });
  it('finds no referred customers, and no figure, in a world where nobody recommends', () => {
    const quiet = () => {
      const s = base();
      for (const seg of s.population.segments) seg.socialActivity = 0;
      return s;
    };
    const [ratio, referred, others] = referralClv.sample(new Lab(worldsWith({ [BASE]: quiet })), 0);
    expect(ratio).toBeNaN();
    expect(referred).toBeNaN();
    expect(others).toBeGreaterThan(0.05);
    expect(others).toBeLessThan(0.95);
  });
});

describe('a year after a promotion', () => {
  it('finds exactly no difference when the "plan" is the baseline itself (paired seeds)', () => {
    const lab = new Lab(worldsWith({ 'plans/discount-heavy': base }));
    expect(promotionActive.sample(lab, 0)).toEqual([0]);
    expect(promotionSales.sample(lab, 1)).toEqual([0]);
  });
  it('finds a difference when there is a promotion', () => {
    const lab = new Lab(libraryWorlds);
    expect(promotionActive.sample(lab, 0)[0]).not.toBe(0);
  });
});

describe('complaint outcomes', () => {
  const lab = new Lab(libraryWorlds);
  it('injects the failure into everyone who was a customer when the month began', () => {
    const o = outcome(lab, 0, HANDLINGS.quickly, true);
    const sim = lab.run(lab.world(BASE, 8_000, MONTH + 12), 'validation/complaints', 0);
    const hit = o.hit.reduce((a, b) => a + b, 0);
    expect(hit).toBe(series(sim.metrics, sim.months, 'active')[MONTH - 2]);
    const voiced = o.voiced.reduce((a, b, i) => a + (o.hit[i] ? b : 0), 0);
    // Easy voicing: several times the usual one in ten.
    expect(voiced / hit).toBeGreaterThan(0.25);
    expect(voiced / hit).toBeLessThan(0.8);
  });
  it('gives the same stay rate to every outcome when the handling is the same', () => {
    const same = { quickly: HANDLINGS.quickly, resolved: HANDLINGS.quickly, unresolved: HANDLINGS.quickly };
    const [q, r, u] = stayRates(lab, 0, same);
    expect(r).toBe(q);
    expect(u).toBe(q);
    const result = conclude(
      complaintOutcomes,
      [stayRates(lab, 0, same).slice(0, 4), stayRates(lab, 0, same).slice(0, 4)],
      {},
    );
    expect(result.verdict.met).toBe(false);
  });
});

describe('word of mouth', () => {
  const run = (edit?: (s: ReturnType<typeof base>) => void) => {
    const lab = new Lab(libraryWorlds);
    const c = countWordOfMouth(6_000);
    const sim = lab.run(lab.world(BASE, 6_000, 18, edit), 'wom', 0, c.watch);
    return { c, referrals: series(sim.metrics, 18, 'referrals').reduce((a, b) => a + b, 0) };
  };
  it('counts no warnings in a world without failures', () => {
    const { c } = run((s) => {
      s.service.failurePctPerVisit = 0;
    });
    expect(c.negative).toBe(0);
    expect(c.positive).toBeGreaterThan(0);
  });
  it('counts recommendations consistent with the referrals the engine made of them', () => {
    // A recommendation converts with probability 0.25–0.7 if the contact is not yet a customer.
    const { c, referrals } = run();
    expect(referrals).toBeLessThan(0.7 * c.positive);
    expect(referrals).toBeGreaterThan(0.1 * c.positive);
    expect(c.negative).toBeGreaterThan(0);
  });
});

describe('community membership', () => {
  it('has no figure when nobody joins', () => {
    const lab = new Lab(worldsWith({ 'plans/community-led': base }));
    expect(communityLift.sample(lab, 0)[0]).toBeNaN();
  });
  it('measures a larger lift for a stronger community', () => {
    const level = (pct: number) => () => {
      const s = base();
      s.levers.community.levelPct = pct;
      return s;
    };
    const weak = communityLift.sample(new Lab(worldsWith({ 'plans/community-led': level(20) })), 0)[0];
    const strong = communityLift.sample(new Lab(worldsWith({ 'plans/community-led': level(90) })), 0)[0];
    expect(strong).toBeGreaterThan(weak);
  });
});

describe('industries', () => {
  it('gives every industry the same figures, and no order, when they are the same world', () => {
    const same = Object.fromEntries(INDUSTRIES.map((w) => [w.id, base]));
    const lab = new Lab(worldsWith(same));
    const r = annualRetention.sample(lab, 0);
    expect(new Set(r).size).toBe(1);
    const [low, high] = retentionOrder.sample(lab, 0);
    expect(high).toBe(low);
    expect(
      conclude(
        retentionOrder,
        [
          [low, high],
          [low, high],
        ],
        {},
      ).verdict.met,
    ).toBe(false);
  });
});

describe('retention against margin', () => {
  it('finds value exactly proportional to margin, and no retention change without competitors', () => {
    const lab = new Lab(
      worldsWith({
        [BASE]: () => {
          const s = base();
          s.market.competitorAttractivenessPct = 0;
          return s;
        },
      }),
    );
    const [ratio, toRetention, toMargin] = retentionElasticity.sample(lab, 0);
    expect(toMargin).toBeCloseTo(1, 9);
    expect(toRetention).toBeNaN(); // 0 / 0: competitors already pull nobody
    expect(ratio).toBeNaN();
  });
});

describe('a strong plan', () => {
  it('reads NPS as the mean of the run’s last three months', () => {
    const lab = new Lab(libraryWorlds);
    const [nps] = strongPlanNps.sample(lab, 0);
    const sim = lab.run(lab.world('plans/three-dimension-balanced', 8_000, 36), 'validation/strong-plan', 0);
    const x = series(sim.metrics, 36, 'nps');
    expect(nps).toBeCloseTo((x[33] + x[34] + x[35]) / 3, 12);
  });
});
