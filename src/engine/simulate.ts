import { ACQUISITION, conversionProbability } from './acquisition.ts';
import {
  churnHazard,
  type DimensionMix,
  dimensionMix,
  dimensionScore,
  lockIn,
  loyalty,
  loyaltyFrom,
  synergyExponent,
  USUAL_LEVELS,
  winbackProbability,
} from './churn.ts';
import { COMMUNITY, joinProbability } from './community.ts';
import { COMPLAINTS, incidentOutcome, recoveryQuality, voiceProbability } from './complaints.ts';
import {
  ENCOUNTERS,
  failureProbability,
  loyaltyVisits,
  meanQuality,
  perceivedSeverity,
  qualityNoise,
  severityExponent,
} from './encounters.ts';
import { createLeverState, type LeverState, levelShare, leverCost, resolveLevers } from './levers.ts';
import { M, METRICS } from './metrics.ts';
import { createNetwork, type Network } from './network.ts';
import {
  bondReceptivity,
  contactEffect,
  monthSatisfaction,
  PERCEPTION,
  performance,
  recommendScore,
  valueTarget,
} from './perception.ts';
import { clamp01, createPopulation } from './population.ts';
import { Stream, type StreamKeys, streamKeys } from './rng.ts';
import { type Calibration, LEVER_NAMES, type RunOptions, type Scenario } from './scenario.ts';
import { createStaff, type Staff, updateStaff } from './staff.ts';
import { Flag, NEVER, type Population, Source, Stage } from './state.ts';
import { assertRunnable } from './validate.ts';
import { referralAcceptance, referralProbability, WORD_OF_MOUTH } from './wordOfMouth.ts';

export interface SegmentResult {
  id: string;
  label: string;
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

const NEW_WINDOW = 3; // months during which a "new" or "won-back" customer gets the targeted discount
const TIER_THRESHOLD = 15; // exponentially weighted visits (≈ 1.2 visits a month sustained)
const RECENT_DECAY = 0.92;
const POINTS_REDEMPTION = 0.7; // share of points eventually redeemed (the rest is breakage)
/** Each discounted month moves price sensitivity this far (× depth) towards 1. */
const PROMOTION_SENSITISATION = 0.15;
const SATISFIED = 0.625; // 4 or 5 on a five-point scale: 1 + 4·s ≥ 3.5

const EXISTING = 0;
const MEMBER_START = 1;
const COMPLAINANT_START = 2;
const DISCOUNT_ACQUIRED_START = 3;
const MEMBER_REFERRERS = 4;
const SURPRISES = 5;
const OTHER_NEW_START = 6;
const RECENT_GUEST_START = 7;
const AUX_SIZE = 8;

const SILENT = 0;
const HEARD = 1;
const HEARD_CALLBACK = 2;

/**
 * One replication of one scenario, month by month. `step()` advances a month; the state is public so a
 * view can read it between steps (the engine never knows about views).
 */
export class Simulation {
  readonly months: number;
  readonly pop: Population;
  readonly net: Network;
  readonly staff: Staff;
  readonly metrics: Float64Array;
  readonly cohortSize: Float64Array;
  readonly cohortActive: Float64Array;
  /** Months simulated so far. */
  t = 0;

  private readonly keys: StreamKeys;
  private readonly enc: Stream;
  private readonly cmp: Stream;
  private readonly emo: Stream;
  private readonly chn: Stream;
  private readonly wom: Stream;
  private readonly acq: Stream;
  private readonly stf: Stream;
  private readonly prb: Stream;
  private readonly lev: LeverState = createLeverState();
  /** This month's counters, indexed like METRICS. */
  private readonly acc = new Float64Array(METRICS.length);
  /** Denominators of this month's comparisons, counted at the start of each customer's month. */
  private readonly aux = new Float64Array(AUX_SIZE);
  /** Active customers by recommend score 0–10: NPS, promoters, detractors and health derive from it. */
  private readonly scores = new Float64Array(11);
  private readonly segW: Float64Array; // value, emotion, experience weights per segment (normalised)
  private readonly segSocial: Float64Array;
  private readonly sevExp: number;
  /** How each segment's three dimensions combine into loyalty (scenario.dimensions.synergy). */
  private readonly mix: DimensionMix[];
  private readonly betrayal: number;
  private cursor = -1; // agent being processed; acquisitions behind it adjust this month's counts
  /** Calibrated population (null: the segments' own rates and the loyalty hazard). */
  private readonly cal: Calibration | null;
  /** This month's reference loyalty of a calibrated population (NaN: levers are measured against nothing). */
  private refLoyalty = Number.NaN;
  /** loyaltyVisits(refLoyalty), once a month rather than once a customer. */
  private refVisits = Number.NaN;
  /** A calibrated customer dropped out after one of this month's purchases. */
  private dropped = false;
  private visitsLastMonth = 0;
  private discountFactor = 1;
  private readonly baseFail: number;
  private readonly variableCostShare: number;
  // this month's market and levers, resolved once
  private competitorNow = 0;
  private awarenessNow = 0;
  private organicNow = 0;
  private incidentNow = 1;
  private seasonNow = 1;
  private recoveryNow = 0;
  private callbackRecoveryNow = 0;
  private catchRate = 0;
  private noiseNow = 0;
  private surpriseP = 0;
  private contactBond = 0;
  private probeShare = 0;
  private probeSeverity = 0;
  // the current customer's month, passed between its phases
  private d = 0;
  private nv = 0;
  private qMonth = 0;
  private dB = 0;
  private dT = 0;
  private silentSev = 0;
  private surprised = 0;
  private compensation = 0;
  private cmpReady = false;
  /** The customer's three dimensions combined, as feel() left them. */
  private dim = 0;

  constructor(
    readonly scenario: Scenario,
    readonly options: RunOptions,
  ) {
    assertRunnable(scenario, options.memoryLimitBytes);
    this.months = scenario.horizonMonths;
    this.cal = scenario.population.calibration ?? null;
    this.keys = streamKeys(options.seed, options.replication);
    const k = this.keys;
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
  }

  get done(): boolean {
    return this.t >= this.months;
  }

  /** Competitor attractiveness this month, 0–1, with price wars and entrants. */
  private competitor(month: number): number {
    let c = this.scenario.market.competitorAttractivenessPct / 100;
    for (const e of this.scenario.market.events) {
      if (month < e.from || month > e.to) continue;
      if (e.kind === 'priceWar') c += e.intensityPct / 100;
      else if (e.kind === 'competitorEntry') c += 0.5 * (e.intensityPct / 100);
    }
    return Math.min(c, 1);
  }

  private incidentMultiplier(month: number): number {
    let m = 1;
    for (const e of this.scenario.market.events) {
      if (e.kind === 'serviceIncident' && month >= e.from && month <= e.to) m += 3 * (e.intensityPct / 100);
    }
    return m;
  }

  private season(t: number): number {
    const m = this.scenario.market;
    const monthOfYear = (t % 12) + 1;
    return (
      1 + (m.seasonalityPct / 100) * Math.cos((2 * Math.PI * (monthOfYear - m.seasonalityPeakMonth)) / 12)
    );
  }

  /** A prospect (or suspect) buys for the first time, or a lapsed customer comes back. */
  private acquire(j: number, source: Source, discount: number): void {
    const p = this.pop;
    const t = this.t;
    const acc = this.acc;
    const old = p.stage[j];
    const behind = j < this.cursor;
    if (behind) acc[old === Stage.SUSPECT ? M.suspects : old === Stage.PROSPECT ? M.prospects : M.lapsed]--;
    const winback = old === Stage.LAPSED;
    p.stage[j] = winback ? Stage.REPEAT : Stage.FIRST;
    p.source[j] = winback ? Source.WINBACK : source;
    p.acqTick[j] = t;
    if (!winback) {
      p.firstTick[j] = t;
      this.cohortSize[t]++;
      p.flags[j] |= Flag.EVER_CUSTOMER;
      if (source === Source.DISCOUNT) p.flags[j] |= Flag.DISCOUNT_ACQUIRED;
      const a = ACQUISITION;
      p.value[j] = clamp01(0.5 + 0.3 * (p.attitude[j] - 0.5));
      p.bond[j] = a.startBond + (source === Source.REFERRAL ? a.referralBond : 0);
      p.exper[j] = a.startExperience;
      p.sat[j] = a.startExperience;
      p.expect[j] = a.startExperience;
      p.trust[j] = a.startTrust;
    }
    acc[
      winback
        ? M.winbacks
        : source === Source.REFERRAL
          ? M.newReferral
          : source === Source.DISCOUNT
            ? M.newDiscount
            : source === Source.ORGANIC
              ? M.newOrganic
              : M.newMarketing
    ]++;
    // The purchase that made them a customer.
    const l = this.lev;
    const paid = l.price * (1 - discount);
    p.refPrice[j] = paid;
    const rev = p.spend[j] * paid;
    const margin = rev - p.spend[j] * l.price * this.variableCostShare;
    const redeemed = rev * l.pointsReward * POINTS_REDEMPTION;
    acc[M.revenue] += rev;
    acc[M.grossMargin] += margin;
    acc[M.discountCost] += p.spend[j] * l.price * discount;
    acc[M.pointsCost] += redeemed;
    acc[M.visits]++;
    p.visits[j]++;
    p.revenue[j] += rev;
    p.clv[j] += (margin - redeemed) * this.discountFactor;
    p.lastVisitTick[j] = t;
    const dim = dimensionScore(this.mix[p.segment[j]], p.value[j], p.bond[j], p.exper[j]);
    p.score[j] = recommendScore(p.sat[j], dim, p.generosity[j]);
    if (behind) this.countActive(j);
  }

  /** Adds an active customer to this month's stage counts and population means. */
  private countActive(i: number): void {
    const p = this.pop;
    const acc = this.acc;
    const t = this.t;
    const st = p.stage[i];
    acc[st === Stage.FIRST ? M.firstTime : st === Stage.REPEAT ? M.repeat : M.advocates]++;
    const s = p.sat[i];
    acc[M.satisfaction] += s;
    if (s >= SATISFIED) acc[M.satisfiedShare]++;
    acc[M.value] += p.value[i];
    acc[M.bond] += p.bond[i];
    acc[M.experience] += p.exper[i];
    acc[M.trust] += p.trust[i];
    this.scores[p.score[i]]++;
    const f = p.flags[i];
    const ref = p.lastRefTick[i];
    if (ref >= t - 11 && ref !== NEVER) {
      acc[M.referrerShare]++;
      if (f & Flag.MEMBER) this.aux[MEMBER_REFERRERS]++;
    }
    if (f & Flag.MEMBER) acc[M.members]++;
    if (f & Flag.TIER) acc[M.tierMembers]++;
    if (p.acqTick[i] <= t - 12) acc[M.renewal12]++;
    const c = p.firstTick[i];
    if (c >= 0) this.cohortActive[c * this.months + t]++;
  }

  /** Advances one month. */
  step(): void {
    if (this.done) throw new Error('simulation already finished');
    this.beginMonth();
    this.marketingReach();
    this.everyone();
    this.visitsLastMonth = this.acc[M.visits];
    const { leavers } = updateStaff(this.staff, this.scenario, this.lev, this.stf, this.t);
    this.finishMonth(leavers);
    this.t++;
  }

  /**
   * Each person's month. A method of its own, so that the optimising compiler's on-stack replacement
   * of this long loop never inlines month-end code that has not run yet (that deoptimised `step`
   * again every month).
   */
  private everyone(): void {
    const p = this.pop;
    const { stage, acqTick } = p;
    const t = this.t;
    for (let i = 0; i < p.n; i++) {
      this.cursor = i;
      const st = stage[i];
      if (st < Stage.FIRST) this.prospectMonth(i, st);
      else if (st === Stage.LAPSED) this.lapsedMonth(i);
      else if (acqTick[i] === t)
        this.countActive(i); // bought this month: their first full month is next month
      else this.customerMonth(i);
    }
    this.cursor = -1;
  }

  /** This month's levers and market, resolved once so that the per-customer code only reads numbers. */
  private beginMonth(): void {
    const s = this.scenario;
    const t = this.t;
    const month = t + 1;
    const l = this.lev;
    this.acc.fill(0);
    this.aux.fill(0);
    this.scores.fill(0);
    resolveLevers(s, month, l);
    const ref = this.cal?.referenceLoyalty;
    this.refLoyalty = ref?.length ? ref[Math.min(t, ref.length - 1)] : Number.NaN;
    this.refVisits = loyaltyVisits(this.refLoyalty);
    this.discountFactor = (1 + s.economics.annualDiscountRatePct / 100) ** (-t / 12);
    this.competitorNow = this.competitor(month);
    this.awarenessNow = s.market.awarenessGrowthPct / 100;
    this.incidentNow = this.incidentMultiplier(month);
    this.seasonNow = this.season(t);
    // The month's part of a prospect's organic conversion hazard; the person's part is attitude and price sensitivity.
    this.organicNow = conversionProbability(
      s.market.organicConversionPct / 100,
      1,
      0,
      0,
      this.competitorNow,
      this.seasonNow,
    );
    this.recoveryNow = recoveryQuality(l.resolution, l.responseHours, l.compensation, l.empowerment);
    this.callbackRecoveryNow = recoveryQuality(
      l.resolution,
      24 / l.callbackSpeed - 24,
      l.compensation,
      l.empowerment,
    );
    this.catchRate = l.transparency * l.callbackSpeed;
    this.noiseNow = qualityNoise(l.standards) * 2.449489742783178; // Irwin–Hall(2) has sd 1/√6
    const surpriseCost = s.levers.empowerment.cost.perEvent;
    this.surpriseP =
      l.surpriseFund > 0 && surpriseCost > 0
        ? Math.min(0.5, l.surpriseFund / surpriseCost / Math.max(1, this.visitsLastMonth))
        : 0;
    this.contactBond = contactEffect(l.contactsPerMonth);
    const probe = s.probes.injectedFailure;
    this.probeShare = probe !== null && probe.month === month ? probe.sharePct / 100 : 0;
    this.probeSeverity = probe !== null ? probe.severityPct / 100 : 0;
  }

  /** Marketing reaches random people before the month's visits; reached prospects may buy. */
  private marketingReach(): void {
    const mkt = this.scenario.market;
    const p = this.pop;
    const n = p.n;
    const t = this.t;
    const l = this.lev;
    const acq = this.acq;
    const { stage, attitude, priceSens } = p;
    const leads = mkt.acquisitionSpendPerMonth / mkt.costPerLead;
    acq.at(-1, t);
    const reach = Math.min(5 * n, Math.floor(leads) + (acq.next() < leads - Math.floor(leads) ? 1 : 0));
    const base = mkt.leadConversionPct / 100;
    for (let k = 0; k < reach; k++) {
      acq.at(k, t);
      const j = Math.floor(acq.next() * n);
      const st = stage[j];
      if (st === Stage.SUSPECT) {
        stage[j] = Stage.PROSPECT;
        p.pressure[j] = 0;
      } else if (st !== Stage.PROSPECT && st !== Stage.LAPSED) continue;
      const lapsed = st === Stage.LAPSED;
      const d = lapsed ? l.discountLapsed : l.discountNew;
      const pc = conversionProbability(
        base,
        attitude[j],
        priceSens[j],
        d,
        this.competitorNow,
        this.seasonNow,
      );
      if (acq.next() < (lapsed ? ACQUISITION.lapsedReach * pc : pc)) {
        this.acquire(j, d > 0 ? Source.DISCOUNT : Source.MARKETING, d);
      }
    }
  }

  /**
   * Suspects may hear of the business; aware prospects may buy by themselves. Each month adds the
   * month's hazard to the person's pressure; they act when it reaches their inertia (an Exp(1) trait),
   * which is a monthly Bernoulli draw with probability 1 − e^(−hazard), drawn once per stage.
   */
  private prospectMonth(i: number, st: number): void {
    const p = this.pop;
    if (st === Stage.SUSPECT) {
      // The awareness hazard is the same every month and suspects are suspects from birth, so their
      // pressure is (t + 1)·hazard: nothing to store.
      if ((this.t + 1) * this.awarenessNow >= p.inertia[i]) {
        p.stage[i] = Stage.PROSPECT;
        p.pressure[i] = 0;
        this.acc[M.prospects]++;
      } else this.acc[M.suspects]++;
      return;
    }
    const d = this.lev.discountNew;
    const h =
      this.organicNow * p.attitude[i] * (d > 0 ? 1 + ACQUISITION.discountPull * d * p.priceSens[i] : 1);
    if ((p.pressure[i] += h) >= p.inertia[i]) {
      this.acquire(i, d > 0 ? Source.DISCOUNT : Source.ORGANIC, d);
      this.countActive(i);
    } else this.acc[M.prospects]++;
  }

  /** A lapsed customer's bond fades; the pull to come back (win-back) builds up against their inertia. */
  private lapsedMonth(i: number): void {
    const p = this.pop;
    const l = this.lev;
    const b = (p.bond[i] *= 1 - PERCEPTION.lapsedBondDecay);
    // A calibrated customer's dropout is for good (BG/NBD) unless a lever reaches out to them.
    const winback = winbackProbability(b, p.priceSens[i], l.discountLapsed, l.contactsPerMonth, !this.cal);
    if ((p.pressure[i] += winback) >= p.inertia[i]) {
      this.acquire(i, Source.WINBACK, l.discountLapsed);
      this.countActive(i);
    } else this.acc[M.lapsed]++;
  }

  /** An existing customer's month: visits, feelings, word of mouth, and whether they stay. */
  private customerMonth(i: number): void {
    const p = this.pop;
    const t = this.t;
    const l = this.lev;
    const f0 = p.flags[i];
    const complainant = p.lastComplaintTick[i] !== NEVER && p.lastComplaintTick[i] >= t - 12;
    // Complainants are compared with other recent guests (a visit in the last 12 months, no complaint).
    const recentGuest = !complainant && p.lastVisitTick[i] !== NEVER && p.lastVisitTick[i] >= t - 12;
    const aux = this.aux;
    aux[EXISTING]++;
    if (f0 & Flag.MEMBER) aux[MEMBER_START]++;
    if (complainant) aux[COMPLAINANT_START]++;
    else if (recentGuest) aux[RECENT_GUEST_START]++;
    if (f0 & Flag.DISCOUNT_ACQUIRED) aux[DISCOUNT_ACQUIRED_START]++;
    else if (p.firstTick[i] >= 0) aux[OTHER_NEW_START]++;
    const fresh = t - p.firstTick[i] < NEW_WINDOW;
    const returning = p.source[i] === Source.WINBACK && t - p.acqTick[i] < NEW_WINDOW;
    this.d = l.discountAll > 0 ? l.discountAll : fresh ? l.discountNew : returning ? l.discountLapsed : 0;

    this.serve(i);
    this.feel(i);
    this.talk(i);

    const acc = this.acc;
    const visited = this.nv > 0 ? 1 : 0;
    acc[M.repurchase] += visited;
    acc[f0 & Flag.MEMBER ? M.memberRepurchase : M.nonMemberRepurchase] += visited;
    if (complainant) acc[M.complainantRepurchase] += visited;
    else if (recentGuest) acc[M.nonComplainantRepurchase] += visited;
    if (this.nv > 1) acc[M.repeatPurchaseShare]++;
    if (this.leaves(i)) {
      acc[M.churned]++;
      if (f0 & Flag.DISCOUNT_ACQUIRED) acc[M.discountAcquiredChurn]++;
      else if (p.firstTick[i] >= 0) acc[M.otherNewChurn]++;
      acc[M.lapsed]++;
    } else this.countActive(i);
  }

  /**
   * Visits as service encounters: quality from the serving staff member, failures, complaints voiced
   * or silent, recovery; then experience, value and satisfaction update, and the money.
   */
  private serve(i: number): void {
    const p = this.pop;
    const l = this.lev;
    const t = this.t;
    const staff = this.staff;
    const seg = p.segment[i];
    const multi = (p.flags[i] & Flag.MULTICHANNEL) !== 0;
    const member = p.flags[i] & Flag.MEMBER ? l.community : 0;
    const d = this.d;
    let ps = p.priceSens[i];
    if (d > 0) {
      // Promotions teach customers to wait for the next one (Mela, Gupta & Lehmann 1997).
      ps += PROMOTION_SENSITISATION * d * (1 - ps);
      p.priceSens[i] = ps;
    }
    const L = loyalty(this.mix[seg], p.value[i], p.bond[i], p.exper[i], p.sat[i], p.trust[i]);

    const enc = this.enc.at(i, t);
    const who = Math.floor(enc.next() * staff.h);
    this.acc[M.loyalty] += L;
    const levers = (1 + 1.5 * d * ps) * (1 + COMMUNITY.visitBoost * member);
    const cal = this.cal;
    const ref = this.refLoyalty;
    const hasRef = !Number.isNaN(ref);
    // A calibrated customer buys at their fitted rate, moved only by what levers change: loyalty
    // against the same world's loyalty without levers, discounts, the community.
    const lambda = cal
      ? p.rate[i] * (hasRef ? loyaltyVisits(L) / this.refVisits : 1) * levers
      : p.rate[i] * loyaltyVisits(L) * this.seasonNow * (multi ? 1.15 : 1) * levers;
    let nv = enc.poisson(lambda);
    if (nv > ENCOUNTERS.maxVisits) nv = ENCOUNTERS.maxVisits;
    this.dropped = false;
    if (cal && nv > 0) {
      // BG/NBD: after each purchase the customer may drop out; later purchases that month never happen.
      const m = hasRef ? Math.exp(-cal.loyaltyElasticity * (L - ref)) : 1;
      const pd = Math.min(1, p.dropout[i] * m);
      const chn = this.chn.at(i, t);
      for (let v = 0; v < nv; v++) {
        if (chn.next() < pd) {
          nv = v + 1;
          this.dropped = true;
          break;
        }
      }
    }
    let injected = false;
    if (this.probeShare > 0 && this.prb.at(i, t).next() < this.probeShare) {
      injected = true;
      if (nv === 0) nv = 1;
    }
    this.nv = nv;
    this.dB = 0;
    this.dT = 0;
    this.silentSev = 0;
    this.surprised = 0;
    this.qMonth = 0;
    if (nv === 0) {
      p.recent[i] *= RECENT_DECAY;
      return;
    }

    this.encounters(i, who, injected);
    this.perceive(i);
    this.book(i, who);
  }

  /** The month's visits one by one: quality, surprise moments, failures and how they were handled. */
  private encounters(i: number, who: number, injected: boolean): void {
    const p = this.pop;
    const l = this.lev;
    const staff = this.staff;
    const enc = this.enc;
    const nv = this.nv;
    const skill = staff.skill[who];
    const qMean =
      meanQuality(skill, staff.morale[who], l.personalisation, l.transparency, l.standards) +
      this.noiseNow * (enc.next() + enc.next() - 1);
    const pf = failureProbability(this.baseFail, skill, l.standards, this.incidentNow);
    const surpriseP = this.surpriseP;
    const tolerance = p.tolerance[i];
    const visitSpend = p.spend[i] * l.price * (1 - this.d);
    // A close customer feels an unresolved failure more (betrayal > 0) or less (the bond buffers).
    const sting = 1 + this.betrayal * p.bond[i];
    let sumQ = 0;
    let compensation = 0;
    this.cmpReady = false;
    for (let v = 0; v < nv; v++) {
      let q = qMean;
      if (surpriseP > 0 && enc.next() < surpriseP) {
        q += ENCOUNTERS.surpriseLift;
        this.surprised++;
      }
      const forced = injected && v === 0;
      if (enc.next() < pf || forced) {
        const sev = forced ? this.probeSeverity : perceivedSeverity(enc.next(), this.sevExp, tolerance);
        const heard = this.incident(i, sev, p.bond[i]);
        const r = heard === HEARD_CALLBACK ? this.callbackRecoveryNow : this.recoveryNow;
        q += this.aftermath(sev, r, heard, sting);
        if (heard !== SILENT) compensation += l.compensation * visitSpend;
      }
      sumQ += q < 0 ? 0 : Math.min(q, 1);
    }
    this.qMonth = sumQ / nv;
    this.compensation = compensation;
  }

  /** What an incident leaves behind: the visit's quality change, and the bond and trust it moves. */
  private aftermath(sev: number, r: number, heard: number, sting: number): number {
    const P = PERCEPTION;
    const out = incidentOutcome(sev, r, heard !== SILENT);
    if (heard !== SILENT) {
      const eff = r * (1 - COMPLAINTS.severeRecoveryCut * sev);
      if (out >= 0 || eff >= 0.6) this.acc[M.recovered]++;
      this.dB +=
        eff >= 0.6 ? P.recoveryBond * eff * (1 - sev) : -P.poorHandlingBondLoss * sev * (1 - eff) * sting;
      this.dT += P.trustLoss * sev * (eff - 0.5);
    } else {
      this.dB -= P.silentBondLoss * sev * sting;
      this.dT -= P.trustLoss * sev;
      if (sev > this.silentSev) this.silentSev = sev;
    }
    return out;
  }

  /** Experience, value and satisfaction after the month's visits (expectation–disconfirmation). */
  private perceive(i: number): void {
    const p = this.pop;
    const l = this.lev;
    const P = PERCEPTION;
    const qMonth = this.qMonth;
    const paid = l.price * (1 - this.d);
    const X = p.exper[i] + P.experienceSpeed * (qMonth - p.exper[i]);
    const tier = (p.flags[i] & Flag.TIER) !== 0;
    const target = valueTarget(
      X,
      l.personalisation,
      p.trust[i],
      l.knowledge,
      l.pointsReward,
      tier,
      p.priceSens[i],
      paid,
      p.refPrice[i],
    );
    const V = p.value[i] + P.valueSpeed * (target - p.value[i]);
    p.exper[i] = X;
    p.value[i] = V;
    p.refPrice[i] += P.referenceSpeed * (paid - p.refPrice[i]);
    const E = p.expect[i];
    p.sat[i] += P.satisfactionSpeed * (monthSatisfaction(qMonth, V, E) - p.sat[i]);
    p.expect[i] = E + P.expectationSpeed * (performance(qMonth, V) - E);
  }

  /** The month's money, visits and reviews. */
  private book(i: number, who: number): void {
    const p = this.pop;
    const l = this.lev;
    const acc = this.acc;
    const nv = this.nv;
    const d = this.d;
    const spend = p.spend[i];
    const rev = nv * spend * l.price * (1 - d);
    const margin = rev - nv * spend * l.price * this.variableCostShare;
    const redeemed = rev * l.pointsReward * POINTS_REDEMPTION;
    const compensation = this.compensation;
    acc[M.revenue] += rev;
    acc[M.grossMargin] += margin;
    acc[M.discountCost] += nv * spend * l.price * d;
    acc[M.pointsCost] += redeemed;
    acc[M.compensationCost] += compensation;
    acc[M.visits] += nv;
    this.aux[SURPRISES] += this.surprised;
    p.revenue[i] += rev;
    p.clv[i] += (margin - redeemed - compensation) * this.discountFactor;
    p.visits[i] += nv;
    p.lastVisitTick[i] = this.t;
    p.recent[i] = RECENT_DECAY * p.recent[i] + nv;
    this.staff.served[who] += nv;
    const review = 0.1 * Math.max(0, (this.qMonth - 0.6) / 0.4) + (this.surprised > 0 ? 0.25 : 0);
    if (this.enc.next() < review) {
      acc[M.goodReviews]++;
      this.staff.praised[who]++;
    }
    if (p.stage[i] === Stage.FIRST) p.stage[i] = Stage.REPEAT;
  }

  /** A dissatisfying incident: voiced, caught by the feedback loop, or suffered in silence. */
  private incident(i: number, severity: number, bond: number): number {
    const p = this.pop;
    const l = this.lev;
    const acc = this.acc;
    const cmp = this.cmp;
    if (!this.cmpReady) {
      cmp.at(i, this.t); // once per customer and month, however many incidents
      this.cmpReady = true;
    }
    acc[M.failures]++;
    if (cmp.next() < voiceProbability(p.complainProp[i], l.ease, severity, bond)) {
      acc[M.voiced]++;
      p.voiced[i]++;
      p.lastComplaintTick[i] = this.t;
      return HEARD;
    }
    if (this.catchRate > 0 && cmp.next() < this.catchRate) {
      acc[M.callbacks]++;
      return HEARD_CALLBACK;
    }
    acc[M.silent]++;
    p.silent[i]++;
    return SILENT;
  }

  /** Emotion and trust: habit, warmth of good service, care, contact, community, surprises, incidents. */
  private feel(i: number): void {
    const p = this.pop;
    const l = this.lev;
    const P = PERCEPTION;
    const seg = p.segment[i];
    let f = p.flags[i];
    // Position the stream only when a lever will draw from it (a hash saved per customer otherwise).
    const emo =
      l.careProbability > 0 || l.community > 0 || f & Flag.MEMBER ? this.emo.at(i, this.t) : this.emo;
    const member = f & Flag.MEMBER ? l.community : 0;
    let B = p.bond[i];
    // Room to grow, scaled by how readily a bond takes hold after this customer's experience.
    const room = (1 - B) * bondReceptivity(p.exper[i], USUAL_LEVELS.experience);
    B += -P.bondDecay * B + P.bondHabit * room + this.dB;
    if (this.nv > 0) B += P.bondWarmth * (this.qMonth - 0.6) * (1 + l.personalisation);
    if (l.careProbability > 0 && emo.next() < l.careProbability) {
      B += P.careGesture * (0.5 + this.segW[3 * seg + 1]) * room;
      this.acc[M.careGestures]++;
    }
    B += (this.contactBond + P.communityBond * member + P.surpriseBond * this.surprised) * room;
    p.bond[i] = B < 0 ? 0 : Math.min(B, 1);
    let T = p.trust[i];
    T +=
      P.trustSpeed *
        (P.trustBase + P.trustFromTransparency * l.transparency + P.trustFromStandards * l.standards - T) +
      this.dT;
    p.trust[i] = T < 0 ? 0 : Math.min(T, 1);
    if (l.community > 0) {
      if (!(f & Flag.MEMBER) && emo.next() < joinProbability(l.community, p.bond[i], this.segSocial[seg]))
        f |= Flag.MEMBER;
    } else if (f & Flag.MEMBER && emo.next() < COMMUNITY.leaveWhenOff) f &= ~Flag.MEMBER;
    p.flags[i] = l.tiers && p.recent[i] >= TIER_THRESHOLD ? f | Flag.TIER : f & ~Flag.TIER;
    const dim = dimensionScore(this.mix[seg], p.value[i], p.bond[i], p.exper[i]);
    this.dim = dim;
    const sc = recommendScore(p.sat[i], dim, p.generosity[i]);
    p.score[i] = sc;
    // Advocates are promoters who have brought someone in within the year (the ladder's top rung).
    const ref = p.lastRefTick[i];
    const referred = ref !== NEVER && ref >= this.t - 11;
    if (p.stage[i] === Stage.REPEAT && sc >= 9 && referred) p.stage[i] = Stage.ADVOCATE;
    else if (p.stage[i] === Stage.ADVOCATE && (sc < 8 || !referred)) p.stage[i] = Stage.REPEAT;
  }

  /** Word of mouth: promoters refer a contact; silent sufferers who would not recommend warn others. */
  private talk(i: number): void {
    const p = this.pop;
    const l = this.lev;
    const W = WORD_OF_MOUTH;
    const sc = p.score[i];
    const member = p.flags[i] & Flag.MEMBER ? l.community : 0;
    const pr = referralProbability(sc, this.segSocial[p.segment[i]], member, p.stage[i] === Stage.ADVOCATE);
    const warn = this.silentSev > 0 && sc <= 6;
    if (pr === 0 && !warn) return;
    const wom = this.wom.at(i, this.t);
    const { offsets, targets } = this.net;
    const o = offsets[i];
    const deg = offsets[i + 1] - o;
    const { stage, attitude } = p;
    if (pr > 0 && deg > 0 && wom.next() < pr) {
      const j = targets[o + Math.floor(wom.next() * deg)];
      const sj = stage[j];
      const lapsed = sj === Stage.LAPSED;
      // A calibrated customer's dropout is for good (BG/NBD): word of mouth does not undo it.
      const winback = this.cal ? 0 : W.referralWinback;
      const accept = lapsed ? winback : sj < Stage.FIRST ? referralAcceptance(attitude[j]) : 0;
      if (accept > 0 && wom.next() < accept) {
        this.acquire(j, Source.REFERRAL, lapsed ? l.discountLapsed : l.discountNew);
        p.lastRefTick[i] = this.t;
        p.referrals[i]++;
        this.acc[M.referrals]++;
      } else if (sj < Stage.FIRST) {
        attitude[j] = clamp01(attitude[j] + W.referralWarmth);
        if (sj === Stage.SUSPECT) {
          stage[j] = Stage.PROSPECT;
          p.pressure[j] = 0;
          if (j < i) {
            this.acc[M.suspects]--;
            this.acc[M.prospects]++;
          }
        }
      }
    }
    if (!warn) return;
    if (deg > 0 && wom.next() < W.warnProbability) {
      const j = targets[o + Math.floor(wom.next() * deg)];
      if (stage[j] < Stage.FIRST) attitude[j] = clamp01(attitude[j] - W.warnAttitudeLoss);
      else if (stage[j] !== Stage.LAPSED) p.bond[j] = clamp01(p.bond[j] - W.warnBondLoss);
    }
    if (wom.next() < W.onlineReviewPerSeverity * this.silentSev) {
      const reach = this.scenario.population.network.onlineReach;
      for (let r = 0; r < reach; r++) {
        const j = Math.floor(wom.next() * p.n);
        if (stage[j] < Stage.FIRST) attitude[j] = clamp01(attitude[j] - W.onlineAttitudeLoss);
      }
    }
  }

  /** Churn: the hazard falls with loyalty; competitors pull on the price-sensitive and weakly bonded. */
  private leaves(i: number): boolean {
    const p = this.pop;
    const l = this.lev;
    const f = p.flags[i];
    const S = p.sat[i];
    if (this.cal) {
      // Calibrated: customers leave only by dropping out after a purchase (decided in serve()).
      if (!this.dropped) return false;
    } else {
      // The dimensions as feel() left them this month (nothing since has changed this customer's own).
      const L = loyaltyFrom(this.dim, S, p.trust[i]);
      const lock = lockIn((f & Flag.TIER) !== 0, l.pointsReward, (f & Flag.MULTICHANNEL) !== 0);
      if (
        this.chn.at(i, this.t).next() >= churnHazard(L, S, p.priceSens[i], this.dim, this.competitorNow, lock)
      )
        return false;
    }
    p.stage[i] = Stage.LAPSED;
    p.pressure[i] = 0;
    p.flags[i] = f & ~(Flag.MEMBER | Flag.TIER);
    return true;
  }

  /** Turns this month's counters into the reported metrics. */
  private finishMonth(leavers: number): void {
    const s = this.scenario;
    const t = this.t;
    const T = this.months;
    const acc = this.acc;
    const out = this.metrics;
    const l = this.lev;
    const row = (k: number) => k * T + t;
    const prev = (metric: number, lag: number) => (t - lag >= 0 ? out[metric * T + t - lag] : Number.NaN);

    const sc = this.scores;
    let active = 0;
    for (let k = 0; k <= 10; k++) active += sc[k];
    acc[M.active] = active;
    acc[M.promoters] = sc[9] + sc[10];
    acc[M.detractors] = sc[0] + sc[1] + sc[2] + sc[3] + sc[4] + sc[5] + sc[6];
    acc[M.healthGood] = sc[8] + acc[M.promoters];
    acc[M.healthPoor] = acc[M.detractors] - sc[6];
    acc[M.healthAverage] = sc[6] + sc[7];
    const aux = this.aux;
    const existingStart = aux[EXISTING];
    const perActive = (k: number) => (active > 0 ? acc[k] / active : 0);
    for (let k = 0; k < METRICS.length; k++) out[row(k)] = acc[k];
    for (const k of [
      M.satisfaction,
      M.satisfiedShare,
      M.value,
      M.bond,
      M.experience,
      M.trust,
      M.promoters,
      M.detractors,
      M.healthGood,
      M.healthAverage,
      M.healthPoor,
      M.referrerShare,
    ]) {
      out[row(k)] = perActive(k);
    }
    out[row(M.nps)] = 100 * (perActive(M.promoters) - perActive(M.detractors));
    out[row(M.retention)] = existingStart > 0 ? 1 - acc[M.churned] / existingStart : 1;
    out[row(M.repurchase)] = existingStart > 0 ? acc[M.repurchase] / existingStart : 0;
    out[row(M.loyalty)] = existingStart > 0 ? acc[M.loyalty] / existingStart : Number.NaN;
    const members = aux[MEMBER_START];
    const rate = (num: number, den: number) => (den > 0 ? num / den : Number.NaN);
    out[row(M.memberRepurchase)] = rate(acc[M.memberRepurchase], members);
    out[row(M.nonMemberRepurchase)] = rate(acc[M.nonMemberRepurchase], existingStart - members);
    out[row(M.complainantRepurchase)] = rate(acc[M.complainantRepurchase], aux[COMPLAINANT_START]);
    out[row(M.nonComplainantRepurchase)] = rate(acc[M.nonComplainantRepurchase], aux[RECENT_GUEST_START]);
    out[row(M.repeatPurchaseShare)] = rate(acc[M.repeatPurchaseShare], acc[M.repurchase]);
    out[row(M.discountAcquiredChurn)] = rate(acc[M.discountAcquiredChurn], aux[DISCOUNT_ACQUIRED_START]);
    out[row(M.otherNewChurn)] = rate(acc[M.otherNewChurn], aux[OTHER_NEW_START]);
    out[row(M.memberReferrerShare)] = rate(aux[MEMBER_REFERRERS], acc[M.members]);
    out[row(M.nonMemberReferrerShare)] = rate(
      acc[M.referrerShare] - aux[MEMBER_REFERRERS],
      active - acc[M.members],
    );
    out[row(M.renewal12)] = t >= 12 ? rate(acc[M.renewal12], prev(M.active, 12)) : Number.NaN;
    let fromReferral = 0;
    let allNew = 0;
    for (let k = Math.max(0, t - 11); k <= t; k++) {
      const src = k === t ? acc : null;
      const get = (m: number) => (src ? src[m] : out[m * T + k]);
      fromReferral += get(M.newReferral);
      allNew += get(M.newReferral) + get(M.newOrganic) + get(M.newMarketing) + get(M.newDiscount);
    }
    out[row(M.referralRate)] = rate(fromReferral, allNew);

    // Money.
    let levers = 0;
    const lv = s.levers;
    const events: Record<string, number> = {
      discount: 0,
      points: 0,
      personalisation: 0,
      knowledgeServices: 0,
      careGestures: acc[M.careGestures],
      community: 0,
      proactiveContact: active * l.contactsPerMonth,
      transparency: acc[M.callbacks],
      complaintHandling: acc[M.voiced] + acc[M.callbacks],
      serviceStandards: 0,
      empowerment: aux[SURPRISES],
      training: l.trainingHours * s.staff.headcount,
    };
    for (const name of LEVER_NAMES) {
      const perCustomerBase =
        name === 'community' ? acc[M.members] : name === 'points' && l.tiers ? acc[M.tierMembers] : active;
      let c = leverCost(lv[name].cost, l.on[name], perCustomerBase, events[name], levelShare(name, l));
      if (name === 'points') c += acc[M.pointsCost];
      if (name === 'complaintHandling') c += acc[M.compensationCost];
      if (name === 'training') c += l.incentive * s.staff.wagePerMonth * s.staff.headcount;
      out[row(M[`cost.${name}`])] = c;
      levers += c;
    }
    out[row(M.leverCost)] = levers;
    out[row(M.acquisitionCost)] = s.market.acquisitionSpendPerMonth;
    out[row(M.staffCost)] = s.staff.headcount * s.staff.wagePerMonth + leavers * s.staff.hiringCost;
    out[row(M.fixedCost)] = s.economics.fixedCostsPerMonth;
    out[row(M.profit)] =
      acc[M.grossMargin] -
      levers -
      s.market.acquisitionSpendPerMonth -
      out[row(M.staffCost)] -
      s.economics.fixedCostsPerMonth;
    let skill = 0;
    let morale = 0;
    for (let k = 0; k < this.staff.h; k++) {
      skill += this.staff.skill[k];
      morale += this.staff.morale[k];
    }
    out[row(M.staffSkill)] = skill / this.staff.h;
    out[row(M.staffMorale)] = morale / this.staff.h;
    out[row(M.staffTurnover)] = leavers / this.staff.h;
  }

  /** Runs the remaining months. */
  run(): RunResult {
    while (!this.done) this.step();
    return this.result();
  }

  /** What the run produced; per-customer figures cover everyone who bought during it. */
  result(): RunResult {
    const p = this.pop;
    const segs = this.scenario.population.segments;
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
      scenarioName: this.scenario.name,
      seed: this.options.seed,
      replication: this.options.replication,
      months: this.months,
      metrics: this.metrics,
      cohortSize: this.cohortSize,
      cohortActive: this.cohortActive,
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
