/**
 * One replication of one scenario, month by month. A month runs in phases, each a module of its own
 * in ./month (docs/model.md, "A month, phase by phase"):
 *   conditions → audiences → marketing → every person (prospects, or a customer's visits → service → perceive →
 *   book → feel → talk → leave) → staff → tally.
 */
import { M } from './metrics.ts';
import { aimAtEveryone, rankTopValue } from './month/audience.ts';
import { beginMonth } from './month/conditions.ts';
import { customerMonth } from './month/customer.ts';
import { marketingReach } from './month/marketing.ts';
import { hearingThreshold, hears, lapsedMonth, prospectBuys, prospectPull } from './month/prospects.ts';
import { countActive, finishMonth } from './month/tally.ts';
import { World } from './month/world.ts';
import type { DisplayText, RunOptions, Scenario } from './scenario.ts';
import { updateStaff } from './staff.ts';
import { Flag, Stage } from './state.ts';

export interface SegmentResult {
  id: string;
  label: DisplayText;
  customers: number; // ever bought during the run (incl. initial customers)
  activeAtEnd: number;
  revenue: number;
  meanClv: number;
}

export interface RunResult {
  scenarioName: string;
  seed: number | string;
  replication: number;
  months: number;
  /** METRICS.length rows of `months` values each (see metrics.ts). */
  metrics: Float64Array;
  /** First-time customers acquired in month c (cohort c). */
  cohortSize: Float64Array;
  /** cohortActive[c * months + t]: customers of cohort c active at the end of month t. */
  cohortActive: Float64Array;
  /**
   * Discounted margin over the run of every customer who bought in it, initial customers included;
   * sorted ascending, so the pooled distribution of many replications is cheap to query.
   */
  clv: Float64Array;
  /** Share of the run's revenue that came from its top 20 % of customers by revenue. */
  top20RevenueShare: number;
  segments: SegmentResult[];
}

/**
 * A run you can step through: `step()` advances a month; the state is public so a view can read it
 * between steps (the engine never knows about views).
 */
export class Simulation {
  private readonly w: World;

  constructor(scenario: Scenario, options: RunOptions) {
    this.w = new World(scenario, options);
  }

  get scenario(): Scenario {
    return this.w.scenario;
  }
  get options(): RunOptions {
    return this.w.options;
  }
  get months(): number {
    return this.w.months;
  }
  get pop() {
    return this.w.pop;
  }
  get net() {
    return this.w.net;
  }
  get staff() {
    return this.w.staff;
  }
  get metrics(): Float64Array {
    return this.w.metrics;
  }
  get cohortSize(): Float64Array {
    return this.w.cohortSize;
  }
  get cohortActive(): Float64Array {
    return this.w.cohortActive;
  }
  /** Months simulated so far. */
  get t(): number {
    return this.w.t;
  }
  /**
   * Who is in each top-value audience this month (bit k for AIMED_LEVERS[k], ranked at the month's
   * start); null when no lever is aimed at top-value customers.
   */
  get topValueMask(): Uint8Array | null {
    return this.w.aim.top;
  }
  get done(): boolean {
    return this.w.t >= this.w.months;
  }

  /** Advances one month. */
  step(): void {
    if (this.done) throw new Error('simulation already finished');
    const w = this.w;
    beginMonth(w);
    aimAtEveryone(w);
    rankTopValue(w);
    marketingReach(w);
    everyone(w);
    w.visitsLastMonth = w.acc[M.visits];
    const { leavers } = updateStaff(w.staff, w.scenario, w.lev, w.stf, w.t);
    finishMonth(w, leavers);
    w.t++;
  }

  /** Runs the remaining months. */
  run(): RunResult {
    while (!this.done) this.step();
    return this.result();
  }

  /** What the run produced; per-customer figures cover everyone who bought during it. */
  result(): RunResult {
    const w = this.w;
    const p = w.pop;
    const segs = w.scenario.population.segments;
    const counts = new Float64Array(segs.length);
    const activeEnd = new Float64Array(segs.length);
    const segRevenue = new Float64Array(segs.length);
    const segClv = new Float64Array(segs.length);
    let customers = 0;
    for (let i = 0; i < p.n; i++) if (p.flags[i] & Flag.EVER_CUSTOMER) customers++;
    const clv = new Float64Array(customers);
    const rev = new Float64Array(customers);
    let k = 0;
    for (let i = 0; i < p.n; i++) {
      if (!(p.flags[i] & Flag.EVER_CUSTOMER)) continue;
      const g = p.segment[i];
      clv[k] = p.clv[i];
      rev[k] = p.revenue[i];
      k++;
      counts[g]++;
      segRevenue[g] += p.revenue[i];
      segClv[g] += p.clv[i];
      if (p.stage[i] >= Stage.FIRST && p.stage[i] <= Stage.ADVOCATE) activeEnd[g]++;
    }
    clv.sort();
    return {
      scenarioName: w.scenario.name,
      seed: w.options.seed,
      replication: w.options.replication,
      months: w.months,
      metrics: w.metrics,
      cohortSize: w.cohortSize,
      cohortActive: w.cohortActive,
      clv,
      top20RevenueShare: topShare(rev, 0.2),
      segments: segs.map((seg, g) => ({
        id: seg.id,
        label: seg.label,
        customers: counts[g],
        activeAtEnd: activeEnd[g],
        revenue: segRevenue[g],
        meanClv: counts[g] > 0 ? segClv[g] / counts[g] : 0,
      })),
    };
  }
}

/**
 * Each person's month, in index order. A function of its own, so that the optimising compiler's
 * on-stack replacement of this long loop never inlines month-end code that has not run yet (that
 * deoptimised `step` again every month).
 *
 * Two thirds of the market are not customers: a suspect's month is one comparison with the month's
 * hearing threshold, a prospect's an addition and a comparison (prospects.ts). The month's constants
 * are held in locals and those who stay as they were are counted in locals (whole numbers, so adding
 * them at the end is exact), which keeps these people at a few loads each.
 */
function everyone(w: World): void {
  const p = w.pop;
  const { stage, acqTick, inertia } = p;
  const t = w.t;
  const heard = hearingThreshold(w);
  const { organic, discount, pull } = prospectPull(w);
  let suspects = 0;
  let prospects = 0;
  for (let i = 0; i < p.n; i++) {
    const st = stage[i];
    if (st === Stage.SUSPECT) {
      if (heard >= inertia[i]) hears(w, i);
      else suspects++;
      continue;
    }
    w.cursor = i;
    if (st === Stage.PROSPECT) {
      if (!prospectBuys(w, i, organic, discount, pull)) prospects++;
    } else if (st === Stage.LAPSED) lapsedMonth(w, i);
    else if (acqTick[i] === t)
      countActive(w, i); // bought this month: their first full month is next month
    else customerMonth(w, i);
  }
  w.cursor = -1;
  w.acc[M.suspects] += suspects;
  w.acc[M.prospects] += prospects;
}

/** Share of the total held by the top `fraction` of entries (sorts its argument in place). */
export function topShare(values: Float64Array, fraction: number): number {
  if (values.length === 0) return Number.NaN;
  values.sort();
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  const top = Math.max(1, Math.round(values.length * fraction));
  let sum = 0;
  for (let i = values.length - top; i < values.length; i++) sum += values[i];
  return total > 0 ? sum / total : Number.NaN;
}

/** Runs one replication of a scenario from start to finish. */
export function simulate(scenario: Scenario, options: RunOptions): RunResult {
  return new Simulation(scenario, options).run();
}
