/**
 * The month's visits one by one, as service encounters: quality from the serving staff member,
 * surprise moments, failures, whether they are voiced, caught or suffered in silence, and how they
 * were handled (the formulas are in encounters.ts and complaints.ts).
 */
import { COMPLAINTS, incidentOutcome, voiceProbability } from '../complaints.ts';
import { ENCOUNTERS, failureProbability, meanQuality, perceivedSeverity } from '../encounters.ts';
import { M } from '../metrics.ts';
import { PERCEPTION } from '../perception.ts';
import type { World } from './world.ts';

const SILENT = 0;
const HEARD = 1;
const HEARD_CALLBACK = 2;

export function encounters(w: World, i: number, who: number, injected: boolean): void {
  const p = w.pop;
  const l = w.lev;
  const staff = w.staff;
  const enc = w.enc;
  const c = w.cur;
  const now = w.now;
  const nv = c.nv;
  const skill = staff.skill[who];
  const qMean =
    meanQuality(skill, staff.morale[who], c.personalisation, l.transparency, l.standards) +
    now.noise * (enc.next() + enc.next() - 1);
  const pf = failureProbability(w.baseFail, skill, l.standards, now.incident);
  const surpriseP = now.surpriseP;
  const tolerance = p.tolerance[i];
  const visitSpend = p.spend[i] * l.price * (1 - c.d);
  // A close customer feels an unresolved failure more (betrayal > 0) or less (the bond buffers).
  const sting = 1 + w.betrayal * p.bond[i];
  // Outside the compensation's audience a complaint is handled the same, but not compensated.
  const compensated = c.compensationShare === l.compensation;
  let sumQ = 0;
  let compensation = 0;
  c.complaintsReady = false;
  for (let v = 0; v < nv; v++) {
    let q = qMean;
    if (surpriseP > 0 && enc.next() < surpriseP) {
      q += ENCOUNTERS.surpriseLift;
      c.surprised++;
    }
    const forced = injected && v === 0;
    if (enc.next() < pf || forced) {
      const sev = forced ? now.probeSeverity : perceivedSeverity(enc.next(), w.sevExp, tolerance);
      const heard = incident(w, i, sev, p.bond[i]);
      const r = compensated
        ? heard === HEARD_CALLBACK
          ? now.callbackRecovery
          : now.recovery
        : heard === HEARD_CALLBACK
          ? now.callbackRecoveryUncompensated
          : now.recoveryUncompensated;
      q += aftermath(w, sev, r, heard, sting);
      if (heard !== SILENT) compensation += c.compensationShare * visitSpend;
    }
    sumQ += q < 0 ? 0 : Math.min(q, 1);
  }
  c.quality = sumQ / nv;
  c.compensation = compensation;
}

/** A dissatisfying incident: voiced, caught by the feedback loop, or suffered in silence. */
function incident(w: World, i: number, severity: number, bond: number): number {
  const p = w.pop;
  const l = w.lev;
  const acc = w.acc;
  const cmp = w.cmp;
  if (!w.cur.complaintsReady) {
    cmp.at(i, w.t); // once per customer and month, however many incidents
    w.cur.complaintsReady = true;
  }
  acc[M.failures]++;
  if (cmp.next() < voiceProbability(p.complainProp[i], l.ease, severity, bond)) {
    acc[M.voiced]++;
    p.voiced[i]++;
    p.lastComplaintTick[i] = w.t;
    return HEARD;
  }
  if (w.now.catchRate > 0 && cmp.next() < w.now.catchRate) {
    acc[M.callbacks]++;
    return HEARD_CALLBACK;
  }
  acc[M.silent]++;
  p.silent[i]++;
  return SILENT;
}

/** What an incident leaves behind: the visit's quality change, and the bond and trust it moves. */
function aftermath(w: World, sev: number, r: number, heard: number, sting: number): number {
  const P = PERCEPTION;
  const c = w.cur;
  const out = incidentOutcome(sev, r, heard !== SILENT);
  if (heard !== SILENT) {
    const eff = r * (1 - COMPLAINTS.severeRecoveryCut * sev);
    if (out >= 0 || eff >= 0.6) w.acc[M.recovered]++;
    if (eff < 0.6) c.unresolved = true;
    c.bondChange +=
      eff >= 0.6 ? P.recoveryBond * eff * (1 - sev) : -P.poorHandlingBondLoss * sev * (1 - eff) * sting;
    c.trustChange += P.trustLoss * sev * (eff - 0.5);
  } else {
    c.bondChange -= P.silentBondLoss * sev * sting;
    c.trustChange -= P.trustLoss * sev;
    if (sev > c.silentSeverity) c.silentSeverity = sev;
  }
  return out;
}
