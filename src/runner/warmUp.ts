import type { Scenario } from '../engine/index.ts';

/** People and months of a warm-up world: enough customer-months for V8 to optimise every phase. */
const WARM_UP_PEOPLE = 3_000;
const WARM_UP_MONTHS = 24;

/**
 * Small copies of a scenario with every lever on, for a worker to run while the page is idle.
 *
 * Why: V8 compiles a phase for the branches it has seen run. A worker that has run only the
 * default scenario (no levers) meets the first lever a user switches on in code compiled without it:
 * the optimised code is thrown away at the new branch and the replication runs partly interpreted
 * until it is compiled again. Measured in Node, the default scenario's first replication with a
 * discount took 113 ms against 65–75 ms for the next ones; in the browser the first change after
 * the page loaded drew its first result in 362 ms against 120–160 ms for the later changes
 * (tests/e2e/whatif.e2e.ts). Running these copies once per worker while it is idle pays that
 * before the user's first change. Two copies, because the discount's target chooses between two
 * paths (new customers only, or everyone and the lapsed).
 *
 * The user's own segments, audiences, staff and market are kept (they choose paths too); only the
 * size, the horizon and the levers' settings change. The results are thrown away.
 */
export function warmUpScenarios(s: Scenario): Scenario[] {
  return (['new', 'all'] as const).map((target) => {
    const w = structuredClone(s);
    w.name = `${s.name} (warm-up)`;
    w.population.marketSize = Math.min(WARM_UP_PEOPLE, s.population.marketSize);
    w.horizonMonths = WARM_UP_MONTHS;
    w.market.events = w.market.events
      .filter((e) => e.from <= WARM_UP_MONTHS)
      .map((e) => ({ ...e, to: Math.min(e.to, WARM_UP_MONTHS) }));
    if (w.probes.injectedFailure) w.probes.injectedFailure = null;
    const l = w.levers;
    const always = [] as typeof l.discount.schedule;
    l.discount = { ...l.discount, depthPct: Math.max(l.discount.depthPct, 10), target, schedule: always };
    l.points = { ...l.points, rewardPct: Math.max(l.points.rewardPct, 5), tiers: true, schedule: always };
    l.personalisation = {
      ...l.personalisation,
      levelPct: Math.max(l.personalisation.levelPct, 50),
      schedule: always,
    };
    l.knowledgeServices = {
      ...l.knowledgeServices,
      levelPct: Math.max(l.knowledgeServices.levelPct, 50),
      schedule: always,
    };
    l.careGestures = { ...l.careGestures, perYear: Math.max(l.careGestures.perYear, 4), schedule: always };
    l.community = { ...l.community, levelPct: Math.max(l.community.levelPct, 50), schedule: always };
    l.proactiveContact = {
      ...l.proactiveContact,
      perMonth: Math.max(l.proactiveContact.perMonth, 1),
      schedule: always,
    };
    l.transparency = { ...l.transparency, levelPct: Math.max(l.transparency.levelPct, 50), schedule: always };
    l.complaintHandling = {
      ...l.complaintHandling,
      compensationPct: Math.max(l.complaintHandling.compensationPct, 10),
      schedule: always,
    };
    l.serviceStandards = {
      ...l.serviceStandards,
      levelPct: Math.max(l.serviceStandards.levelPct, 50),
      schedule: always,
    };
    l.empowerment = {
      ...l.empowerment,
      levelPct: Math.max(l.empowerment.levelPct, 50),
      surpriseFundPerMonth: Math.max(l.empowerment.surpriseFundPerMonth, 500),
      schedule: always,
    };
    l.training = {
      ...l.training,
      hoursPerStaffPerMonth: Math.max(l.training.hoursPerStaffPerMonth, 4),
      incentivePct: Math.max(l.training.incentivePct, 5),
      schedule: always,
    };
    return w;
  });
}
