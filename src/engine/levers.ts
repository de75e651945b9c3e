import type { CostModel, LeverName, Levers, Scenario, Window } from './scenario.ts';
import { LEVER_NAMES } from './scenario.ts';

/** Is a lever scheduled in this month (1-based)? No windows means always. */
export function scheduled(schedule: readonly Window[], month: number): boolean {
  if (schedule.length === 0) return true;
  for (const w of schedule) if (month >= w.from && month <= w.to) return true;
  return false;
}

/**
 * The levers as they act in one month, on 0–1 scales (or natural rates), resolved from the scenario's
 * intensities and schedules. One object per simulation, rewritten each month: nothing allocated per tick.
 */
export interface LeverState {
  price: number; // list price relative to market
  discountAll: number; // depth applying to everyone
  discountNew: number; // depth applying to new customers (and to prospects deciding)
  discountLapsed: number; // depth applying to lapsed customers deciding to return
  pointsReward: number; // points value as a fraction of spend
  tiers: boolean;
  personalisation: number;
  knowledge: number;
  careProbability: number; // chance of a care gesture per customer per month
  community: number;
  contactsPerMonth: number;
  transparency: number;
  callbackSpeed: number; // 1 / (1 + hours/24)
  ease: number;
  responseHours: number;
  resolution: number;
  compensation: number; // fraction of the visit spend
  standards: number;
  empowerment: number;
  surpriseFund: number;
  trainingHours: number;
  incentive: number;
  /** Which levers are on this month (for their fixed costs). */
  on: Record<LeverName, boolean>;
}

export function createLeverState(): LeverState {
  const on = {} as Record<LeverName, boolean>;
  for (const name of LEVER_NAMES) on[name] = false;
  return {
    price: 1,
    discountAll: 0,
    discountNew: 0,
    discountLapsed: 0,
    pointsReward: 0,
    tiers: false,
    personalisation: 0,
    knowledge: 0,
    careProbability: 0,
    community: 0,
    contactsPerMonth: 0,
    transparency: 0,
    callbackSpeed: 0,
    ease: 0,
    responseHours: 48,
    resolution: 0.5,
    compensation: 0,
    standards: 0,
    empowerment: 0,
    surpriseFund: 0,
    trainingHours: 0,
    incentive: 0,
    on,
  };
}

/** Intensity of a lever in a month: its setting when scheduled, else zero. */
function level(l: Levers, name: LeverName, value: number, month: number, st: LeverState): number {
  const active = value > 0 && scheduled(l[name].schedule, month);
  st.on[name] = active || st.on[name];
  return active ? value : 0;
}

export function resolveLevers(s: Scenario, month: number, st: LeverState): void {
  const l = s.levers;
  for (const name of LEVER_NAMES) st.on[name] = false;
  st.price = l.pricePct / 100;
  const depth = level(l, 'discount', l.discount.depthPct / 100, month, st);
  st.discountAll = l.discount.target === 'all' ? depth : 0;
  st.discountNew = l.discount.target === 'new' ? depth : st.discountAll;
  st.discountLapsed = l.discount.target === 'lapsed' ? depth : st.discountAll;
  st.pointsReward = level(l, 'points', l.points.rewardPct / 100, month, st);
  st.tiers = l.points.tiers && scheduled(l.points.schedule, month);
  if (st.tiers) st.on.points = true;
  st.personalisation = level(l, 'personalisation', l.personalisation.levelPct / 100, month, st);
  st.knowledge = level(l, 'knowledgeServices', l.knowledgeServices.levelPct / 100, month, st);
  st.careProbability = Math.min(1, level(l, 'careGestures', l.careGestures.perYear, month, st) / 12);
  st.community = level(l, 'community', l.community.levelPct / 100, month, st);
  st.contactsPerMonth = level(l, 'proactiveContact', l.proactiveContact.perMonth, month, st);
  st.transparency = level(l, 'transparency', l.transparency.levelPct / 100, month, st);
  st.callbackSpeed = 1 / (1 + l.transparency.callbackHours / 24);
  // Complaint handling always exists; the lever's schedule says when the improved settings apply.
  const ch = l.complaintHandling;
  const chOn = scheduled(ch.schedule, month);
  st.on.complaintHandling = chOn;
  st.ease = chOn ? ch.easeOfVoicingPct / 100 : 0;
  st.responseHours = chOn ? ch.responseHours : 48;
  st.resolution = chOn ? ch.resolutionQualityPct / 100 : 0.5;
  st.compensation = chOn ? ch.compensationPct / 100 : 0;
  st.standards = level(l, 'serviceStandards', l.serviceStandards.levelPct / 100, month, st);
  st.empowerment = level(l, 'empowerment', l.empowerment.levelPct / 100, month, st);
  st.surpriseFund = st.empowerment > 0 ? l.empowerment.surpriseFundPerMonth : 0;
  st.trainingHours = level(l, 'training', l.training.hoursPerStaffPerMonth, month, st);
  st.incentive = scheduled(l.training.schedule, month) ? l.training.incentivePct / 100 : 0;
}

/**
 * A lever's cost in a month: fixed when on, plus per active customer when on, both at full level and
 * scaled by the lever's level (`levelShare`, 1 for levers without a level), plus per event.
 */
export function leverCost(
  c: CostModel,
  on: boolean,
  activeCustomers: number,
  events: number,
  levelShare = 1,
): number {
  return (
    (on ? (c.fixedPerMonth + c.perCustomerPerMonth * activeCustomers) * levelShare : 0) + c.perEvent * events
  );
}

/**
 * Levers set by a level (0–100 %): a programme run at 40 % costs 40 % of its full-level fixed and
 * per-customer cost, so spreading a budget over several levers is not charged for levels it does not buy.
 */
export function levelShare(name: LeverName, st: LeverState): number {
  switch (name) {
    case 'personalisation':
      return st.personalisation;
    case 'knowledgeServices':
      return st.knowledge;
    case 'community':
      return st.community;
    case 'transparency':
      return st.transparency;
    case 'serviceStandards':
      return st.standards;
    case 'empowerment':
      return st.empowerment;
    default:
      return 1;
  }
}
