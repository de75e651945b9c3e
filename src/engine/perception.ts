/**
 * The three dimensions and satisfaction (价值 value, 情感 emotion, 体验 experience), each on 0–1.
 * Satisfaction follows expectation–disconfirmation (Oliver 1980): this month's performance against an
 * expectation that adapts to what the customer has come to receive.
 */
export const PERCEPTION = {
  // value
  valueBase: 0.2,
  valueFromExperience: 0.45,
  valueFromPersonalisation: 0.1,
  /**
   * Trust makes personalisation feel like value (the personalisation paradox): its value × (trust ÷
   * usual trust)^this. 0 would make personalisation worth the same to a wary customer.
   */
  trustMakesPersonalValue: 1,
  /** The trust of a customer of an ordinary business (default world's median). */
  usualTrust: 0.45,
  valueFromKnowledge: 0.08,
  /** Points are worth their cash value to the customer, discounted because they are deferred. */
  valueFromPoints: 1.5,
  valueFromTier: 0.05,
  /** Price against the market, and against the customer's reference price (loss aversion ×2). */
  priceLevelWeight: 0.8,
  priceGainWeight: 0.8,
  priceLossWeight: 2.5,
  valueSpeed: 0.3,
  referenceSpeed: 0.2,
  // experience and satisfaction
  experienceSpeed: 0.35,
  perfFromQuality: 0.7,
  disconfirmation: 0.7,
  satisfactionSpeed: 0.5,
  expectationSpeed: 0.15,
  // emotion
  bondDecay: 0.03,
  bondHabit: 0.012,
  bondWarmth: 0.05,
  careGesture: 0.08,
  contactGain: 0.03,
  /** Contacts beyond this many a month start to annoy (fatigue). */
  contactSaturation: 4,
  communityBond: 0.05,
  surpriseBond: 0.05,
  recoveryBond: 0.12,
  silentBondLoss: 0.08,
  poorHandlingBondLoss: 0.1,
  lapsedBondDecay: 0.04,
  /**
   * A good experience makes a bond form faster: the month's bond gains × (1 + this × (experience ÷
   * its usual level − 1)). 0 would make bonding blind to how the customer is served.
   */
  experienceOpensBond: 1,
  // trust
  trustSpeed: 0.08,
  trustBase: 0.45,
  trustFromTransparency: 0.3,
  trustFromStandards: 0.15,
  trustLoss: 0.12,
  // recommendation (0–10)
  ltrBase: 0.5,
  ltrScale: 0.5,
};

export function valueTarget(
  experience: number,
  personalisation: number,
  trust: number,
  knowledge: number,
  pointsReward: number,
  tier: boolean,
  priceSens: number,
  pricePaid: number,
  refPrice: number,
): number {
  const p = PERCEPTION;
  const gap = pricePaid - refPrice;
  const pricePain =
    priceSens *
    (p.priceLevelWeight * (pricePaid - 1) + (gap > 0 ? p.priceLossWeight : p.priceGainWeight) * gap);
  const v =
    p.valueBase +
    p.valueFromExperience * experience +
    p.valueFromPersonalisation * personalisation * trustedShare(trust) +
    p.valueFromKnowledge * knowledge +
    p.valueFromPoints * pointsReward +
    (tier ? p.valueFromTier : 0) -
    pricePain;
  return v < 0 ? 0 : Math.min(v, 1);
}

/** How much of personalisation's value a customer with this trust takes as value (1 at usual trust). */
export function trustedShare(trust: number): number {
  const p = PERCEPTION;
  return (trust / p.usualTrust) ** p.trustMakesPersonalValue;
}

/**
 * How readily this month's bond gains take hold, from the customer's experience memory (1 at its usual
 * level, never below 0).
 */
export function bondReceptivity(experience: number, usualExperience: number): number {
  const r = 1 + PERCEPTION.experienceOpensBond * (experience / usualExperience - 1);
  return r < 0 ? 0 : r;
}

/** This month's satisfaction: performance, plus the surprise (or disappointment) against expectation. */
export function monthSatisfaction(quality: number, value: number, expectation: number): number {
  const p = PERCEPTION;
  const perf = p.perfFromQuality * quality + (1 - p.perfFromQuality) * value;
  const s = perf + p.disconfirmation * (perf - expectation);
  return s < 0 ? 0 : Math.min(s, 1);
}

export function performance(quality: number, value: number): number {
  return PERCEPTION.perfFromQuality * quality + (1 - PERCEPTION.perfFromQuality) * value;
}

/** Bond gained from proactive contact at this rate; negative past saturation (contact fatigue). */
export function contactEffect(perMonth: number): number {
  const p = PERCEPTION;
  return p.contactGain * perMonth * (1 - perMonth / p.contactSaturation);
}

/**
 * Likelihood to recommend, 0–10, from satisfaction and the three dimensions combined (the same
 * combination as loyalty, so the synergy dial reaches recommendation too), plus the person's own
 * leniency.
 */
export function recommendScore(sat: number, dimensions: number, generosity: number): number {
  const p = PERCEPTION;
  const x = p.ltrBase + p.ltrScale * (0.3 * sat + 0.7 * dimensions) + generosity;
  const s = Math.round(10 * x);
  return s < 0 ? 0 : Math.min(s, 10);
}

/** Customer health (good / average / poor) from the recommend score. */
export function health(score: number): 0 | 1 | 2 {
  return score >= 8 ? 0 : score >= 6 ? 1 : 2;
}
