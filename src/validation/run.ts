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

/** One unit of work: replication k of the checks of one group (they share their simulations). */
export interface Task {
  k: number;
  ids: string[];
}

/** The tasks for `reps(check)` replications of each check, replication by replication. */
export function plan(checks: Check[], reps: (c: Check) => number = (c) => c.design.replications): Task[] {
  const most = Math.max(0, ...checks.map(reps));
  const out: Task[] = [];
  for (let k = 0; k < most; k++) {
    const groups = new Map<string, string[]>();
    for (const c of checks) {
      if (k >= reps(c)) continue;
      groups.set(c.group, [...(groups.get(c.group) ?? []), c.id]);
    }
    for (const ids of groups.values()) out.push({ k, ids });
  }
  return out;
}

/** Replication k of the given checks, sharing one lab: their figures, by check id. */
export function replicate(
  checks: Check[],
  load: WorldLoader,
  k: number,
  onRun?: () => void,
): Record<string, number[]> {
  const lab = new Lab(load, onRun);
  return Object.fromEntries(checks.map((c) => [c.id, c.sample(lab, k)]));
}

/** Results from the tasks' outputs (in any order of completion: each output is placed by its k). */
export function collect(
  checks: Check[],
  tasks: Task[],
  outputs: Record<string, number[]>[],
  departures: Record<string, Text> = KNOWN_DEPARTURES,
): CheckResult[] {
  const samples = new Map<string, number[][]>(checks.map((c) => [c.id, []]));
  tasks.forEach((task, i) => {
    for (const id of task.ids) samples.get(id)![task.k] = outputs[i][id];
  });
  return checks.map((c) => conclude(c, samples.get(c.id)!, departures));
}

/** The checks' replications, one task after another (the command line and the tests). */
export function validate(
  checks: Check[],
  load: WorldLoader,
  options: { reps?: number; onRun?: () => void } = {},
): CheckResult[] {
  const tasks = plan(checks, options.reps ? () => options.reps! : undefined);
  const byId = new Map(checks.map((c) => [c.id, c]));
  const outputs = tasks.map((t) =>
    replicate(
      t.ids.map((id) => byId.get(id)!),
      load,
      t.k,
      options.onRun,
    ),
  );
  return collect(checks, tasks, outputs);
}

/** One check's result over `reps` replications (its own number by default). */
export function measure(check: Check, load: WorldLoader, reps = check.design.replications): CheckResult {
  return validate([check], load, { reps })[0];
}
