/**
 * Emotion and trust after the month: habit, the warmth of good service, care gestures, contact, the
 * community, surprises and incidents move the bond; transparency and standards move trust. Then the
 * community and tier memberships, the recommend score and the customer's rung on the ladder.
 * Formulas: perception.ts, community.ts, churn.ts (how the dimensions combine).
 */
import { dimensionScore, USUAL_LEVELS } from '../churn.ts';
import { COMMUNITY, joinProbability } from '../community.ts';
import { HEALTH } from '../health.ts';
import { M } from '../metrics.ts';
import { bondReceptivity, PERCEPTION, recommendScore } from '../perception.ts';
import { Flag, NEVER, Stage } from '../state.ts';
import type { World } from './world.ts';

/** Exponentially weighted visits (≈ 1.2 visits a month sustained) that earn the upper tier. */
const TIER_THRESHOLD = 15;

export function feel(w: World, i: number): void {
  const p = w.pop;
  const l = w.lev;
  const c = w.cur;
  const P = PERCEPTION;
  const seg = p.segment[i];
  let f = p.flags[i];
  // Position the stream only when a lever will draw from it (a hash saved per customer otherwise).
  const emo = l.careProbability > 0 || l.community > 0 || f & Flag.MEMBER ? w.emo.at(i, w.t) : w.emo;
  const member = f & Flag.MEMBER ? l.community : 0;
  let B = p.bond[i];
  // Room to grow, scaled by how readily a bond takes hold after this customer's experience.
  const room = (1 - B) * bondReceptivity(p.exper[i], USUAL_LEVELS.experience);
  B += -P.bondDecay * B + P.bondHabit * room + c.bondChange;
  if (c.nv > 0) B += P.bondWarmth * (c.quality - 0.6) * (1 + c.personalisation);
  if (c.careProbability > 0 && emo.next() < c.careProbability) {
    B += P.careGesture * (0.5 + w.segW[3 * seg + 1]) * room;
    w.acc[M.careGestures]++;
  }
  B += (c.contactBond + P.communityBond * member + P.surpriseBond * c.surprised) * room;
  p.bond[i] = B < 0 ? 0 : Math.min(B, 1);
  let T = p.trust[i];
  T +=
    P.trustSpeed *
      (P.trustBase + P.trustFromTransparency * l.transparency + P.trustFromStandards * l.standards - T) +
    c.trustChange;
  p.trust[i] = T < 0 ? 0 : Math.min(T, 1);
  p.satSlow[i] += HEALTH.slowSpeed * (p.sat[i] - p.satSlow[i]);
  if (l.community > 0) {
    if (
      !(f & Flag.MEMBER) &&
      c.mayJoin &&
      emo.next() < joinProbability(l.community, p.bond[i], w.segSocial[seg])
    )
      f |= Flag.MEMBER;
  } else if (f & Flag.MEMBER && emo.next() < COMMUNITY.leaveWhenOff) f &= ~Flag.MEMBER;
  p.flags[i] = l.tiers && p.recent[i] >= TIER_THRESHOLD ? f | Flag.TIER : f & ~Flag.TIER;
  const dim = dimensionScore(w.mix[seg], p.value[i], p.bond[i], p.exper[i]);
  c.dimensions = dim;
  const sc = recommendScore(p.sat[i], dim, p.generosity[i]);
  p.score[i] = sc;
  // Advocates are promoters who have brought someone in within the year (the ladder's top rung).
  const ref = p.lastRefTick[i];
  const referred = ref !== NEVER && ref >= w.t - 11;
  if (p.stage[i] === Stage.REPEAT && sc >= 9 && referred) p.stage[i] = Stage.ADVOCATE;
  else if (p.stage[i] === Stage.ADVOCATE && (sc < 8 || !referred)) p.stage[i] = Stage.REPEAT;
}
