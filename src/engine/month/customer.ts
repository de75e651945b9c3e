/** An existing customer's month: visits, feelings, word of mouth, and whether they stay. */
import { M } from '../metrics.ts';
import { Flag, NEVER, Source } from '../state.ts';
import { aimAt } from './audience.ts';
import { feel } from './feel.ts';
import { leaves } from './leave.ts';
import { talk } from './talk.ts';
import { countActive } from './tally.ts';
import { visits } from './visits.ts';
import { Aux, type World } from './world.ts';

/** Months during which a "new" or "won-back" customer gets the targeted discount. */
const NEW_WINDOW = 3;

export function customerMonth(w: World, i: number): void {
  const p = w.pop;
  const t = w.t;
  const l = w.lev;
  const f0 = p.flags[i];
  const complainant = p.lastComplaintTick[i] !== NEVER && p.lastComplaintTick[i] >= t - 12;
  // Complainants are compared with other recent guests (a visit in the last 12 months, no complaint).
  const recentGuest = !complainant && p.lastVisitTick[i] !== NEVER && p.lastVisitTick[i] >= t - 12;
  const aux = w.aux;
  aux[Aux.EXISTING]++;
  if (f0 & Flag.MEMBER) aux[Aux.MEMBER_START]++;
  if (complainant) aux[Aux.COMPLAINANT_START]++;
  else if (recentGuest) aux[Aux.RECENT_GUEST_START]++;
  if (f0 & Flag.DISCOUNT_ACQUIRED) aux[Aux.DISCOUNT_ACQUIRED_START]++;
  else if (p.firstTick[i] >= 0) aux[Aux.OTHER_NEW_START]++;
  const fresh = t - p.firstTick[i] < NEW_WINDOW;
  const returning = p.source[i] === Source.WINBACK && t - p.acqTick[i] < NEW_WINDOW;
  const c = w.cur;
  c.d = l.discountAll > 0 ? l.discountAll : fresh ? l.discountNew : returning ? l.discountLapsed : 0;
  aimAt(w, i);

  visits(w, i);
  feel(w, i);
  talk(w, i);

  const acc = w.acc;
  const visited = c.nv > 0 ? 1 : 0;
  acc[M.repurchase] += visited;
  acc[f0 & Flag.MEMBER ? M.memberRepurchase : M.nonMemberRepurchase] += visited;
  if (complainant) acc[M.complainantRepurchase] += visited;
  else if (recentGuest) acc[M.nonComplainantRepurchase] += visited;
  if (c.nv > 1) acc[M.repeatPurchaseShare]++;
  if (leaves(w, i)) {
    acc[M.churned]++;
    if (f0 & Flag.DISCOUNT_ACQUIRED) acc[M.discountAcquiredChurn]++;
    else if (p.firstTick[i] >= 0) acc[M.otherNewChurn]++;
    acc[M.lapsed]++;
  } else countActive(w, i);
}
