/** Loyalty ladder (客户忠诚阶梯). Order matters: ACTIVE stages are FIRST..ADVOCATE. */
export const Stage = {
  SUSPECT: 0,
  PROSPECT: 1,
  FIRST: 2,
  REPEAT: 3,
  ADVOCATE: 4,
  LAPSED: 5,
} as const;
export type Stage = (typeof Stage)[keyof typeof Stage];
export const STAGE_NAMES = ['suspect', 'prospect', 'first', 'repeat', 'advocate', 'lapsed'] as const;

/** How a customer was (last) acquired. */
export const Source = {
  NONE: 0,
  INITIAL: 1,
  ORGANIC: 2,
  MARKETING: 3,
  REFERRAL: 4,
  DISCOUNT: 5,
  WINBACK: 6,
} as const;
export type Source = (typeof Source)[keyof typeof Source];
export const SOURCE_NAMES = [
  'none',
  'initial',
  'organic',
  'marketing',
  'referral',
  'discount',
  'winback',
] as const;

/** Flag bits in `flags`. */
export const Flag = {
  MEMBER: 1, // in the community
  MULTICHANNEL: 2,
  TIER: 4, // in the upper membership tier
  DISCOUNT_ACQUIRED: 8, // first came while a new-customer discount ran
  COMPLAINED: 16, // voiced a complaint in the last 12 months
  EVER_CUSTOMER: 32,
} as const;

export const NEVER = -32768;

/**
 * All customers' state, one typed array per field (structure of arrays). Traits are fixed at birth;
 * the rest evolves. Values on 0–1 scales unless noted.
 */
export interface Population {
  n: number;
  // traits
  segment: Uint8Array;
  rate: Float32Array; // base visits per month
  spend: Float32Array; // mean spend per visit (money)
  priceSens: Float32Array;
  tolerance: Float32Array;
  complainProp: Float32Array;
  generosity: Float32Array; // idiosyncratic offset of the 0–10 recommend score
  inertia: Float32Array; // Exp(1): accumulated hazard needed to act (hear of us, buy, come back)
  dropout: Float32Array; // calibrated populations: chance of dropping out after a purchase (BG/NBD p)
  // evolving
  stage: Uint8Array;
  source: Uint8Array;
  flags: Uint8Array;
  attitude: Float32Array; // a non-customer's disposition towards the business
  pressure: Float32Array; // hazard accumulated in the current stage; acts when it reaches inertia
  value: Float32Array; // perceived value 感知价值
  bond: Float32Array; // emotional bond 情感连接
  exper: Float32Array; // experience memory 体验
  sat: Float32Array; // satisfaction 满意度
  satSlow: Float32Array; // satisfaction smoothed over months: its trend is sat − satSlow (health.ts)
  expect: Float32Array; // adaptive expectation
  trust: Float32Array;
  refPrice: Float32Array; // reference price, as a fraction of list price
  recent: Float32Array; // exponentially weighted visits (tier qualification)
  score: Uint8Array; // last 0–10 likelihood to recommend
  firstTick: Int16Array; // month of first purchase (cohort), NEVER if none
  acqTick: Int16Array; // month of the latest (re)acquisition
  lastVisitTick: Int16Array;
  lastRefTick: Int16Array; // month of the latest successful referral
  lastComplaintTick: Int16Array;
  lastUnresolvedTick: Int16Array; // month of the latest complaint heard but not put right
  health: Uint8Array; // customer-health score 0–100 at the end of the last month (UNSCORED before)
  visits: Uint32Array;
  voiced: Uint16Array;
  silent: Uint16Array;
  referrals: Uint16Array;
  revenue: Float64Array; // undiscounted revenue over the run
  clv: Float64Array; // discounted margin over the run (money at month 0)
}

/** Bytes per customer of the arrays above (the network is counted separately). */
export const BYTES_PER_CUSTOMER =
  1 + 4 * 7 + 3 + 4 * 10 + 1 + 2 * 6 + 1 + 4 + 2 * 3 + 8 * 2 + 4 /* network offsets */;

/** health before a customer's first month has been scored. */
export const UNSCORED = 255;

export function allocatePopulation(n: number): Population {
  const f32 = () => new Float32Array(n);
  const i16 = () => new Int16Array(n).fill(NEVER);
  return {
    n,
    segment: new Uint8Array(n),
    rate: f32(),
    spend: f32(),
    priceSens: f32(),
    tolerance: f32(),
    complainProp: f32(),
    generosity: f32(),
    inertia: f32(),
    dropout: f32(),
    stage: new Uint8Array(n),
    source: new Uint8Array(n),
    flags: new Uint8Array(n),
    attitude: f32(),
    pressure: f32(),
    value: f32(),
    bond: f32(),
    exper: f32(),
    sat: f32(),
    satSlow: f32(),
    expect: f32(),
    trust: f32(),
    refPrice: f32(),
    recent: f32(),
    score: new Uint8Array(n),
    firstTick: i16(),
    acqTick: i16(),
    lastVisitTick: i16(),
    lastRefTick: i16(),
    lastComplaintTick: i16(),
    lastUnresolvedTick: i16(),
    health: new Uint8Array(n).fill(UNSCORED),
    visits: new Uint32Array(n),
    voiced: new Uint16Array(n),
    silent: new Uint16Array(n),
    referrals: new Uint16Array(n),
    revenue: new Float64Array(n),
    clv: new Float64Array(n),
  };
}

export const isActive = (stage: number): boolean => stage >= Stage.FIRST && stage <= Stage.ADVOCATE;
