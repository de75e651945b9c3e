/** A person becomes a customer: a prospect's first purchase, or a lapsed customer's return. */
import { ACQUISITION } from '../acquisition.ts';
import { dimensionScore } from '../churn.ts';
import { M } from '../metrics.ts';
import { recommendScore } from '../perception.ts';
import { clamp01 } from '../population.ts';
import { Flag, Source, Stage } from '../state.ts';
import { recordSpend } from './audience.ts';
import { countActive } from './tally.ts';
import { POINTS_REDEMPTION, type World } from './world.ts';

export function acquire(w: World, j: number, source: Source, discount: number): void {
  const p = w.pop;
  const t = w.t;
  const acc = w.acc;
  const old = p.stage[j];
  const behind = j < w.cursor;
  if (behind) acc[old === Stage.SUSPECT ? M.suspects : old === Stage.PROSPECT ? M.prospects : M.lapsed]--;
  const winback = old === Stage.LAPSED;
  p.stage[j] = winback ? Stage.REPEAT : Stage.FIRST;
  p.source[j] = winback ? Source.WINBACK : source;
  p.acqTick[j] = t;
  if (!winback) {
    p.firstTick[j] = t;
    w.cohortSize[t]++;
    p.flags[j] |= Flag.EVER_CUSTOMER;
    if (source === Source.DISCOUNT) p.flags[j] |= Flag.DISCOUNT_ACQUIRED;
    const a = ACQUISITION;
    p.value[j] = clamp01(0.5 + 0.3 * (p.attitude[j] - 0.5));
    p.bond[j] = a.startBond + (source === Source.REFERRAL ? a.referralBond : 0);
    p.exper[j] = a.startExperience;
    p.sat[j] = a.startExperience;
    p.satSlow[j] = a.startExperience;
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
  const l = w.lev;
  const paid = l.price * (1 - discount);
  p.refPrice[j] = paid;
  const rev = p.spend[j] * paid;
  const margin = rev - p.spend[j] * l.price * w.variableCostShare;
  const redeemed = rev * l.pointsReward * POINTS_REDEMPTION;
  acc[M.revenue] += rev;
  acc[M.grossMargin] += margin;
  acc[M.discountCost] += p.spend[j] * l.price * discount;
  acc[M.pointsCost] += redeemed;
  acc[M.visits]++;
  p.visits[j]++;
  p.revenue[j] += rev;
  recordSpend(w, j, rev);
  p.clv[j] += (margin - redeemed) * w.now.discountFactor;
  p.lastVisitTick[j] = t;
  const dim = dimensionScore(w.mix[p.segment[j]], p.value[j], p.bond[j], p.exper[j]);
  p.score[j] = recommendScore(p.sat[j], dim, p.generosity[j]);
  if (behind) countActive(w, j);
}
