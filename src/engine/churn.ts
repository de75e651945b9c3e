/**
 * Churn and win-back. A customer's loyalty is the segment-weighted sum of the three dimensions, with
 * satisfaction and trust; the monthly hazard of leaving falls with it. Competitors pull hardest on
 * price-sensitive customers with a weak bond. Switching costs (tiers, points, several channels) hold
 * customers without making them any happier (spurious loyalty).
 */
export const CHURN = {
  floor: 0.006,
  loyaltyWeight: 0.12,
  /** Satisfaction below this adds an exit push. */
  dissatisfiedBelow: 0.3,
  dissatisfiedPush: 0.15,
  competitorPull: 0.08,
  tierLock: 0.2,
  pointsLock: 1.5,
  multiChannelLock: 0.2,
  // win-back of lapsed customers, per month
  winbackBase: 0.008,
  winbackBond: 0.02,
  winbackDiscount: 0.3,
  winbackContact: 0.01,
};

export function loyalty(
  wValue: number,
  wEmotion: number,
  wExperience: number,
  value: number,
  bond: number,
  exper: number,
  sat: number,
  trust: number,
): number {
  return 0.55 * (wValue * value + wEmotion * bond + wExperience * exper) + 0.25 * sat + 0.2 * trust;
}

export function churnHazard(
  loyaltyScore: number,
  sat: number,
  priceSens: number,
  bond: number,
  competitor: number,
  lockIn: number,
): number {
  const c = CHURN;
  const gap = 1 - loyaltyScore;
  let h = c.floor + c.loyaltyWeight * gap * gap + c.competitorPull * competitor * priceSens * (1 - bond);
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
