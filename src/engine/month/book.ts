/** The month's money, visits and reviews for a customer who came. */
import { M } from '../metrics.ts';
import { Stage } from '../state.ts';
import { recordSpend } from './audience.ts';
import { Aux, POINTS_REDEMPTION, RECENT_DECAY, type World } from './world.ts';

export function book(w: World, i: number, who: number): void {
  const p = w.pop;
  const l = w.lev;
  const acc = w.acc;
  const c = w.cur;
  const nv = c.nv;
  const d = c.d;
  const spend = p.spend[i];
  const rev = nv * spend * l.price * (1 - d);
  const margin = rev - nv * spend * l.price * w.variableCostShare;
  const redeemed = rev * l.pointsReward * POINTS_REDEMPTION;
  const compensation = c.compensation;
  acc[M.revenue] += rev;
  acc[M.grossMargin] += margin;
  acc[M.discountCost] += nv * spend * l.price * d;
  acc[M.pointsCost] += redeemed;
  acc[M.compensationCost] += compensation;
  acc[M.visits] += nv;
  w.aux[Aux.SURPRISES] += c.surprised;
  p.revenue[i] += rev;
  recordSpend(w, i, rev);
  p.clv[i] += (margin - redeemed - compensation) * w.now.discountFactor;
  p.visits[i] += nv;
  p.lastVisitTick[i] = w.t;
  p.recent[i] = RECENT_DECAY * p.recent[i] + nv;
  w.staff.served[who] += nv;
  const review = 0.1 * Math.max(0, (c.quality - 0.6) / 0.4) + (c.surprised > 0 ? 0.25 : 0);
  if (w.enc.next() < review) {
    acc[M.goodReviews]++;
    w.staff.praised[who]++;
  }
  if (p.stage[i] === Stage.FIRST) p.stage[i] = Stage.REPEAT;
}
