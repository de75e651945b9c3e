import type { Scenario } from '../engine/index.ts';

export interface Difference {
  /** Dotted path in the engine's scenario, e.g. "levers.discount.depthPct". */
  path: string;
  from: unknown;
  to: unknown;
}

/**
 * Settings that are read as one value: a schedule ("months 1–12") or an audience ("top 20 % by
 * value"). Split into leaves they would say `schedule.0: undefined → {"from":1,"to":12}`.
 */
const WHOLE = new Set(['schedule', 'audience']);

/**
 * What a plan changes relative to a baseline: every leaf that differs (arrays compared element by
 * element, segments included; a schedule or an audience as a whole). The name is not a difference
 * that matters.
 */
export function scenarioDiff(baseline: Scenario, plan: Scenario): Difference[] {
  const out: Difference[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (WHOLE.has(path.slice(path.lastIndexOf('.') + 1))) {
      if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, from: a, to: b });
      return;
    }
    const aObj = typeof a === 'object' && a !== null;
    const bObj = typeof b === 'object' && b !== null;
    if (aObj && bObj && Array.isArray(a) === Array.isArray(b)) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const k of keys)
        walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      return;
    }
    if (!Object.is(a, b)) out.push({ path, from: a, to: b });
  };
  walk({ ...baseline, name: '' }, { ...plan, name: '' }, '');
  return out;
}
