import { interval } from '../analysis/stats.ts';
import { KNOWN_DEPARTURES } from './departures.ts';
import { Lab, type WorldLoader } from './lab.ts';
import type { Check, CheckResult, Status, Text } from './types.ts';

export function status(met: boolean, departure: Text | null): Status {
  if (met) return departure ? 'resolved' : 'met';
  return departure ? 'departure' : 'notMet';
}

/** A check's result from its replications' figures (rows: replications). */
export function conclude(
  check: Check,
  samples: number[][],
  departures: Record<string, Text> = KNOWN_DEPARTURES,
): CheckResult {
  const intervals = check.figures.map((_, j) => interval(samples.map((row) => row[j])));
  const verdict = check.judge(samples, intervals);
  const departure = departures[check.id] ?? null;
  return {
    check,
    replications: samples.length,
    samples,
    intervals,
    verdict,
    departure,
    status: status(verdict.met, departure),
  };
}

/**
 * Replications of the checks, replication by replication: within one, the checks of a group share
 * their simulations. `reps` overrides each check's own number of replications.
 */
export function validate(
  checks: Check[],
  load: WorldLoader,
  options: { reps?: number; onRun?: () => void } = {},
): CheckResult[] {
  const samples = checks.map(() => [] as number[][]);
  const most = Math.max(0, ...checks.map((c) => options.reps ?? c.design.replications));
  for (let k = 0; k < most; k++) {
    const lab = new Lab(load, options.onRun);
    checks.forEach((c, j) => {
      if (k < (options.reps ?? c.design.replications)) samples[j].push(c.sample(lab, k));
    });
  }
  return checks.map((c, j) => conclude(c, samples[j]));
}

/** Replication k of the given checks (one task of a parallel run): their figures, by check id. */
export function replicate(
  checks: Check[],
  load: WorldLoader,
  k: number,
  onRun?: () => void,
): Record<string, number[]> {
  const lab = new Lab(load, onRun);
  return Object.fromEntries(checks.map((c) => [c.id, c.sample(lab, k)]));
}
