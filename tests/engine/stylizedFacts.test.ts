/**
 * The seven stylized facts of model-spec.md, each measured over enough replications (with common
 * random numbers where plans are compared) that noise cannot flip the verdict.
 */
import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/analysis/batch.ts';
import { pairedDifference } from '../../src/analysis/stats.ts';
import { type RunResult, type Scenario, Simulation } from '../../src/engine/index.ts';
import { meanOf, metric, small, sum, with_ } from '../helpers.ts';

const REPS = 8;
const base = small(10_000, 24);

const newCustomers = (r: RunResult, from: number, to: number) =>
  sum(metric(r, 'newOrganic'), from, to) +
  sum(metric(r, 'newMarketing'), from, to) +
  sum(metric(r, 'newReferral'), from, to) +
  sum(metric(r, 'newDiscount'), from, to);

/** Share of the customers first acquired in months 1–6 who are active at the end. */
const cohortRetention = (r: RunResult) => {
  let size = 0;
  let active = 0;
  for (let c = 0; c < 6; c++) {
    size += r.cohortSize[c];
    active += r.cohortActive[c * r.months + r.months - 1];
  }
  return active / size;
};

const planCost = (r: RunResult) => sum(metric(r, 'leverCost')) + sum(metric(r, 'discountCost'));

describe('1. discounts buy disloyal customers', () => {
  const discountHeavy = with_(base, (s) => {
    s.levers.discount.depthPct = 16;
    s.levers.discount.target = 'all';
    s.levers.discount.schedule = [{ from: 1, to: 12 }];
  });
  const threeDimensions = with_(base, (s) => {
    s.levers.personalisation.levelPct = 70;
    s.levers.careGestures.perYear = 6;
    s.levers.community.levelPct = 70;
    Object.assign(s.levers.complaintHandling, {
      easeOfVoicingPct: 60,
      responseHours: 4,
      resolutionQualityPct: 85,
      compensationPct: 20,
    });
    s.levers.training.hoursPerStaffPerMonth = 8;
    s.levers.serviceStandards.levelPct = 50;
    s.levers.empowerment.levelPct = 60;
  });
  const D = runReplications(discountHeavy, 'fact1', REPS);
  const E = runReplications(threeDimensions, 'fact1', REPS);
  const B = runReplications(base, 'fact1', REPS);

  it('compares plans of about equal cost', () => {
    const d = D.map(planCost);
    const e = E.map(planCost);
    const ratio = meanOf(e) / meanOf(d);
    expect(ratio).toBeGreaterThan(0.75);
    expect(ratio).toBeLessThan(1.25);
  });

  it('buys more new customers and visits in the first three months', () => {
    const more = pairedDifference(
      E.map((r) => newCustomers(r, 0, 3)),
      D.map((r) => newCustomers(r, 0, 3)),
    );
    expect(more.lo).toBeGreaterThan(0);
    const visits = pairedDifference(
      E.map((r) => sum(metric(r, 'visits'), 0, 3)),
      D.map((r) => sum(metric(r, 'visits'), 0, 3)),
    );
    expect(visits.lo).toBeGreaterThan(0);
  });

  it('ends with lower 24-month retention and lower profit than the three-dimension plan', () => {
    const retention = pairedDifference(D.map(cohortRetention), E.map(cohortRetention));
    expect(retention.lo).toBeGreaterThan(0.05);
    const profit = pairedDifference(
      D.map((r) => sum(metric(r, 'profit'))),
      E.map((r) => sum(metric(r, 'profit'))),
    );
    expect(profit.lo).toBeGreaterThan(0);
  });

  it('loses the customers it bought by discount faster than customers won without one', () => {
    // Monthly churn in months 13–24, after the discount ended.
    const bought = D.map((r) => meanOf(metric(r, 'discountAcquiredChurn'), 12, 24));
    const won = B.map((r) => meanOf(metric(r, 'otherNewChurn'), 12, 24));
    expect(pairedDifference(won, bought).lo).toBeGreaterThan(0);
  });
});

describe('2. service recovery', () => {
  const handling = {
    excellent: { easeOfVoicingPct: 100, responseHours: 1, resolutionQualityPct: 100, compensationPct: 50 },
    poor: { easeOfVoicingPct: 100, responseHours: 168, resolutionQualityPct: 10, compensationPct: 0 },
  };
  const MONTH = 12;

  /** Runs the plan with and without a failure injected in month 12; compares the complainants. */
  function probe(how: keyof typeof handling, severityPct: number) {
    const plan = with_(base, (s) => Object.assign(s.levers.complaintHandling, handling[how]));
    const probed = with_(plan, (s) => {
      s.probes.injectedFailure = { month: MONTH, sharePct: 100, severityPct };
    });
    const a = new Simulation(plan, { seed: 'fact2', replication: 0 });
    const b = new Simulation(probed, { seed: 'fact2', replication: 0 });
    for (let t = 1; t < MONTH; t++) {
      a.step();
      b.step();
    }
    const before = b.pop.sat.slice();
    a.step();
    b.step();
    const aboveBefore: number[] = [];
    const causal: number[] = [];
    for (let i = 0; i < b.pop.n; i++) {
      if (b.pop.lastComplaintTick[i] !== MONTH - 1) continue;
      aboveBefore.push(b.pop.sat[i] - before[i]);
      causal.push(b.pop.sat[i] - a.pop.sat[i]);
    }
    return { n: causal.length, aboveBefore: meanOf(aboveBefore), causal: meanOf(causal) };
  }

  it('leaves a complainant more satisfied than before a minor failure when handling is excellent', () => {
    const r = probe('excellent', 10);
    expect(r.n).toBeGreaterThan(200);
    expect(r.aboveBefore).toBeGreaterThan(0.02);
    expect(r.causal).toBeGreaterThan(0.02);
  });

  it('leaves them well below when handling is poor', () => {
    const r = probe('poor', 10);
    expect(r.causal).toBeLessThan(-0.04);
  });

  it('rarely recovers a severe failure fully, even with excellent handling', () => {
    const r = probe('excellent', 80);
    expect(r.causal).toBeLessThan(-0.05);
  });

  it('lets both the observational gap and the causal effect on repurchase be measured', () => {
    // Observational: complainants repurchase more than others, partly because engaged customers complain.
    const R = runReplications(base, 'fact2-gap', 4);
    const gap = R.map(
      (r) => meanOf(metric(r, 'complainantRepurchase')) / meanOf(metric(r, 'nonComplainantRepurchase')),
    );
    expect(Math.min(...gap)).toBeGreaterThan(1.1);
    // Causal, same people and draws: a failure with default handling does not make them buy more.
    const plan = base;
    const probed = with_(plan, (s) => {
      s.probes.injectedFailure = { month: MONTH, sharePct: 100, severityPct: 30 };
    });
    const a = new Simulation(plan, { seed: 'fact2-gap', replication: 0 });
    const b = new Simulation(probed, { seed: 'fact2-gap', replication: 0 });
    for (let t = 0; t < MONTH; t++) {
      a.step();
      b.step();
    }
    const who: number[] = [];
    for (let i = 0; i < b.pop.n; i++) if (b.pop.lastComplaintTick[i] === MONTH - 1) who.push(i);
    const visitsAt = (sim: Simulation) => who.map((i) => sim.pop.visits[i]);
    const a0 = visitsAt(a);
    const b0 = visitsAt(b);
    while (!a.done) {
      a.step();
      b.step();
    }
    const later = (sim: Simulation, start: number[]) =>
      meanOf(who.map((i, k) => sim.pop.visits[i] - start[k]));
    const causalRatio = later(b, b0) / later(a, a0);
    expect(who.length).toBeGreaterThan(100);
    expect(causalRatio).toBeLessThan(1);
    expect(causalRatio).toBeLessThan(Math.min(...gap));
  });
});

describe('3. the silent 90 %', () => {
  it('voices roughly 1 in 10 dissatisfying incidents with default settings', () => {
    const R = runReplications(base, 'fact3', 4);
    const share = sum(R.map((r) => sum(metric(r, 'voiced')))) / sum(R.map((r) => sum(metric(r, 'failures'))));
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.12);
  });
});

describe('4. community', () => {
  const plan = with_(base, (s) => {
    s.levers.community.levelPct = 60;
  });
  const C = runReplications(plan, 'fact4', REPS);
  it("raises members' repurchase and referral above non-members'", () => {
    const rep = pairedDifference(
      C.map((r) => meanOf(metric(r, 'nonMemberRepurchase'), 6)),
      C.map((r) => meanOf(metric(r, 'memberRepurchase'), 6)),
    );
    expect(rep.lo).toBeGreaterThan(0);
    const ref = pairedDifference(
      C.map((r) => meanOf(metric(r, 'nonMemberReferrerShare'), 6)),
      C.map((r) => meanOf(metric(r, 'memberReferrerShare'), 6)),
    );
    expect(ref.lo).toBeGreaterThan(0);
  });
  it('raises repurchase and referrals overall against the same world without it', () => {
    const B = runReplications(base, 'fact4', REPS);
    expect(
      pairedDifference(
        B.map((r) => meanOf(metric(r, 'repurchase'))),
        C.map((r) => meanOf(metric(r, 'repurchase'))),
      ).lo,
    ).toBeGreaterThan(0);
    expect(
      pairedDifference(
        B.map((r) => sum(metric(r, 'referrals'))),
        C.map((r) => sum(metric(r, 'referrals'))),
      ).lo,
    ).toBeGreaterThan(0);
  });
});

describe('5. 80/20', () => {
  it('gives the top 20 % of customers 60–85 % of revenue with default heterogeneity', () => {
    const R = runReplications(small(20_000, 36), 'fact5', 3);
    for (const r of R) {
      expect(r.top20RevenueShare).toBeGreaterThan(0.6);
      expect(r.top20RevenueShare).toBeLessThan(0.85);
    }
  });
});

describe('6. empowerment', () => {
  it('raises good reviews and lowers staff turnover', () => {
    const plan = with_(base, (s) => {
      s.levers.empowerment.levelPct = 80;
      s.levers.empowerment.surpriseFundPerMonth = 1000;
      s.staff.headcount = 40; // more staff, so turnover is measured on more people
    });
    const baseline = with_(base, (s) => {
      s.staff.headcount = 40;
    });
    const A = runReplications(baseline, 'fact6', REPS);
    const E = runReplications(plan, 'fact6', REPS);
    expect(
      pairedDifference(
        A.map((r) => sum(metric(r, 'goodReviews'))),
        E.map((r) => sum(metric(r, 'goodReviews'))),
      ).lo,
    ).toBeGreaterThan(0);
    expect(
      pairedDifference(
        E.map((r) => meanOf(metric(r, 'staffTurnover'))),
        A.map((r) => meanOf(metric(r, 'staffTurnover'))),
      ).lo,
    ).toBeGreaterThan(0);
  });
});

describe('7. quality levers never lower satisfaction', () => {
  const levers: [string, (s: Scenario, level: number) => void][] = [
    ['training', (s, x) => void (s.levers.training.hoursPerStaffPerMonth = 16 * x)],
    ['service standards', (s, x) => void (s.levers.serviceStandards.levelPct = 100 * x)],
    ['personalisation', (s, x) => void (s.levers.personalisation.levelPct = 100 * x)],
    ['transparency', (s, x) => void (s.levers.transparency.levelPct = 100 * x)],
    ['resolution quality', (s, x) => void (s.levers.complaintHandling.resolutionQualityPct = 50 + 50 * x)],
    ['empowerment', (s, x) => void (s.levers.empowerment.levelPct = 20 + 80 * x)],
  ];
  const world = small(5_000, 18);
  for (const [name, set] of levers) {
    it(`raising ${name} does not lower mean satisfaction`, () => {
      let previous = runReplications(world, 'fact7', 5).map((r) => meanOf(metric(r, 'satisfaction')));
      for (const level of [0.5, 1]) {
        const plan = with_(world, (s) => set(s, level));
        const now = runReplications(plan, 'fact7', 5).map((r) => meanOf(metric(r, 'satisfaction')));
        // Not lower beyond noise: the paired interval of (now − before) reaches zero or above.
        expect(pairedDifference(previous, now).hi).toBeGreaterThanOrEqual(0);
        previous = now;
      }
    });
  }
});
