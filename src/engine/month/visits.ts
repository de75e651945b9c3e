/**
 * How many times a customer comes this month (Poisson at a rate loyalty, season, channels, discounts
 * and the community move; a calibrated customer may drop out after a purchase), then those visits
 * as service encounters (service.ts), what the customer makes of them (perceive.ts), and the money
 * (book.ts).
 */
import { loyalty } from '../churn.ts';
import { COMMUNITY } from '../community.ts';
import { ENCOUNTERS, loyaltyVisits } from '../encounters.ts';
import { M } from '../metrics.ts';
import { Flag } from '../state.ts';
import { book } from './book.ts';
import { perceive } from './perceive.ts';
import { encounters } from './service.ts';
import { RECENT_DECAY, type World } from './world.ts';

/** Each discounted month moves price sensitivity this far (× depth) towards 1. */
const PROMOTION_SENSITISATION = 0.15;

export function visits(w: World, i: number): void {
  const p = w.pop;
  const l = w.lev;
  const t = w.t;
  const c = w.cur;
  const now = w.now;
  const seg = p.segment[i];
  const multi = (p.flags[i] & Flag.MULTICHANNEL) !== 0;
  const member = p.flags[i] & Flag.MEMBER ? l.community : 0;
  const d = c.d;
  let ps = p.priceSens[i];
  if (d > 0) {
    // Promotions teach customers to wait for the next one (Mela, Gupta & Lehmann 1997).
    ps += PROMOTION_SENSITISATION * d * (1 - ps);
    p.priceSens[i] = ps;
  }
  const L = loyalty(w.mix[seg], p.value[i], p.bond[i], p.exper[i], p.sat[i], p.trust[i]);

  const enc = w.enc.at(i, t);
  const who = Math.floor(enc.next() * w.staff.h);
  w.acc[M.loyalty] += L;
  const levers = (1 + 1.5 * d * ps) * (1 + COMMUNITY.visitBoost * member);
  const cal = w.cal;
  const ref = now.refLoyalty;
  const hasRef = !Number.isNaN(ref);
  // A calibrated customer buys at their fitted rate, moved only by what levers change: loyalty
  // against the same world's loyalty without levers, discounts, the community.
  const lambda = cal
    ? p.rate[i] * (hasRef ? loyaltyVisits(L) / now.refVisits : 1) * levers
    : p.rate[i] * loyaltyVisits(L) * now.season * (multi ? 1.15 : 1) * levers;
  let nv = enc.poisson(lambda);
  if (nv > ENCOUNTERS.maxVisits) nv = ENCOUNTERS.maxVisits;
  c.dropped = false;
  if (cal && nv > 0) {
    // BG/NBD: after each purchase the customer may drop out; later purchases that month never happen.
    const m = hasRef ? Math.exp(-cal.loyaltyElasticity * (L - ref)) : 1;
    const pd = Math.min(1, p.dropout[i] * m);
    const chn = w.chn.at(i, t);
    for (let v = 0; v < nv; v++) {
      if (chn.next() < pd) {
        nv = v + 1;
        c.dropped = true;
        break;
      }
    }
  }
  let injected = false;
  if (now.probeShare > 0 && w.prb.at(i, t).next() < now.probeShare) {
    injected = true;
    if (nv === 0) nv = 1;
  }
  c.nv = nv;
  c.bondChange = 0;
  c.trustChange = 0;
  c.silentSeverity = 0;
  c.surprised = 0;
  c.quality = 0;
  c.unresolved = false;
  if (nv === 0) {
    p.recent[i] *= RECENT_DECAY;
    return;
  }

  encounters(w, i, who, injected);
  if (c.unresolved) p.lastUnresolvedTick[i] = t;
  perceive(w, i);
  book(w, i, who);
}
