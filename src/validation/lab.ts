import { type Scenario, Simulation } from '../engine/index.ts';

/** A shipped world by library id ("baselines/neighbourhood"), already parsed; throws if it cannot be read. */
export type WorldLoader = (id: string) => Scenario;

/** Called around every month of a run, to read customers' state the run's totals do not keep. */
export interface Watch {
  before?(sim: Simulation): void;
  after?(sim: Simulation): void;
}

/**
 * A world at another market size with the same per-person rates: money and staff that are absolute
 * per month (acquisition spend, fixed costs, headcount, lever fixed costs, the surprise fund) scale
 * with the market, so marketing reaches the same share of people and a visit is served alike.
 */
export function scaleWorld(s: Scenario, people: number): Scenario {
  const out = structuredClone(s);
  const f = people / s.population.marketSize;
  out.population.marketSize = people;
  out.market.acquisitionSpendPerMonth *= f;
  out.economics.fixedCostsPerMonth *= f;
  out.staff.headcount = Math.max(1, Math.round(s.staff.headcount * f));
  for (const lever of Object.values(out.levers)) {
    if (typeof lever === 'object' && 'cost' in lever) lever.cost.fixedPerMonth *= f;
  }
  out.levers.empowerment.surpriseFundPerMonth *= f;
  return out;
}

/**
 * Where a replication's checks run their worlds. Results that several checks of a group need are
 * computed once (`shared`); `onRun` hears of every finished simulation (progress).
 */
export class Lab {
  runs = 0;
  private readonly memo = new Map<string, unknown>();

  constructor(
    readonly load: WorldLoader,
    readonly onRun?: () => void,
  ) {}

  /** A shipped world at the check's size and horizon, with the check's edits. */
  world(id: string, people: number, months: number, edit?: (s: Scenario) => void): Scenario {
    const s = scaleWorld(this.load(id), people);
    s.horizonMonths = months;
    edit?.(s);
    return s;
  }

  /** Runs a world to its end, calling `watch` around each month. */
  run(s: Scenario, seed: string, k: number, watch?: Watch): Simulation {
    const sim = new Simulation(s, { seed, replication: k });
    while (!sim.done) {
      watch?.before?.(sim);
      sim.step();
      watch?.after?.(sim);
    }
    this.runs++;
    this.onRun?.();
    return sim;
  }

  shared<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }
}
