/** Experience, value and satisfaction after the month's visits (expectation–disconfirmation; formulas in perception.ts). */
import { monthSatisfaction, PERCEPTION, performance, valueTarget } from '../perception.ts';
import { Flag } from '../state.ts';
import type { World } from './world.ts';

export function perceive(w: World, i: number): void {
  const p = w.pop;
  const l = w.lev;
  const P = PERCEPTION;
  const qMonth = w.cur.quality;
  const paid = l.price * (1 - w.cur.d);
  const X = p.exper[i] + P.experienceSpeed * (qMonth - p.exper[i]);
  const tier = (p.flags[i] & Flag.TIER) !== 0;
  const target = valueTarget(
    X,
    w.cur.personalisation,
    p.trust[i],
    w.cur.knowledge,
    l.pointsReward,
    tier,
    p.priceSens[i],
    paid,
    p.refPrice[i],
  );
  const V = p.value[i] + P.valueSpeed * (target - p.value[i]);
  p.exper[i] = X;
  p.value[i] = V;
  p.refPrice[i] += P.referenceSpeed * (paid - p.refPrice[i]);
  const E = p.expect[i];
  p.sat[i] += P.satisfactionSpeed * (monthSatisfaction(qMonth, V, E) - p.sat[i]);
  p.expect[i] = E + P.expectationSpeed * (performance(qMonth, V) - E);
}
