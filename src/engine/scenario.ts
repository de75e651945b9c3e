/**
 * The engine's scenario: a plain, fully specified object in the units a manager thinks in
 * (percentages 0–100, money per month, hours). The file format (src/scenario) fills defaults and
 * validates; the engine checks ranges again (validate.ts) because it can be called directly.
 */

/** Months in which a lever is on, 1-based and inclusive. An empty list means "always on". */
export interface Window {
  from: number;
  to: number;
}

/** What a lever costs. Money per month, per active customer per month, per event (gesture, contact, complaint…). */
export interface CostModel {
  fixedPerMonth: number;
  perCustomerPerMonth: number;
  perEvent: number;
}

/** Shown to people and never read by the engine: one text for every language, or one per language. */
export type DisplayText = string | { en?: string; zh?: string };

export interface SegmentSpec {
  id: string;
  label: DisplayText;
  /** Share of the market, % (segments' shares must sum to 100). */
  sharePct: number;
  /** Mean visits per month of a customer of this segment. */
  visitsPerMonth: number;
  /** Gamma shape of the visit rate across customers; smaller = more unequal (BG/NBD's r). */
  visitRateShape: number;
  /** Mean spend per visit (money). */
  spendPerVisit: number;
  /** Gamma shape of customers' mean spend (Gamma-Gamma's p·q spirit): smaller = more unequal. */
  spendShape: number;
  /** Mean price sensitivity / deal proneness, %. */
  priceSensitivityPct: number;
  /** Mean tolerance of service failures, %. */
  failureTolerancePct: number;
  /** Propensity to voice a complaint relative to the population (1 = typical). */
  complainPropensity: number;
  /** Multiplier on the number of social contacts (1 = typical). */
  socialActivity: number;
  /** Share of customers using two or more channels (store, app, delivery…), %. */
  multiChannelPct: number;
  /** Relative importance of the three dimensions to this segment's loyalty (normalised to sum 1). */
  weights: { value: number; emotion: number; experience: number };
}

export type DiscountTarget = 'all' | 'new' | 'lapsed';

/**
 * Who a lever that acts on customers reaches: everyone; one segment; the top `topPct` % of active
 * customers by spend over the last 12 months (re-ranked at the start of every month); customers the
 * health score calls at risk (health.ts); or customers in their first `newMonths` months. Per-customer
 * and per-event costs count only the audience.
 */
export const AUDIENCE_KINDS = ['everyone', 'segment', 'topValue', 'atRisk', 'new'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];
export interface Audience {
  kind: AudienceKind;
  /** For 'segment': the segment's id. */
  segment: string;
  /** For 'topValue': the share of active customers, %. */
  topPct: number;
  /** For 'new': months since the first purchase. */
  newMonths: number;
}

export interface Levers {
  // value 价值
  /** Price level relative to the market, % (100 = market price). */
  pricePct: number;
  discount: { depthPct: number; target: DiscountTarget; schedule: Window[]; cost: CostModel };
  points: { rewardPct: number; tiers: boolean; schedule: Window[]; cost: CostModel };
  personalisation: { levelPct: number; audience: Audience; schedule: Window[]; cost: CostModel };
  knowledgeServices: { levelPct: number; audience: Audience; schedule: Window[]; cost: CostModel };
  // emotion 情感
  careGestures: { perYear: number; audience: Audience; schedule: Window[]; cost: CostModel };
  /** The audience is who may join; members stay members when they leave it. */
  community: { levelPct: number; audience: Audience; schedule: Window[]; cost: CostModel };
  proactiveContact: { perMonth: number; audience: Audience; schedule: Window[]; cost: CostModel };
  // experience 体验
  transparency: { levelPct: number; callbackHours: number; schedule: Window[]; cost: CostModel };
  complaintHandling: {
    easeOfVoicingPct: number;
    responseHours: number;
    resolutionQualityPct: number;
    /** Compensation as % of the visit's spend. */
    compensationPct: number;
    /** Who is compensated (the handling itself is a process and reaches everyone). */
    audience: Audience;
    schedule: Window[];
    cost: CostModel;
  };
  serviceStandards: { levelPct: number; schedule: Window[]; cost: CostModel };
  // organisation 组织保障
  empowerment: { levelPct: number; surpriseFundPerMonth: number; schedule: Window[]; cost: CostModel };
  training: { hoursPerStaffPerMonth: number; incentivePct: number; schedule: Window[]; cost: CostModel };
}

export type LeverName = Exclude<keyof Levers, 'pricePct'>;
/** The levers that act on customers one by one, and so can be aimed at an audience. */
export const AIMED_LEVERS = [
  'personalisation',
  'knowledgeServices',
  'careGestures',
  'community',
  'proactiveContact',
  'complaintHandling',
] as const satisfies readonly LeverName[];
export type AimedLever = (typeof AIMED_LEVERS)[number];
export const LEVER_NAMES: readonly LeverName[] = [
  'discount',
  'points',
  'personalisation',
  'knowledgeServices',
  'careGestures',
  'community',
  'proactiveContact',
  'transparency',
  'complaintHandling',
  'serviceStandards',
  'empowerment',
  'training',
];

export type EventKind = 'priceWar' | 'serviceIncident' | 'competitorEntry';
export interface MarketEvent {
  kind: EventKind;
  from: number;
  to: number;
  intensityPct: number;
}

/**
 * Purchase, dropout and spend heterogeneity fitted to a firm's own customers (BG/NBD and
 * Gamma-Gamma; src/analysis/clv). Each customer buys at rate λ ~ Gamma(r, rate α) per week and, after
 * every purchase, drops out with probability p ~ Beta(a, b); spends p_gg/ν a purchase on average,
 * ν ~ Gamma(q, rate γ). Levers move visits and dropout through the customer's loyalty relative to the
 * same world's loyalty without them (referenceLoyalty), so without levers the fitted process holds.
 */
export interface Calibration {
  r: number;
  alpha: number;
  a: number;
  b: number;
  p: number;
  q: number;
  gamma: number;
  /** Dropout × exp(−elasticity × (loyalty − reference)); visits × the matching loyalty ratio. */
  loyaltyElasticity: number;
  /** Mean loyalty of active customers per month in this world without levers (empty: ratio 1). */
  referenceLoyalty: number[];
}

export interface Scenario {
  name: string;
  horizonMonths: number;
  population: {
    /** Potential customers in the market (suspects, prospects and customers). */
    marketSize: number;
    /** Share of the market that are customers at month 0, %. */
    initialCustomerPct: number;
    /** Share of the market aware of the business at month 0 (prospects), %. */
    initialAwarePct: number;
    segments: SegmentSpec[];
    network: {
      meanContacts: number;
      /** Watts–Strogatz rewiring probability, %. */
      rewiringPct: number;
      /** People an online review reaches beyond direct contacts. */
      onlineReach: number;
    };
    /** A population fitted to a transaction log (see Calibration); null for the segments' own rates. */
    calibration?: Calibration | null;
  };
  service: {
    /** Probability that a visit goes wrong, % (at typical staff skill and no standards). */
    failurePctPerVisit: number;
    /** Mean severity of a failure, % (most failures are minor). */
    meanSeverityPct: number;
  };
  staff: {
    headcount: number;
    initialSkillPct: number;
    initialMoralePct: number;
    newHireSkillPct: number;
    /** Staff leaving per month at typical morale, %. */
    monthlyTurnoverPct: number;
    wagePerMonth: number;
    hiringCost: number;
  };
  market: {
    acquisitionSpendPerMonth: number;
    /** Cost of reaching one prospect with marketing. */
    costPerLead: number;
    /** Share of reached prospects who buy, at neutral attitude, %. */
    leadConversionPct: number;
    /** Share of aware prospects who start buying by themselves each month, %. */
    organicConversionPct: number;
    /** Share of unaware people who hear of the business by themselves each month, %. */
    awarenessGrowthPct: number;
    competitorAttractivenessPct: number;
    seasonalityPct: number;
    seasonalityPeakMonth: number;
    events: MarketEvent[];
  };
  economics: {
    grossMarginPct: number;
    fixedCostsPerMonth: number;
    annualDiscountRatePct: number;
  };
  /** How a customer's three dimensions work together (docs/model.md, "How the dimensions combine"). */
  dimensions: {
    /**
     * Synergy between the three dimensions: 0 adds them up (each counts on its own), 1 is their
     * geometric mean, 2 their harmonic mean, larger values let the weakest one decide; below 0 they
     * substitute for one another (the strongest counts most). The CES exponent is ρ = 1 − synergy.
     */
    synergy: number;
    /**
     * How much a bond changes the sting of a failure that was not put right: a lost bond × (1 +
     * betrayal × bond). Above 0 a close customer feels betrayed; below 0 the bond buffers.
     */
    betrayal: number;
  };
  levers: Levers;
  /**
   * Diagnostics that perturb the world on purpose, to measure causal effects with common random
   * numbers (the same run with and without the probe).
   */
  probes: {
    injectedFailure: { month: number; sharePct: number; severityPct: number } | null;
  };
}

export interface RunOptions {
  seed: number | string;
  replication: number;
  /** Refuse a population whose estimated memory exceeds this (bytes). */
  memoryLimitBytes?: number;
}
