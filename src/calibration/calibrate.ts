/**
 * Calibration by simulation: the free parameters (parameters.ts) are searched so that the simulated
 * first-year figures (figures.ts) match the manager's (targets.ts), each miss measured in units of
 * its tolerance: objective = Σ ((simulated − target) / tolerance)². Every candidate runs with the
 * same seeds (common random numbers), so the objective is a deterministic, nearly smooth function
 * of the parameters and a derivative-free search (search.ts) can follow it. The search starts from
 * the baseline, rescaled by one pilot run for the parameters a figure is proportional to. The
 * search's last Jacobian (one step along each parameter, same seeds) says which figures pin which
 * parameter and how closely, and a final check on fresh seeds gives the figures' intervals, so the
 * reported fit is not flattered by the seeds it was searched on.
 */

import { invert } from '../analysis/clv/optimize.ts';
import { type Interval, interval } from '../analysis/stats.ts';
import { simulate } from '../engine/index.ts';
import type { Task } from '../experiments/measure.ts';
import { type ScenarioFile, toEngine } from '../scenario/schema.ts';
import { CALIBRATION_MONTHS, figuresOf, type SimulatedFigures } from './figures.ts';
import {
  applyDirect,
  freeParameters,
  fromUnit,
  type ParameterDef,
  type ParameterId,
  toUnit,
} from './parameters.ts';
import { savedDescription, savedName } from './reading.ts';
import { boxLevenbergMarquardt } from './search.ts';
import { FIGURES, type FigureId, type Target } from './targets.ts';

/**
 * Runs tasks (each a 13-month scenario, or longer for the projection) and returns each run's figures
 * of the year after `from` months (the first year by default), in order; may run them in parallel.
 */
export type FigureEvaluator = (
  tasks: Task[],
  onDone?: (finished: number) => void,
  from?: number,
) => Promise<SimulatedFigures[]>;

/** Runs every task here, one after another (command line, tests). */
export const evaluateFiguresHere: FigureEvaluator = async (tasks, onDone, from = 0) =>
  tasks.map((t, k) => {
    const r = figuresOf(simulate(t.scenario, { seed: t.seed, replication: t.replication }), from);
    onDone?.(k + 1);
    return r;
  });

export interface CalibrationOptions {
  /** Replications per candidate in the search (the same seeds for every candidate). */
  replications?: number;
  /** Replications of the final check, on fresh seeds. */
  checkReplications?: number;
  /** Replications of the projection of the scenario's last year (0: none). */
  projectionReplications?: number;
  seed?: number | string;
  /** Points the search may evaluate (default 12 Jacobians' worth: 12 × (free parameters + 2)). */
  maxEvaluations?: number;
  onProgress?: (p: CalibrationProgress) => void;
}

export interface CalibrationProgress {
  phase: 'search' | 'check';
  /** Simulation runs finished, and the most the calibration will need. */
  runs: number;
  plannedRuns: number;
  evaluations: number;
  best: number;
}

export interface ParameterResult {
  id: ParameterId;
  fields: string;
  bounds: [number, number];
  baseline: number;
  value: number;
  /** Within 1 % of the range of a bound: the figures wanted it further. */
  atBound: 'lower' | 'upper' | null;
  /** ±1 standard error from the local sensitivity, figures read to their tolerances (natural units). */
  range: [number, number] | null;
  /** Whether the figures pin it down: its range covers less than a quarter of its bounds. */
  identifiable: boolean;
  /** The figure that moves most with it (in tolerances), if any does. */
  pinnedBy: FigureId | null;
}

export interface FigureResult {
  id: FigureId;
  target: number;
  tolerance: number;
  /** On fresh seeds. */
  simulated: Interval;
  within: boolean;
}

/**
 * The fitted figures as the calibrated world shows them in the last twelve months of its own horizon
 * (months from+1 … from+12, retention at month from+13): not matched to anything, the model's
 * projection, shown because the Scenario tab's headline figures are read at the run's end.
 */
export interface Projection {
  from: number;
  /** The run's last month, at which retention is read. */
  month: number;
  figures: { id: FigureId; simulated: Interval }[];
}

export interface CalibrationResult {
  file: ScenarioFile;
  figures: FigureResult[];
  /** Null when the scenario's horizon is the first year itself. */
  projection: Projection | null;
  parameters: ParameterResult[];
  /** Sum of squared misses in tolerances, at the search's seeds. */
  objective: number;
  evaluations: number;
  runs: number;
  converged: boolean;
  stopReason: 'goal' | 'collapsed' | 'budget';
  /** Figures that cannot be met together, with the parameters held at their bounds. */
  conflict: { figures: FigureId[]; parameters: ParameterId[] } | null;
}

/** The figures' mean over replications (NaN where every replication was NaN). */
function meanFigures(runs: SimulatedFigures[]): SimulatedFigures {
  const out: SimulatedFigures = {};
  for (const id of Object.keys(runs[0] ?? {}) as FigureId[])
    out[id] = interval(runs.map((r) => r[id] ?? Number.NaN)).mean;
  return out;
}

/** Misses in tolerances, per fitted target. */
function misses(targets: readonly Target[], sim: SimulatedFigures): number[] {
  return targets.map((t) => {
    const v = sim[t.id];
    return v === undefined || !Number.isFinite(v) ? 1e3 : (v - t.value) / t.tolerance;
  });
}

/** The scenario at a point of the search (its own horizon). */
export function scenarioWith(
  file: ScenarioFile,
  params: readonly ParameterDef[],
  bounds: readonly [number, number][],
  u: readonly number[],
): ScenarioFile {
  return params.reduce((f, p, j) => p.apply(f, fromUnit(p, bounds[j], u[j])), file);
}

export async function calibrate(
  base: ScenarioFile,
  allTargets: readonly Target[],
  evaluate: FigureEvaluator,
  options: CalibrationOptions = {},
): Promise<CalibrationResult> {
  const R = options.replications ?? 4;
  const checkR = options.checkReplications ?? 8;
  const horizon = base.horizonMonths;
  const projectR = horizon > CALIBRATION_MONTHS ? (options.projectionReplications ?? 4) : 0;
  const seed = options.seed ?? 'calibration';
  const direct = applyDirect(base, allTargets);
  const targets = allTargets.filter((t) => FIGURES[t.id].kind === 'fitted');
  const params = freeParameters(allTargets);
  const bounds = params.map((p) => p.bounds(direct, allTargets));
  const d = params.length;
  const maxEvaluations = options.maxEvaluations ?? 12 * (d + 2);
  const plannedRuns = (1 + maxEvaluations + d) * R + checkR + projectR;
  let runs = 0;
  let evaluations = 0;
  let best = Number.POSITIVE_INFINITY;
  let phase: CalibrationProgress['phase'] = 'search';
  const progress = () => options.onProgress?.({ phase, runs, plannedRuns, evaluations, best });
  const runAt = async (
    us: number[][],
    s: number | string,
    reps: number,
    months = CALIBRATION_MONTHS,
  ): Promise<SimulatedFigures[][]> => {
    const tasks: Task[] = us.flatMap((u) => {
      const scenario = toEngine(scenarioWith({ ...direct, horizonMonths: months }, params, bounds, u));
      return Array.from({ length: reps }, (_, k) => ({ scenario, seed: s, replication: k }));
    });
    const before = runs;
    const from = months - CALIBRATION_MONTHS;
    const out = await evaluate(
      tasks,
      (n) => {
        runs = before + n;
        progress();
      },
      ...(from > 0 ? [from] : []),
    );
    runs = before + tasks.length;
    return us.map((_, i) => out.slice(i * reps, (i + 1) * reps));
  };

  // Pilot at the baseline: parameters a figure scales with start at baseline × target / simulated.
  let u0 = params.map((p, j) => toUnit(p, bounds[j], p.read(direct)));
  const [pilotRuns] = await runAt([u0], seed, R);
  const pilot = meanFigures(pilotRuns);
  u0 = params.map((p, j) => {
    const fig = p.proportional;
    const t = fig && targets.find((x) => x.id === fig);
    const sim = fig ? pilot[fig] : undefined;
    if (!t || sim === undefined || !(sim > 0)) return u0[j];
    return toUnit(p, bounds[j], p.read(direct) * (t.value / sim));
  });

  const search = await boxLevenbergMarquardt(
    async (points) => (await runAt(points, seed, R)).map((r) => misses(targets, meanFigures(r))),
    u0,
    {
      maxEvaluations,
      // Every figure within a third of its tolerance on the search's seeds leaves room for the
      // fresh seeds of the check to differ.
      goal: (m) => m.every((x) => Math.abs(x) <= 1 / 3),
      onStep: (n, v) => {
        evaluations = n;
        best = v;
        progress();
      },
    },
  );
  evaluations = search.evaluations;
  best = search.value;
  const J = search.jacobian;
  // Gauss–Newton covariance of u, (JᵀJ)⁻¹, reading each tolerance as one standard error of its figure.
  const JtJ = params.map((_, a) =>
    params.map((_, b) => targets.reduce((s, _, i) => s + J[a][i] * J[b][i], 0)),
  );
  const cov = d ? invert(JtJ) : null;
  const se = params.map((_, j) => (cov && cov[j][j] > 0 ? Math.sqrt(cov[j][j]) : Number.POSITIVE_INFINITY));

  phase = 'check';
  const [checkRuns] = await runAt([search.x], `${seed}:check`, checkR);
  // The same world to the end of its horizon, on the check's seeds (whose first year is the check's).
  const projectRuns = projectR ? (await runAt([search.x], `${seed}:check`, projectR, horizon))[0] : null;
  progress();
  const figures: FigureResult[] = targets.map((t) => {
    const iv = interval(checkRuns.map((r) => r[t.id] ?? Number.NaN));
    return {
      id: t.id,
      target: t.value,
      tolerance: t.tolerance,
      simulated: iv,
      within: Math.abs(iv.mean - t.value) <= t.tolerance,
    };
  });
  const parameters: ParameterResult[] = params.map((p, j) => {
    const u = search.x[j];
    // Moving across the whole range must shift some figure by at least one tolerance to be pinned at all.
    const moves = targets.some((_, i) => Math.abs(J[j][i]) >= 1);
    // The figure it pins is the one it is the chief mover of: the largest share of that figure's
    // sensitivity to all the parameters (so retention, not active customers, pins competition).
    let pinned: FigureId | null = null;
    let top = 0;
    targets.forEach((t, i) => {
      const all = Math.hypot(...params.map((_, k) => J[k][i]));
      const share = all > 0 ? Math.abs(J[j][i]) / all : 0;
      if (moves && Math.abs(J[j][i]) >= 1 && share > top) {
        pinned = t.id;
        top = share;
      }
    });
    return {
      id: p.id,
      fields: p.fields,
      bounds: bounds[j],
      baseline: p.read(direct),
      value: fromUnit(p, bounds[j], u),
      atBound: u <= 0.01 ? 'lower' : u >= 0.99 ? 'upper' : null,
      range: Number.isFinite(se[j])
        ? [fromUnit(p, bounds[j], u - se[j]), fromUnit(p, bounds[j], u + se[j])]
        : null,
      identifiable: pinned !== null && se[j] < 0.25,
      pinnedBy: pinned,
    };
  });
  const projection: Projection | null = projectRuns
    ? {
        from: horizon - CALIBRATION_MONTHS,
        month: horizon,
        figures: targets.map((t) => ({
          id: t.id,
          simulated: interval(projectRuns.map((r) => r[t.id] ?? Number.NaN)),
        })),
      }
    : null;
  const missed = figures.filter((f) => !f.within).map((f) => f.id);
  const held = parameters.filter((p) => p.atBound).map((p) => p.id);
  const file = scenarioWith(direct, params, bounds, search.x);
  const { $schema: _, ...saved } = file;
  return {
    file: {
      ...saved,
      name: savedName(base),
      description: savedDescription({ figures, parameters, projection }, base),
    },
    figures,
    projection,
    parameters,
    objective: search.value,
    evaluations,
    runs,
    converged: search.converged,
    stopReason: search.reason,
    conflict: missed.length ? { figures: missed, parameters: held } : null,
  };
}
