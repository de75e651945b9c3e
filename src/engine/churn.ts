/**
 * Churn and win-back. A customer's loyalty is the three dimensions combined (a normalised CES whose
 * exponent is the scenario's synergy dial), with satisfaction and trust; the monthly hazard of leaving
 * falls with it. Competitors pull hardest on price-sensitive customers whose combined attachment is weak. Switching costs (tiers, points, several channels) hold
 * customers without making them any happier (spurious loyalty).
 */
export const CHURN = {
  floor: 0.006,
  loyaltyWeight: 0.12,
  /** Satisfaction below this adds an exit push. */
  dissatisfiedBelow: 0.3,
  dissatisfiedPush: 0.15,
  competitorPull: 0.125,
  tierLock: 0.2,
  pointsLock: 1.5,
  multiChannelLock: 0.2,
  // win-back of lapsed customers, per month
  winbackBase: 0.008,
  winbackBond: 0.02,
  winbackDiscount: 0.3,
  winbackContact: 0,
};

/**
 * The usual level of each dimension for a customer of an ordinary business (the default world's
 * active customers, medians): the point at which the combination is normalised.
 */
export const USUAL_LEVELS = { value: 0.5, bond: 0.2, experience: 0.65 };

/**
 * How one segment's three dimensions combine: a normalised CES (weighted power mean). Each dimension
 * is first measured against its usual level, so a customer at the usual levels scores the same at
 * every setting and the dial only decides what imbalance is worth:
 *   D = D₀ · (Σ πₖ·(xₖ/x₀ₖ)^ρ)^(1/ρ),  D₀ = Σ wₖ·x₀ₖ,  πₖ = wₖ·x₀ₖ / D₀.
 * ρ = 1 is exactly the weighted sum Σ wₖ·xₖ; ρ → 0 the weighted geometric mean; ρ → −∞ the weakest
 * dimension (relative to its usual level) alone.
 */
export interface DimensionMix {
  rho: number;
  /** The segment's weights (normalised to sum 1). */
  w: [number, number, number];
  /** Shares πₖ at the usual levels, and D₀. */
  pi: [number, number, number];
  d0: number;
  /** ρ = −1 written out: D = 1 / Σ hₖ/xₖ with hₖ = πₖ·x₀ₖ/D₀ (no Math.pow on the hottest path). */
  h: [number, number, number];
}

export function dimensionMix(
  wValue: number,
  wEmotion: number,
  wExperience: number,
  rho: number,
): DimensionMix {
  const x0 = [USUAL_LEVELS.value, USUAL_LEVELS.bond, USUAL_LEVELS.experience];
  const w: [number, number, number] = [wValue, wEmotion, wExperience];
  const d0 = w[0] * x0[0] + w[1] * x0[1] + w[2] * x0[2];
  const pi = w.map((wk, k) => (wk * x0[k]) / d0) as [number, number, number];
  const h = pi.map((pk, k) => (pk * x0[k]) / d0) as [number, number, number];
  return { rho, w, pi, d0, h };
}

/** The three dimensions combined by a segment's mix (see DimensionMix). */
export function dimensionScore(m: DimensionMix, value: number, bond: number, exper: number): number {
  const rho = m.rho;
  const w = m.w;
  if (rho === 1) return w[0] * value + w[1] * bond + w[2] * exper;
  const pi = m.pi;
  // A dimension the segment does not weigh cannot drag the score down, even at zero.
  const zero = (value <= 0 && pi[0] > 0) || (bond <= 0 && pi[1] > 0) || (exper <= 0 && pi[2] > 0);
  if (zero && rho <= 0) return 0;
  if (rho === -1) {
    const h = m.h;
    // An unweighted dimension at zero would give 0/0.
    return 1 / ((h[0] > 0 ? h[0] / value : 0) + (h[1] > 0 ? h[1] / bond : 0) + (h[2] > 0 ? h[2] / exper : 0));
  }
  const u = USUAL_LEVELS;
  if (rho === 0) {
    let l = 0;
    if (pi[0] > 0) l += pi[0] * Math.log(value / u.value);
    if (pi[1] > 0) l += pi[1] * Math.log(bond / u.bond);
    if (pi[2] > 0) l += pi[2] * Math.log(exper / u.experience);
    return m.d0 * Math.exp(l);
  }
  let s = 0;
  if (pi[0] > 0) s += pi[0] * (value / u.value) ** rho;
  if (pi[1] > 0) s += pi[1] * (bond / u.bond) ** rho;
  if (pi[2] > 0) s += pi[2] * (exper / u.experience) ** rho;
  return m.d0 * s ** (1 / rho);
}

/** The dial's exponent: synergy s gives ρ = 1 − s (0 additive, 1 geometric, 2 harmonic, large: weakest link). */
export function synergyExponent(synergy: number): number {
  return 1 - synergy;
}

/** Loyalty: the three dimensions (combined by the segment's mix), satisfaction and trust. */
export function loyalty(
  mix: DimensionMix,
  value: number,
  bond: number,
  exper: number,
  sat: number,
  trust: number,
): number {
  return loyaltyFrom(dimensionScore(mix, value, bond, exper), sat, trust);
}

/** Loyalty from the dimensions already combined. */
export function loyaltyFrom(dimensions: number, sat: number, trust: number): number {
  return 0.8 * dimensions + 0.1 * sat + 0.1 * trust;
}

export function churnHazard(
  loyaltyScore: number,
  sat: number,
  priceSens: number,
  /** The three dimensions combined (dimensionScore). */
  attachment: number,
  competitor: number,
  lockIn: number,
): number {
  const c = CHURN;
  const gap = 1 - loyaltyScore;
  let h =
    c.floor + c.loyaltyWeight * gap * gap + c.competitorPull * competitor * priceSens * (1 - attachment);
  if (sat < c.dissatisfiedBelow) h += c.dissatisfiedPush * (c.dissatisfiedBelow - sat);
  h *= 1 - lockIn;
  return h < 0 ? 0 : Math.min(h, 1);
}

/** The share by which switching costs cut the hazard, 0–0.7. */
export function lockIn(tier: boolean, pointsReward: number, multiChannel: boolean): number {
  const c = CHURN;
  const l =
    (tier ? c.tierLock : 0) +
    Math.min(0.2, c.pointsLock * pointsReward) +
    (multiChannel ? c.multiChannelLock : 0);
  return Math.min(l, 0.7);
}

/**
 * Monthly pull back to the business of a lapsed customer. `ofTheirOwnAccord` false: only levers
 * (a lapsed-customer discount, contact) can bring them back — a calibrated cohort's dropout is final.
 */
export function winbackProbability(
  bond: number,
  priceSens: number,
  discountLapsed: number,
  contacts: number,
  ofTheirOwnAccord = true,
): number {
  const c = CHURN;
  const p =
    (ofTheirOwnAccord ? c.winbackBase + c.winbackBond * bond : 0) +
    c.winbackDiscount * discountLapsed * priceSens +
    c.winbackContact * Math.min(contacts, 2);
  return Math.min(p, 1);
}
