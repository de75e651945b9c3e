/** Word of mouth: promoters refer a contact; silent sufferers who would not recommend warn others (formulas in wordOfMouth.ts). */
import { M } from '../metrics.ts';
import { clamp01 } from '../population.ts';
import { Flag, Source, Stage } from '../state.ts';
import { referralAcceptance, referralProbability, WORD_OF_MOUTH } from '../wordOfMouth.ts';
import { acquire } from './acquire.ts';
import type { World } from './world.ts';

export function talk(w: World, i: number): void {
  const p = w.pop;
  const l = w.lev;
  const W = WORD_OF_MOUTH;
  const silentSeverity = w.cur.silentSeverity;
  const sc = p.score[i];
  const member = p.flags[i] & Flag.MEMBER ? l.community : 0;
  const pr = referralProbability(sc, w.segSocial[p.segment[i]], member, p.stage[i] === Stage.ADVOCATE);
  const warn = silentSeverity > 0 && sc <= 6;
  if (pr === 0 && !warn) return;
  const wom = w.wom.at(i, w.t);
  const { offsets, targets } = w.net;
  const o = offsets[i];
  const deg = offsets[i + 1] - o;
  const { stage, attitude } = p;
  if (pr > 0 && deg > 0 && wom.next() < pr) {
    const j = targets[o + Math.floor(wom.next() * deg)];
    const sj = stage[j];
    const lapsed = sj === Stage.LAPSED;
    // A calibrated customer's dropout is for good (BG/NBD): word of mouth does not undo it.
    const winback = w.cal ? 0 : W.referralWinback;
    const accept = lapsed ? winback : sj < Stage.FIRST ? referralAcceptance(attitude[j]) : 0;
    if (accept > 0 && wom.next() < accept) {
      acquire(w, j, Source.REFERRAL, lapsed ? l.discountLapsed : l.discountNew);
      p.lastRefTick[i] = w.t;
      p.referrals[i]++;
      w.acc[M.referrals]++;
    } else if (sj < Stage.FIRST) {
      attitude[j] = clamp01(attitude[j] + W.referralWarmth);
      if (sj === Stage.SUSPECT) {
        stage[j] = Stage.PROSPECT;
        p.pressure[j] = 0;
        if (j < i) {
          w.acc[M.suspects]--;
          w.acc[M.prospects]++;
        }
      }
    }
  }
  if (!warn) return;
  if (deg > 0 && wom.next() < W.warnProbability) {
    const j = targets[o + Math.floor(wom.next() * deg)];
    if (stage[j] < Stage.FIRST) attitude[j] = clamp01(attitude[j] - W.warnAttitudeLoss);
    else if (stage[j] !== Stage.LAPSED) p.bond[j] = clamp01(p.bond[j] - W.warnBondLoss);
  }
  if (wom.next() < W.onlineReviewPerSeverity * silentSeverity) {
    const reach = w.scenario.population.network.onlineReach;
    for (let r = 0; r < reach; r++) {
      const j = Math.floor(wom.next() * p.n);
      if (stage[j] < Stage.FIRST) attitude[j] = clamp01(attitude[j] - W.onlineAttitudeLoss);
    }
  }
}
