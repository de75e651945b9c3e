/**
 * A non-customer's month. Suspects may hear of the business; aware prospects may buy by themselves;
 * lapsed customers may come back. Each month adds the month's hazard to the person's pressure; they
 * act when it reaches their inertia (an Exp(1) trait), which is a monthly Bernoulli draw with
 * probability 1 − e^(−hazard), drawn once per stage.
 */
import { ACQUISITION } from '../acquisition.ts';
import { winbackProbability } from '../churn.ts';
import { M } from '../metrics.ts';
import { PERCEPTION } from '../perception.ts';
import { Source, Stage } from '../state.ts';
import { acquire } from './acquire.ts';
import { countActive } from './tally.ts';
import type { World } from './world.ts';

/**
 * The awareness hazard is the same every month and suspects are suspects from birth, so a suspect's
 * pressure is (t + 1)·hazard: nothing to store. A suspect hears of the business in the first month
 * this reaches their inertia.
 */
export function hearingThreshold(w: World): number {
  return (w.t + 1) * w.now.awareness;
}

/** A suspect whose pressure reached their inertia becomes a prospect. */
export function hears(w: World, i: number): void {
  w.pop.stage[i] = Stage.PROSPECT;
  w.pop.pressure[i] = 0;
  w.acc[M.prospects]++;
}

/**
 * The pull on prospects this month: organic hazard, and the new-customer discount's extra pull per
 * unit of price sensitivity. Resolved once a month (everyone in simulate.ts holds it in locals).
 */
export function prospectPull(w: World): { organic: number; discount: number; pull: number } {
  const d = w.lev.discountNew;
  return { organic: w.now.organic, discount: d, pull: ACQUISITION.discountPull * d };
}

/**
 * A prospect's month: the pull to buy builds up against their inertia. True when they buy (then
 * they are a customer, counted as active); false when they stay a prospect (the caller counts them).
 */
export function prospectBuys(w: World, i: number, organic: number, d: number, pull: number): boolean {
  const p = w.pop;
  const h = organic * p.attitude[i] * (d > 0 ? 1 + pull * p.priceSens[i] : 1);
  if ((p.pressure[i] += h) < p.inertia[i]) return false;
  acquire(w, i, d > 0 ? Source.DISCOUNT : Source.ORGANIC, d);
  countActive(w, i);
  return true;
}

/** A lapsed customer's bond fades; the pull to come back (win-back) builds up against their inertia. */
export function lapsedMonth(w: World, i: number): void {
  const p = w.pop;
  const l = w.lev;
  const b = (p.bond[i] *= 1 - PERCEPTION.lapsedBondDecay);
  // A calibrated customer's dropout is for good (BG/NBD) unless a lever reaches out to them.
  const winback = winbackProbability(b, p.priceSens[i], l.discountLapsed, l.contactsPerMonth, !w.cal);
  if ((p.pressure[i] += winback) >= p.inertia[i]) {
    acquire(w, i, Source.WINBACK, l.discountLapsed);
    countActive(w, i);
  } else w.acc[M.lapsed]++;
}
