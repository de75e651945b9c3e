/** Every check of docs/evidence.md §2, in the order the validation table shows them. */
import { discountClv, referralClv } from './checks/acquisition.ts';
import { communityLift } from './checks/community.ts';
import { complaintOutcomes, recoveryRetention } from './checks/complaints.ts';
import { annualRetention, baselineNps, retentionOrder, revenueConcentration } from './checks/industries.ts';
import { promotionActive, promotionSales } from './checks/promotion.ts';
import { strongPlanNps, strongPlanReferrals } from './checks/strongPlan.ts';
import { threeTogetherProfit, threeTogetherRetention } from './checks/threeTogether.ts';
import { retentionElasticity } from './checks/value.ts';
import { wordOfMouthBalance } from './checks/wordOfMouth.ts';
import type { Check } from './types.ts';

export const CHECKS: Check[] = [
  discountClv,
  promotionActive,
  promotionSales,
  complaintOutcomes,
  recoveryRetention,
  referralClv,
  wordOfMouthBalance,
  communityLift,
  revenueConcentration,
  baselineNps,
  annualRetention,
  retentionOrder,
  retentionElasticity,
  strongPlanNps,
  strongPlanReferrals,
  threeTogetherRetention,
  threeTogetherProfit,
];

export function checkById(id: string): Check {
  const c = CHECKS.find((x) => x.id === id);
  if (!c) throw new Error(`no validation check "${id}" (known: ${CHECKS.map((x) => x.id).join(', ')})`);
  return c;
}
