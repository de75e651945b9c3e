import { runReplications } from '../analysis/batch.ts';
import { mean } from '../analysis/stats.ts';
import type { Scenario } from '../engine/index.ts';
import { fieldMeta, getAt } from '../scenario/fields.ts';
import { fromEngine } from '../scenario/schema.ts';
import { scenarioAt } from './apply.ts';
import { monthlyLeverSpend } from './outcomes.ts';

/** A plan as the settings it moves towards (file paths, e.g. "levers.value.personalisation.levelPct"). */
export type PlanSettings = Record<string, number>;

/**
 * The plan at `scale`: every setting moved that share of the way from the scenario's own value to the
 * plan's (0 = the scenario unchanged, 1 = the plan as written; beyond 1 it goes further, within each
 * field's range), so one number trades a plan's strength against its cost.
 */
export function scaledPlan(base: Scenario, settings: PlanSettings, scale: number): Scenario {
  const file = fromEngine(base);
  const point: Record<string, number> = {};
  for (const [path, target] of Object.entries(settings)) {
    const at = path.split('.');
    const from = Number(getAt(file, at));
    const { minimum = -Infinity, maximum = Infinity } = fieldMeta(at);
    point[path] = Math.min(maximum, Math.max(minimum, from + scale * (target - from)));
  }
  return scenarioAt(file, point);
}

export function spendOf(s: Scenario, seed: string, reps: number): number {
  return mean(runReplications(s, seed, reps).map(monthlyLeverSpend));
}

/**
 * The scale at which a plan spends `budget` a month (mean lever spend, discounts' forgone revenue
 * included), found by bisection on the same seeds; spend rises with the scale, so 30 halvings of
 * [0, maxScale] are enough for any budget a plan can reach. Returns maxScale when it cannot.
 */
export function scaleForBudget(
  base: Scenario,
  settings: PlanSettings,
  budget: number,
  { seed = 'equal-spend', reps = 2, maxScale = 1.5, tolerance = 0.01 } = {},
): { scale: number; spend: number } {
  const at = (x: number) => spendOf(scaledPlan(base, settings, x), seed, reps);
  let hi = maxScale;
  let spendHi = at(hi);
  if (spendHi <= budget) return { scale: hi, spend: spendHi };
  let lo = 0;
  for (let k = 0; k < 30 && hi - lo > 1e-4; k++) {
    const mid = (lo + hi) / 2;
    const s = at(mid);
    if (Math.abs(s - budget) <= tolerance * budget) return { scale: mid, spend: s };
    if (s < budget) lo = mid;
    else {
      hi = mid;
      spendHi = s;
    }
  }
  return { scale: hi, spend: spendHi };
}
