/**
 * Word of mouth, both ways (口碑, 转介绍). Promoters refer contacts; referred prospects convert more
 * readily than cold leads. Detractors who suffered in silence warn a contact, and sometimes post a
 * review online that reaches people beyond their own contacts.
 */
export const WORD_OF_MOUTH = {
  /** Monthly chance of a referral attempt per point of recommend score above 8. */
  referralPerPoint: 0.03,
  communityReferralBoost: 0.2,
  advocateReferralBoost: 0.3,
  /** A referred prospect's chance to buy: base plus attitude. */
  referralAcceptBase: 0.25,
  referralAcceptAttitude: 0.45,
  referralWinback: 0.3,
  /** A referral that does not convert still warms the contact. */
  referralWarmth: 0.1,
  // negative
  warnProbability: 0.3,
  warnAttitudeLoss: 0.1,
  warnBondLoss: 0.03,
  onlineReviewPerSeverity: 0.05,
  onlineAttitudeLoss: 0.02,
};

export function referralProbability(
  score: number,
  socialActivity: number,
  member: number,
  advocate: boolean,
): number {
  if (score < 9) return 0;
  const w = WORD_OF_MOUTH;
  const p =
    w.referralPerPoint *
    (score - 8) *
    socialActivity *
    (1 + w.communityReferralBoost * member) *
    (advocate ? 1 + w.advocateReferralBoost : 1);
  return Math.min(p, 1);
}

export function referralAcceptance(attitude: number): number {
  return WORD_OF_MOUTH.referralAcceptBase + WORD_OF_MOUTH.referralAcceptAttitude * attitude;
}
