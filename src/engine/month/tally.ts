/**
 * The month's books: each active customer counted into the stage counts and population means, and at
 * the month's end the counters turned into the reported metrics (metrics.ts), lever costs and profit.
 */

import { HEALTH, healthScore, historyMonths, usualVisitRate } from '../health.ts';
import { levelShare, leverCost } from '../levers.ts';
import { M, METRICS } from '../metrics.ts';
import { AIMED_LEVERS, LEVER_NAMES } from '../scenario.ts';
import { Flag, NEVER, Stage } from '../state.ts';
import { AIMED, reaches } from './audience.ts';
import { Aux, type World } from './world.ts';

/** Where the reach.<lever> counters start among the metrics. */
const REACH = M[`reach.${AIMED_LEVERS[0]}`];

/** 4 or 5 on a five-point scale: 1 + 4·s ≥ 3.5. */
const SATISFIED = 0.625;

/** Adds an active customer to this month's stage counts and population means. */
export function countActive(w: World, i: number): void {
  const p = w.pop;
  const acc = w.acc;
  const t = w.t;
  const st = p.stage[i];
  acc[st === Stage.FIRST ? M.firstTime : st === Stage.REPEAT ? M.repeat : M.advocates]++;
  const s = p.sat[i];
  acc[M.satisfaction] += s;
  if (s >= SATISFIED) acc[M.satisfiedShare]++;
  acc[M.value] += p.value[i];
  acc[M.bond] += p.bond[i];
  acc[M.experience] += p.exper[i];
  acc[M.trust] += p.trust[i];
  w.scores[p.score[i]]++;
  if (w.aim.aimed) for (let k = 0; k < AIMED_LEVERS.length; k++) if (reaches(w, k, i)) acc[REACH + k]++;
  // Health after this month, as the CRM would score it now (and the at-risk audience reads next month).
  const unresolved =
    p.lastUnresolvedTick[i] !== NEVER && p.lastUnresolvedTick[i] > t - HEALTH.unresolvedMonths;
  // Visits a month lately (recentRate, its weights from a table) and since they came (health.ts).
  const c = p.firstTick[i];
  const months = historyMonths(c, t);
  const lately = months > 0 ? p.recent[i] * w.recentNorm[months] : 1;
  const usual = months > 0 ? usualVisitRate(p.visits[i], c, months) : 1;
  // Whole points, as a CRM shows it: the monthly shares and the at-risk audience read the same score.
  const h = Math.round(healthScore(lately, usual, s, p.satSlow[i], unresolved));
  p.health[i] = h;
  acc[h >= HEALTH.goodFrom ? M.healthGood : h < HEALTH.poorBelow ? M.healthPoor : M.healthAverage]++;
  const f = p.flags[i];
  const ref = p.lastRefTick[i];
  if (ref >= t - 11 && ref !== NEVER) {
    acc[M.referrerShare]++;
    if (f & Flag.MEMBER) w.aux[Aux.MEMBER_REFERRERS]++;
  }
  if (f & Flag.MEMBER) acc[M.members]++;
  if (f & Flag.TIER) acc[M.tierMembers]++;
  if (p.acqTick[i] <= t - 12) acc[M.renewal12]++;
  if (c >= 0) w.cohortActive[c * w.months + t]++;
}

/** Turns this month's counters into the reported metrics. */
export function finishMonth(w: World, leavers: number): void {
  const s = w.scenario;
  const t = w.t;
  const T = w.months;
  const acc = w.acc;
  const out = w.metrics;
  const l = w.lev;
  const row = (k: number) => k * T + t;
  const prev = (metric: number, lag: number) => (t - lag >= 0 ? out[metric * T + t - lag] : Number.NaN);

  const sc = w.scores;
  let active = 0;
  for (let k = 0; k <= 10; k++) active += sc[k];
  acc[M.active] = active;
  acc[M.promoters] = sc[9] + sc[10];
  acc[M.detractors] = sc[0] + sc[1] + sc[2] + sc[3] + sc[4] + sc[5] + sc[6];
  const aux = w.aux;
  const existingStart = aux[Aux.EXISTING];
  const perActive = (k: number) => (active > 0 ? acc[k] / active : 0);
  for (let k = 0; k < METRICS.length; k++) out[row(k)] = acc[k];
  for (const k of [
    M.satisfaction,
    M.satisfiedShare,
    M.value,
    M.bond,
    M.experience,
    M.trust,
    M.promoters,
    M.detractors,
    M.healthGood,
    M.healthAverage,
    M.healthPoor,
    M.referrerShare,
  ]) {
    out[row(k)] = perActive(k);
  }
  out[row(M.nps)] = 100 * (perActive(M.promoters) - perActive(M.detractors));
  out[row(M.retention)] = existingStart > 0 ? 1 - acc[M.churned] / existingStart : 1;
  out[row(M.repurchase)] = existingStart > 0 ? acc[M.repurchase] / existingStart : 0;
  out[row(M.loyalty)] = existingStart > 0 ? acc[M.loyalty] / existingStart : Number.NaN;
  const members = aux[Aux.MEMBER_START];
  const rate = (num: number, den: number) => (den > 0 ? num / den : Number.NaN);
  out[row(M.memberRepurchase)] = rate(acc[M.memberRepurchase], members);
  out[row(M.nonMemberRepurchase)] = rate(acc[M.nonMemberRepurchase], existingStart - members);
  out[row(M.complainantRepurchase)] = rate(acc[M.complainantRepurchase], aux[Aux.COMPLAINANT_START]);
  out[row(M.nonComplainantRepurchase)] = rate(acc[M.nonComplainantRepurchase], aux[Aux.RECENT_GUEST_START]);
  out[row(M.repeatPurchaseShare)] = rate(acc[M.repeatPurchaseShare], acc[M.repurchase]);
  out[row(M.discountAcquiredChurn)] = rate(acc[M.discountAcquiredChurn], aux[Aux.DISCOUNT_ACQUIRED_START]);
  out[row(M.otherNewChurn)] = rate(acc[M.otherNewChurn], aux[Aux.OTHER_NEW_START]);
  out[row(M.memberReferrerShare)] = rate(aux[Aux.MEMBER_REFERRERS], acc[M.members]);
  out[row(M.nonMemberReferrerShare)] = rate(
    acc[M.referrerShare] - aux[Aux.MEMBER_REFERRERS],
    active - acc[M.members],
  );
  out[row(M.renewal12)] = t >= 12 ? rate(acc[M.renewal12], prev(M.active, 12)) : Number.NaN;
  let fromReferral = 0;
  let allNew = 0;
  for (let k = Math.max(0, t - 11); k <= t; k++) {
    const src = k === t ? acc : null;
    const get = (m: number) => (src ? src[m] : out[m * T + k]);
    fromReferral += get(M.newReferral);
    allNew += get(M.newReferral) + get(M.newOrganic) + get(M.newMarketing) + get(M.newDiscount);
  }
  out[row(M.referralRate)] = rate(fromReferral, allNew);

  // Money.
  let levers = 0;
  const lv = s.levers;
  // Active customers an aimed lever reaches (all of them when it is aimed at everyone).
  const aim = w.aim;
  const reach = (name: (typeof AIMED_LEVERS)[number]) =>
    aim.kind[AIMED[name]] === 0 ? active : acc[REACH + AIMED[name]];
  for (const name of AIMED_LEVERS) out[row(M[`reach.${name}`])] = reach(name);
  const events: Record<string, number> = {
    discount: 0,
    points: 0,
    personalisation: 0,
    knowledgeServices: 0,
    careGestures: acc[M.careGestures],
    community: 0,
    proactiveContact: reach('proactiveContact') * l.contactsPerMonth,
    transparency: acc[M.callbacks],
    complaintHandling: acc[M.voiced] + acc[M.callbacks],
    serviceStandards: 0,
    empowerment: aux[Aux.SURPRISES],
    training: l.trainingHours * s.staff.headcount,
  };
  for (const name of LEVER_NAMES) {
    const perCustomerBase =
      name === 'community'
        ? acc[M.members]
        : name === 'points' && l.tiers
          ? acc[M.tierMembers]
          : name === 'personalisation' ||
              name === 'knowledgeServices' ||
              name === 'careGestures' ||
              name === 'proactiveContact'
            ? reach(name)
            : active;
    let c = leverCost(lv[name].cost, l.on[name], perCustomerBase, events[name], levelShare(name, l));
    if (name === 'points') c += acc[M.pointsCost];
    if (name === 'complaintHandling') c += acc[M.compensationCost];
    if (name === 'training') c += l.incentive * s.staff.wagePerMonth * s.staff.headcount;
    out[row(M[`cost.${name}`])] = c;
    levers += c;
  }
  out[row(M.leverCost)] = levers;
  out[row(M.acquisitionCost)] = s.market.acquisitionSpendPerMonth;
  out[row(M.staffCost)] = s.staff.headcount * s.staff.wagePerMonth + leavers * s.staff.hiringCost;
  out[row(M.fixedCost)] = s.economics.fixedCostsPerMonth;
  out[row(M.profit)] =
    acc[M.grossMargin] -
    levers -
    s.market.acquisitionSpendPerMonth -
    out[row(M.staffCost)] -
    s.economics.fixedCostsPerMonth;
  let skill = 0;
  let morale = 0;
  for (let k = 0; k < w.staff.h; k++) {
    skill += w.staff.skill[k];
    morale += w.staff.morale[k];
  }
  out[row(M.staffSkill)] = skill / w.staff.h;
  out[row(M.staffMorale)] = morale / w.staff.h;
  out[row(M.staffTurnover)] = leavers / w.staff.h;
}
