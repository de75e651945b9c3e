import { LEVER_NAMES, type LeverName, type Scenario } from '../engine/index.ts';

/** People and months of a warm-up world: enough customer-months for V8 to optimise every phase. */
const WARM_UP_PEOPLE = 3_000;
const WARM_UP_MONTHS = 24;

/** Each lever's settings at least this high in a warm-up copy (a setting of 0 is the lever off). */
const AT_LEAST: Record<LeverName, Record<string, number>> = {
  discount: { depthPct: 10 },
  points: { rewardPct: 5 },
  personalisation: { levelPct: 50 },
  knowledgeServices: { levelPct: 50 },
  careGestures: { perYear: 4 },
  community: { levelPct: 50 },
  proactiveContact: { perMonth: 1 },
  transparency: { levelPct: 50 },
  complaintHandling: { compensationPct: 10 },
  serviceStandards: { levelPct: 50 },
  empowerment: { levelPct: 50, surpriseFundPerMonth: 500 },
  training: { hoursPerStaffPerMonth: 4, incentivePct: 5 },
};

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
    const levers = w.levers as unknown as Record<LeverName, Record<string, unknown>>;
    for (const name of LEVER_NAMES) {
      const lever: Record<string, unknown> = { ...levers[name], schedule: [] };
      for (const [field, least] of Object.entries(AT_LEAST[name]))
        lever[field] = Math.max(lever[field] as number, least);
      levers[name] = lever;
    }
    w.levers.discount.target = target;
    w.levers.points.tiers = true;
    return w;
  });
}
