import { type DimensionMix, dimensionMix, synergyExponent } from '../churn.ts';
import { severityExponent } from '../encounters.ts';
import { recentRate } from '../health.ts';
import { createLeverState, type LeverState } from '../levers.ts';
import { METRICS } from '../metrics.ts';
import { createNetwork, type Network } from '../network.ts';
import { createPopulation } from '../population.ts';
import { Stream, streamKeys } from '../rng.ts';
import type { Calibration, RunOptions, Scenario } from '../scenario.ts';
import { createStaff, type Staff } from '../staff.ts';
import type { Population } from '../state.ts';
import { assertRunnable } from '../validate.ts';
import { type Aim, createAim } from './audience.ts';

/** Share of points eventually redeemed (the rest is breakage). */
export const POINTS_REDEMPTION = 0.7;
/** How much of last month's visit count a customer's recent-visit score keeps. */
export const RECENT_DECAY = 0.92;

/** Denominators of the month's comparisons (World.aux), counted at the start of each customer's month. */
export const Aux = {
  EXISTING: 0,
  MEMBER_START: 1,
  COMPLAINANT_START: 2,
  DISCOUNT_ACQUIRED_START: 3,
  MEMBER_REFERRERS: 4,
  SURPRISES: 5,
  OTHER_NEW_START: 6,
  RECENT_GUEST_START: 7,
  SIZE: 8,
} as const;

/** The month's market and levers, resolved once (conditions.ts) so per-customer code only reads numbers. */
export class MonthConditions {
  /** Reference loyalty of a calibrated population this month (NaN: levers are measured against nothing). */
  refLoyalty = Number.NaN;
  /** loyaltyVisits(refLoyalty), once a month rather than once a customer. */
  refVisits = Number.NaN;
  discountFactor = 1;
  competitor = 0;
  awareness = 0;
  organic = 0;
  incident = 1;
  season = 1;
  recovery = 0;
  callbackRecovery = 0;
  /** The same for a customer the compensation's audience leaves out. */
  recoveryUncompensated = 0;
  callbackRecoveryUncompensated = 0;
  catchRate = 0;
  noise = 0;
  surpriseP = 0;
  contactBond = 0;
  probeShare = 0;
  probeSeverity = 0;
}

/** One customer's month in progress: what one phase leaves for the next (reset by visits.ts). */
export class CustomerMonth {
  /** Discount depth this customer gets this month. */
  d = 0;
  /** Visits this month. */
  nv = 0;
  /** Mean quality of this month's visits. */
  quality = 0;
  /** Bond and trust moved by this month's incidents. */
  bondChange = 0;
  trustChange = 0;
  /** Worst failure suffered in silence this month (0: none). */
  silentSeverity = 0;
  surprised = 0;
  compensation = 0;
  /** The complaints stream is positioned for this customer and month. */
  complaintsReady = false;
  /** A calibrated customer dropped out after one of this month's purchases. */
  dropped = false;
  /** The three dimensions combined, as feel.ts left them. */
  dimensions = 0;
  /** A complaint of this month was heard but not put right. */
  unresolved = false;
  // The aimed levers as they reach this customer this month (audience.ts): the month's level, or 0.
  personalisation = 0;
  knowledge = 0;
  careProbability = 0;
  contactBond = 0;
  mayJoin = false;
  /** Compensation offered on a heard complaint, as a share of the visit's spend. */
  compensationShare = 0;
}

/**
 * Everything a run's phases share: the scenario, the population and its network, the staff, the
 * random streams, this month's counters and conditions, and the current customer's month. The phases
 * (the other modules in this folder) are functions of a World, so each can be read on its own.
 */
export class World {
  readonly months: number;
  readonly pop: Population;
  readonly net: Network;
  readonly staff: Staff;
  readonly metrics: Float64Array;
  readonly cohortSize: Float64Array;
  readonly cohortActive: Float64Array;
  /** Months simulated so far. */
  t = 0;
  /** Agent being processed; acquisitions behind it adjust this month's counts. */
  cursor = -1;
  visitsLastMonth = 0;

  readonly enc: Stream;
  readonly cmp: Stream;
  readonly emo: Stream;
  readonly chn: Stream;
  readonly wom: Stream;
  readonly acq: Stream;
  readonly stf: Stream;
  readonly prb: Stream;
  readonly lev: LeverState = createLeverState();
  /** This month's counters, indexed like METRICS. */
  readonly acc = new Float64Array(METRICS.length);
  /** Denominators of this month's comparisons (indexed by Aux). */
  readonly aux = new Float64Array(Aux.SIZE);
  /** Active customers by recommend score 0–10: NPS, promoters, detractors and health derive from it. */
  readonly scores = new Float64Array(11);
  readonly now = new MonthConditions();
  readonly cur = new CustomerMonth();

  /** Value, emotion, experience weights per segment (normalised), three per segment. */
  readonly segW: Float64Array;
  readonly segSocial: Float64Array;
  readonly sevExp: number;
  /** How each segment's three dimensions combine into loyalty (scenario.dimensions.synergy). */
  readonly mix: DimensionMix[];
  readonly betrayal: number;
  /** Calibrated population (null: the segments' own rates and the loyalty hazard). */
  readonly cal: Calibration | null;
  readonly baseFail: number;
  readonly variableCostShare: number;
  /** Who each aimed lever reaches (audience.ts); `aimed` false when every one reaches everyone. */
  readonly aim: Aim;
  /** recentRate's weight (health.ts) for a recent-visit score that has run m months, m = 1 … months + 1. */
  readonly recentNorm: Float64Array;

  constructor(
    readonly scenario: Scenario,
    readonly options: RunOptions,
  ) {
    assertRunnable(scenario, options.memoryLimitBytes);
    this.months = scenario.horizonMonths;
    this.cal = scenario.population.calibration ?? null;
    const k = streamKeys(options.seed, options.replication);
    this.enc = new Stream(k.encounters);
    this.cmp = new Stream(k.complaints);
    this.emo = new Stream(k.emotion);
    this.chn = new Stream(k.churn);
    this.wom = new Stream(k.wordOfMouth);
    this.acq = new Stream(k.acquisition);
    this.stf = new Stream(k.staff);
    this.prb = new Stream(k.probe);
    this.pop = createPopulation(scenario, new Stream(k.population));
    this.net = createNetwork(scenario, this.pop, new Stream(k.network));
    this.staff = createStaff(scenario);
    this.metrics = new Float64Array(METRICS.length * this.months);
    this.cohortSize = new Float64Array(this.months);
    this.cohortActive = new Float64Array(this.months * this.months);
    const segs = scenario.population.segments;
    this.segW = new Float64Array(segs.length * 3);
    segs.forEach((seg, j) => {
      const w = seg.weights;
      const sum = w.value + w.emotion + w.experience;
      this.segW[3 * j] = w.value / sum;
      this.segW[3 * j + 1] = w.emotion / sum;
      this.segW[3 * j + 2] = w.experience / sum;
    });
    this.segSocial = Float64Array.from(segs, (seg) => seg.socialActivity);
    this.sevExp = severityExponent(scenario.service.meanSeverityPct / 100);
    const rho = synergyExponent(scenario.dimensions.synergy);
    this.mix = segs.map((_, j) =>
      dimensionMix(this.segW[3 * j], this.segW[3 * j + 1], this.segW[3 * j + 2], rho),
    );
    this.betrayal = scenario.dimensions.betrayal;
    this.baseFail = scenario.service.failurePctPerVisit / 100;
    this.variableCostShare = 1 - scenario.economics.grossMarginPct / 100;
    this.aim = createAim(scenario, this.pop.n);
    this.recentNorm = Float64Array.from({ length: this.months + 2 }, (_, m) =>
      m > 0 ? recentRate(1, m, RECENT_DECAY) : Number.NaN,
    );
  }
}
