import type { LeverState } from './levers.ts';
import type { Stream } from './rng.ts';
import type { Scenario } from './scenario.ts';

/**
 * Staff (组织保障) and the service-profit chain (Heskett et al. 1994): empowered, trained, rewarded staff
 * have higher morale and stay longer; skilled staff in good spirits serve better; customers' praise
 * feeds morale back. Each staff member is an agent; a customer is served by one of them each month.
 */
export const STAFF = {
  moraleSpeed: 0.2,
  moraleBase: 0.45,
  moraleEmpowerment: 0.35,
  moraleIncentive: 0.2,
  /** Incentives at this share of wage give the full morale effect. */
  incentiveFull: 0.2,
  moraleTraining: 0.05,
  moralePraise: 3,
  learnRate: 0.04,
  learnPerHour: 0.1,
  learnFloor: 0.2,
  forgetting: 0.004,
  /** Turnover multiplier is 1.9 − 1.6·morale: ×1 at morale 0.56, ×0.5 at morale 0.875. */
  turnoverIntercept: 1.9,
  turnoverSlope: 1.6,
};

export interface Staff {
  h: number;
  skill: Float32Array;
  morale: Float32Array;
  tenure: Int32Array;
  /** This month's encounters served and good reviews earned, per staff member. */
  served: Float64Array;
  praised: Float64Array;
}

export function createStaff(s: Scenario): Staff {
  const h = s.staff.headcount;
  const st: Staff = {
    h,
    skill: new Float32Array(h).fill(s.staff.initialSkillPct / 100),
    morale: new Float32Array(h).fill(s.staff.initialMoralePct / 100),
    tenure: new Int32Array(h).fill(12),
    served: new Float64Array(h),
    praised: new Float64Array(h),
  };
  return st;
}

export function moraleTarget(l: LeverState, praiseRate: number): number {
  const c = STAFF;
  const m =
    c.moraleBase +
    c.moraleEmpowerment * l.empowerment +
    c.moraleIncentive * Math.min(1, l.incentive / c.incentiveFull) +
    c.moraleTraining * Math.min(1, l.trainingHours / 8) +
    c.moralePraise * praiseRate;
  return m < 0 ? 0 : Math.min(m, 1);
}

export function turnoverProbability(base: number, morale: number): number {
  const p = base * (STAFF.turnoverIntercept - STAFF.turnoverSlope * morale);
  return p < 0 ? 0 : Math.min(p, 1);
}

/** End of month: morale moves to its target, skill learns and forgets, some staff leave and are replaced. */
export function updateStaff(
  st: Staff,
  s: Scenario,
  l: LeverState,
  rng: Stream,
  t: number,
): { leavers: number } {
  const c = STAFF;
  const base = s.staff.monthlyTurnoverPct / 100;
  let leavers = 0;
  for (let k = 0; k < st.h; k++) {
    rng.at(k, t);
    const praise = st.served[k] > 0 ? st.praised[k] / st.served[k] : 0;
    const m = st.morale[k] + c.moraleSpeed * (moraleTarget(l, praise) - st.morale[k]);
    st.morale[k] = m;
    const sk = st.skill[k];
    st.skill[k] = Math.min(
      1,
      Math.max(
        0,
        sk +
          c.learnRate * (1 - sk) * (c.learnFloor + c.learnPerHour * l.trainingHours) * (0.5 + m) -
          c.forgetting * sk,
      ),
    );
    st.tenure[k]++;
    if (rng.next() < turnoverProbability(base, m)) {
      leavers++;
      st.skill[k] = s.staff.newHireSkillPct / 100;
      st.morale[k] = s.staff.initialMoralePct / 100;
      st.tenure[k] = 0;
    }
    st.served[k] = 0;
    st.praised[k] = 0;
  }
  return { leavers };
}
