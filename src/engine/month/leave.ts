/** Churn: the hazard falls with loyalty; competitors pull on the price-sensitive and weakly attached (formulas in churn.ts). */
import { churnHazard, lockIn, loyaltyFrom } from '../churn.ts';
import { Flag, Stage } from '../state.ts';
import type { World } from './world.ts';

/** Does customer i leave at the end of this month? If so they become lapsed. */
export function leaves(w: World, i: number): boolean {
  const p = w.pop;
  const l = w.lev;
  const f = p.flags[i];
  const S = p.sat[i];
  if (w.cal) {
    // Calibrated: customers leave only by dropping out after a purchase (decided in visits.ts).
    if (!w.cur.dropped) return false;
  } else {
    // The dimensions as feel() left them this month (nothing since has changed this customer's own).
    const dim = w.cur.dimensions;
    const L = loyaltyFrom(dim, S, p.trust[i]);
    const lock = lockIn((f & Flag.TIER) !== 0, l.pointsReward, (f & Flag.MULTICHANNEL) !== 0);
    if (w.chn.at(i, w.t).next() >= churnHazard(L, S, p.priceSens[i], dim, w.now.competitor, lock))
      return false;
  }
  p.stage[i] = Stage.LAPSED;
  p.pressure[i] = 0;
  p.flags[i] = f & ~(Flag.MEMBER | Flag.TIER);
  return true;
}
