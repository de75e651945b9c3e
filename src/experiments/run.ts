/**
 * Running an experiment end to end: the tasks it needs, optionally one shard of them, the
 * measurements, and the analysis. The output is a plain JSON document; shards of a sweep or a
 * sensitivity analysis merge into exactly the document the unsharded run writes.
 */
import { type Interval, interval, pairedDifference } from '../analysis/stats.ts';
import type { Experiment, Optimise, Sensitivity, Sweep } from '../scenario/experimentSchema.ts';
import { getAt } from '../scenario/fields.ts';
import { textIn } from '../scenario/localText.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import { analyseSensitivity, analyseSweep, type SensitivityResult, type SweepResult } from './analyse.ts';
import { choiceAxes, scenarioAt } from './apply.ts';
import { type Point, sensitivityDesign, sweepPoints } from './design.ts';
import type { Evaluator, Measurement, Task } from './measure.ts';
import { BudgetSearch } from './optimise.ts';

export interface Shard {
  index: number;
  count: number;
}

export interface MixReport {
  point: Point;
  objective: Interval;
  spend: number;
  dimensions: { value: number; emotion: number; experience: number };
}

export interface OptimiseResult {
  kind: 'optimise';
  /** Re-measured with fresh seeds, so the winner's interval is not flattered by its selection. */
  best: (MixReport & { vsBaseline: Interval }) | null;
  baseline: MixReport;
  runnersUp: (MixReport & { vsBest: Interval })[];
  /**
   * With a categorical decision: per choice, the best mix its search found, re-measured on the same
   * fresh seeds as the winner (null when none fitted the budget).
   */
  byChoice?: { choice: number; best: (MixReport & { vsBaseline: Interval }) | null }[];
  /** Best feasible objective found after each evaluation of the search (searches one after another). */
  trace: number[];
  searched: { point: Point; objective: number; spend: number; feasible: boolean }[];
}

export type ExperimentResult = SweepResult | SensitivityResult | OptimiseResult;

export interface ExperimentOutput {
  format: 'loyalty-lab-experiment';
  version: 1;
  scenario: string;
  experiment: Experiment;
  fingerprint: string;
  shard: Shard;
  /** Tasks (point × replication) in the whole experiment. */
  tasks: number;
  /** [task index, outcome] for this shard's tasks, by index. */
  values: [number, number][];
  result?: ExperimentResult;
}

/** FNV-1a of the scenario and experiment: shards of different experiments never merge. */
export function fingerprint(file: ScenarioFile, e: Experiment): string {
  const text = JSON.stringify({ ...file, experiments: [] }) + JSON.stringify(e);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The points a sweep or sensitivity analysis evaluates. */
export function experimentPoints(e: Sweep | Sensitivity): Point[] {
  return e.kind === 'sweep' ? sweepPoints(e) : sensitivityDesign(e).points;
}

function analyse(e: Sweep | Sensitivity, byTask: Map<number, number>): ExperimentResult {
  const R = e.replications;
  const points = experimentPoints(e);
  const values = points.map((_, p) => Array.from({ length: R }, (_, k) => byTask.get(p * R + k)!));
  return e.kind === 'sweep'
    ? analyseSweep(e, points, values)
    : analyseSensitivity(e, sensitivityDesign(e), values);
}

export interface RunHooks {
  shard?: Shard;
  onProgress?: (done: number, total: number) => void;
}

export async function runExperiment(
  file: ScenarioFile,
  e: Experiment,
  evaluate: Evaluator,
  hooks: RunHooks = {},
): Promise<ExperimentOutput> {
  const shard = hooks.shard ?? { index: 0, count: 1 };
  if (shard.count < 1 || shard.index < 0 || shard.index >= shard.count || !Number.isInteger(shard.index))
    throw new Error(`shard ${shard.index + 1}/${shard.count} does not exist`);
  const base = {
    format: 'loyalty-lab-experiment' as const,
    version: 1 as const,
    // The output is read on the command line and by scripts: one text, the English name.
    scenario: textIn(file.name, 'en'),
    experiment: e,
    fingerprint: fingerprint(file, e),
    shard,
  };
  if (e.kind === 'optimise') {
    if (shard.count > 1)
      throw new Error(
        'an optimisation is a sequential search (each step depends on the last), so it cannot be split into shards; run it whole (it uses every core) — sweeps and sensitivity analyses can be sharded',
      );
    const result = await optimise(file, e, evaluate, hooks.onProgress);
    return { ...base, tasks: 0, values: [], result };
  }
  const R = e.replications;
  const points = experimentPoints(e);
  const total = points.length * R;
  const mine: number[] = [];
  for (let t = shard.index; t < total; t += shard.count) mine.push(t);
  const choices = choiceAxes(e);
  const tasks: Task[] = mine.map((t) => ({
    scenario: scenarioAt(file, points[Math.floor(t / R)], choices),
    seed: e.seed,
    replication: t % R,
  }));
  const ms = await evaluate(tasks, e.outcome, (n) => hooks.onProgress?.(n, tasks.length));
  const values: [number, number][] = mine.map((t, k) => [t, ms[k].outcome]);
  const out: ExperimentOutput = { ...base, tasks: total, values };
  if (shard.count === 1) out.result = analyse(e, new Map(values));
  return out;
}

/** Joins the shards of one experiment into the output of the unsharded run. */
export function mergeOutputs(parts: ExperimentOutput[]): ExperimentOutput {
  if (parts.length === 0) throw new Error('nothing to merge');
  const first = parts[0];
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const [k, p] of parts.entries()) {
    if (p.format !== 'loyalty-lab-experiment') problems.push(`file ${k + 1} is not an experiment output`);
    else if (p.fingerprint !== first.fingerprint)
      problems.push(
        `file ${k + 1} comes from a different scenario or experiment (${p.fingerprint} ≠ ${first.fingerprint})`,
      );
    else if (p.shard.count !== first.shard.count)
      problems.push(
        `file ${k + 1} is shard ${p.shard.index + 1} of ${p.shard.count}, the first of ${first.shard.count}`,
      );
    else if (seen.has(p.shard.index))
      problems.push(`shard ${p.shard.index + 1}/${p.shard.count} appears twice`);
    seen.add(p.shard.index);
  }
  const missing = Array.from({ length: first.shard.count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length)
    problems.push(`missing shard(s) ${missing.map((i) => `${i + 1}/${first.shard.count}`).join(', ')}`);
  if (problems.length) throw new Error(problems.join('; '));
  const values = parts.flatMap((p) => p.values).sort((a, b) => a[0] - b[0]);
  if (values.length !== first.tasks || values.some(([t], k) => t !== k))
    throw new Error(`the shards hold ${values.length} of the experiment's ${first.tasks} results`);
  const e = first.experiment;
  if (e.kind === 'optimise') throw new Error('an optimisation has no shards to merge');
  return { ...first, shard: { index: 0, count: 1 }, values, result: analyse(e, new Map(values)) };
}

async function optimise(
  file: ScenarioFile,
  e: Optimise,
  evaluate: Evaluator,
  onProgress?: (done: number, total: number) => void,
): Promise<OptimiseResult> {
  const R = e.replications;
  const start = e.levers.map((l) => {
    const value = getAt(file, l.path.split('.')) as number;
    return Math.min(l.max, Math.max(l.min, value));
  });
  const choices = choiceAxes(e);
  // A categorical decision: the numeric search once per choice, on the same seeds, so the bests compare fairly.
  const options: Point[] = e.audience ? e.audience.choices.map((_, k) => ({ [e.audience!.path]: k })) : [{}];
  // Search runs + the confirmation of baseline, each choice's winner and three runners-up.
  const total = (options.length * e.evaluations + 4 + options.length) * R;
  let done = 0;
  const runPoints = async (points: (Point | null)[], seed: number | string): Promise<Measurement[][]> => {
    const tasks = points.flatMap((p) =>
      Array.from({ length: R }, (_, k) => ({
        scenario: scenarioAt(file, p ?? {}, choices),
        seed,
        replication: k,
      })),
    );
    const before = done;
    const ms = await evaluate(tasks, e.objective, (n) => onProgress?.(Math.min(total, before + n), total));
    done += tasks.length;
    return points.map((_, i) => ms.slice(i * R, (i + 1) * R));
  };
  const searches: BudgetSearch[] = [];
  for (const option of options) {
    const search = new BudgetSearch(e, start);
    for (let batch = search.ask(); batch.length > 0; batch = search.ask()) {
      const ms = await runPoints(
        batch.map((c) => ({ ...option, ...c.point })),
        e.seed,
      );
      search.tell(ms.map((m) => ({ values: m.map((x) => x.outcome), spends: m.map((x) => x.spend) })));
    }
    searches.push(search);
  }
  const withOption = (k: number, p: Point): Point => ({ ...options[k], ...p });
  const bests = searches.map((s) => s.best());
  let win = -1;
  for (const [k, b] of bests.entries())
    if (b && (win < 0 || b.objective.mean > bests[win]!.objective.mean)) win = k;
  const best = win >= 0 ? bests[win] : null;
  const runners = win >= 0 ? searches[win].runnersUp(3) : [];
  // Fresh seeds for the figures reported: the search's own numbers favour whatever got lucky.
  const confirmSeed = `${e.seed}:confirm`;
  const [baseMs, ...rest] = await runPoints(
    [
      null,
      ...bests.map((b, k) => (b ? withOption(k, b.point) : null)),
      ...runners.map((r) => withOption(win, r.point)),
    ],
    confirmSeed,
  );
  const choiceMs = rest.slice(0, options.length);
  const runnerMs = rest.slice(options.length);
  const report = (point: Point, ms: Measurement[]): MixReport => ({
    point,
    objective: interval(ms.map((m) => m.outcome)),
    spend: ms.reduce((a, m) => a + m.spend, 0) / ms.length,
    dimensions: {
      value: ms.reduce((a, m) => a + m.value, 0) / ms.length,
      emotion: ms.reduce((a, m) => a + m.emotion, 0) / ms.length,
      experience: ms.reduce((a, m) => a + m.experience, 0) / ms.length,
    },
  });
  const baseline = report({}, baseMs);
  const outcomes = (ms: Measurement[]) => ms.map((m) => m.outcome);
  const bestMs = win >= 0 ? choiceMs[win] : baseMs;
  // The concatenated searches, the best so far carried across them.
  const searched = searches.flatMap((s, k) =>
    s.history.map((h) => ({
      point: withOption(k, h.point),
      objective: h.objective.mean,
      spend: h.spend,
      feasible: h.feasible,
    })),
  );
  const trace: number[] = [];
  let bestSoFar = Number.NaN;
  for (const s of searches)
    for (const v of s.trace) {
      if (Number.isFinite(v) && !(v <= bestSoFar)) bestSoFar = v;
      trace.push(bestSoFar);
    }
  return {
    kind: 'optimise',
    best: best
      ? {
          ...report(withOption(win, best.point), bestMs),
          vsBaseline: pairedDifference(outcomes(baseMs), outcomes(bestMs)),
        }
      : null,
    baseline,
    runnersUp: runners.map((r, k) => ({
      ...report(withOption(win, r.point), runnerMs[k]),
      vsBest: pairedDifference(outcomes(bestMs), outcomes(runnerMs[k])),
    })),
    ...(e.audience
      ? {
          byChoice: bests.map((b, k) =>
            b
              ? {
                  choice: k,
                  best: {
                    ...report(withOption(k, b.point), choiceMs[k]),
                    vsBaseline: pairedDifference(outcomes(baseMs), outcomes(choiceMs[k])),
                  },
                }
              : { choice: k, best: null },
          ),
        }
      : {}),
    trace,
    searched,
  };
}
