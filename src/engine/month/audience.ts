/**
 * Who an aimed lever reaches (Scenario Audience): everyone, one segment, the top N % of active
 * customers by spend over the last 12 months, customers the health score calls at risk, or new
 * customers. At the start of each month the top-value audiences are ranked; at the start of each
 * customer's month their aimed levers are resolved into CustomerMonth, so the phases read one level
 * per customer and a customer outside an audience is, for that lever, in a world without it.
 */
import { HEALTH } from '../health.ts';
import { AIMED_LEVERS, AUDIENCE_KINDS, type Scenario } from '../scenario.ts';
import { isActive, UNSCORED } from '../state.ts';
import type { World } from './world.ts';

// Codes are positions in AUDIENCE_KINDS.
const EVERYONE = 0;
const SEGMENT = 1;
const TOP = 2;
const AT_RISK = 3;
const NEW = 4;
/** Index of each aimed lever in the Aim arrays (AIMED_LEVERS' order). */
export const AIMED = Object.fromEntries(AIMED_LEVERS.map((name, k) => [name, k])) as Record<
  (typeof AIMED_LEVERS)[number],
  number
>;

export interface Aim {
  /** Some lever reaches less than everyone. */
  aimed: boolean;
  kind: Uint8Array;
  segment: Int16Array;
  newMonths: Int16Array;
  topPct: Float64Array;
  /** Bit k: customer i is in lever k's top-value audience this month (null when none is top-value). */
  top: Uint8Array | null;
  /** Spend over the last 12 months, and the months' spend in a ring of 12 (null when not needed). */
  value12: Float64Array | null;
  ring: Float32Array | null;
  scratch: Float64Array | null;
}

export function createAim(s: Scenario, n: number): Aim {
  const m = AIMED_LEVERS.length;
  const aim: Aim = {
    aimed: false,
    kind: new Uint8Array(m),
    segment: new Int16Array(m).fill(-1),
    newMonths: new Int16Array(m),
    topPct: new Float64Array(m),
    top: null,
    value12: null,
    ring: null,
    scratch: null,
  };
  const ids = s.population.segments.map((g) => g.id);
  AIMED_LEVERS.forEach((name, k) => {
    const a = s.levers[name].audience;
    aim.kind[k] = AUDIENCE_KINDS.indexOf(a.kind);
    aim.segment[k] = ids.indexOf(a.segment);
    aim.newMonths[k] = a.newMonths;
    aim.topPct[k] = a.topPct;
    if (aim.kind[k] !== EVERYONE) aim.aimed = true;
  });
  if (aim.kind.includes(TOP)) {
    aim.top = new Uint8Array(n);
    aim.value12 = new Float64Array(n);
    aim.ring = new Float32Array(n * 12);
    aim.scratch = new Float64Array(n);
  }
  return aim;
}

/** Does lever k reach customer i this month? */
export function reaches(w: World, k: number, i: number): boolean {
  const a = w.aim;
  switch (a.kind[k]) {
    case EVERYONE:
      return true;
    case SEGMENT:
      return w.pop.segment[i] === a.segment[k];
    case TOP:
      return ((a.top as Uint8Array)[i] & (1 << k)) !== 0;
    case AT_RISK: {
      const h = w.pop.health[i];
      return h !== UNSCORED && h < HEALTH.poorBelow;
    }
    case NEW:
      return w.t - w.pop.firstTick[i] < a.newMonths[k];
    default:
      return false;
  }
}

/** The month's levers as they reach everyone: set once a month, and all a customer needs when none is aimed. */
export function aimAtEveryone(w: World): void {
  const c = w.cur;
  const l = w.lev;
  c.personalisation = l.personalisation;
  c.knowledge = l.knowledge;
  c.careProbability = l.careProbability;
  c.contactBond = w.now.contactBond;
  c.mayJoin = l.community > 0;
  c.compensationShare = l.compensation;
}

/** The month's aimed levers as they reach customer i, into w.cur (nothing to do when none is aimed). */
export function aimAt(w: World, i: number): void {
  if (!w.aim.aimed) return;
  const c = w.cur;
  const l = w.lev;
  c.personalisation = reaches(w, AIMED.personalisation, i) ? l.personalisation : 0;
  c.knowledge = reaches(w, AIMED.knowledgeServices, i) ? l.knowledge : 0;
  c.careProbability = reaches(w, AIMED.careGestures, i) ? l.careProbability : 0;
  c.contactBond = reaches(w, AIMED.proactiveContact, i) ? w.now.contactBond : 0;
  c.mayJoin = l.community > 0 && reaches(w, AIMED.community, i);
  c.compensationShare = reaches(w, AIMED.complaintHandling, i) ? l.compensation : 0;
}

/** A customer's spend this month, for the top-value ranking. */
export function recordSpend(w: World, i: number, amount: number): void {
  const a = w.aim;
  if (!a.value12) return;
  a.value12[i] += amount;
  (a.ring as Float32Array)[i * 12 + (w.t % 12)] += amount;
}

/**
 * At the start of month t: rank active customers by their spend in months t−12…t−1 for each
 * top-value audience (ties by index, so exactly round(N % × active) are in), then drop month t−12
 * from the sums to make room for this month's spend.
 */
export function rankTopValue(w: World): void {
  const a = w.aim;
  if (!a.top || !a.value12 || !a.ring || !a.scratch) return;
  const { stage } = w.pop;
  const n = w.pop.n;
  const v = a.value12;
  const top = a.top;
  top.fill(0);
  let m = 0;
  for (let i = 0; i < n; i++) if (isActive(stage[i])) a.scratch[m++] = v[i];
  const sorted = a.scratch.subarray(0, m).sort();
  for (let k = 0; k < a.kind.length; k++) {
    if (a.kind[k] !== TOP) continue;
    const quota = Math.round((a.topPct[k] / 100) * m);
    if (quota === 0) continue;
    const threshold = sorted[m - quota];
    let above = 0;
    for (let j = m - 1; j >= 0 && sorted[j] > threshold; j--) above++;
    let ties = quota - above;
    const bit = 1 << k;
    for (let i = 0; i < n; i++) {
      if (!isActive(stage[i])) continue;
      if (v[i] > threshold) top[i] |= bit;
      else if (v[i] === threshold && ties > 0) {
        top[i] |= bit;
        ties--;
      }
    }
  }
  const slot = w.t % 12;
  const ring = a.ring;
  for (let i = 0; i < n; i++) {
    const r = i * 12 + slot;
    v[i] -= ring[r];
    ring[r] = 0;
  }
}
