/**
 * Acquisition (获客): suspects become aware by themselves, by marketing, or by word of mouth; aware
 * prospects buy by themselves, when reached by marketing, or when referred. A new-customer discount
 * raises conversion in proportion to price sensitivity, so it recruits the price-driven.
 */
export const ACQUISITION = {
  /** Conversion scales with attitude: ×2·attitude, so a neutral (0.5) prospect converts at the base rate. */
  attitudeScale: 2,
  discountPull: 6,
  competitorDrag: 0.5,
  /** Marketing that reaches a lapsed customer wins them back at this fraction of the lead rate. */
  lapsedReach: 0.5,
  // a new customer's starting state
  startBond: 0.1,
  referralBond: 0.08,
  startExperience: 0.65,
  startTrust: 0.5,
};

export function conversionProbability(
  base: number,
  attitude: number,
  priceSens: number,
  discount: number,
  competitor: number,
  season: number,
): number {
  const a = ACQUISITION;
  const p =
    base *
    a.attitudeScale *
    attitude *
    (1 + a.discountPull * discount * priceSens) *
    (1 - a.competitorDrag * competitor) *
    season;
  return p < 0 ? 0 : Math.min(p, 1);
}
