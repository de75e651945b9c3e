/**
 * npm run calibrate -- TARGETS.json --from BASELINE --out MY-BUSINESS.json
 *     [--workers N] [--replications R] [--seed S] [--evaluations E]
 *
 * Calibrates a baseline (a file, share link or library id such as baselines/restaurant) to the
 * figures a manager knows (docs/calibration.md), on worker threads, with a progress line; writes the
 * calibrated scenario and prints target against simulated (fresh seeds, 95 % intervals), the
 * parameters found in plain words, and the figures that cannot be met together.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { type CalibrationResult, calibrate, type FigureEvaluator } from '../calibration/calibrate.ts';
import type { SimulatedFigures } from '../calibration/figures.ts';
import { FIRST_YEAR, readOutcome, readParameter } from '../calibration/reading.ts';
import { FIGURES, parseTargets } from '../calibration/targets.ts';
import type { Task } from '../experiments/measure.ts';
import { formatProblem } from '../scenario/errors.ts';
import { serialiseScenario } from '../scenario/importer.ts';
import { intFlag, parseArgs } from './args.ts';
import { problemLines, readScenarioArg } from './scenarioArg.ts';
import { threadRunner } from './threadEvaluator.ts';

const fmt = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en') : x.toPrecision(3));

/** The table and readings printed after a calibration. */
export function describeCalibration(r: CalibrationResult): string {
  const lines = ['figure                     target ± tolerance       simulated (fresh seeds) [95 %]'];
  for (const f of r.figures) {
    const unit = FIGURES[f.id].unit;
    lines.push(
      `  ${f.within ? '✓' : '✗'} ${f.id.padEnd(24)} ${`${fmt(f.target)} ± ${fmt(f.tolerance)}`.padEnd(22)} ${fmt(f.simulated.mean)} [${fmt(f.simulated.lo)}, ${fmt(f.simulated.hi)}] ${unit}`,
    );
  }
  lines.push('', `${FIRST_YEAR.en} ${FIRST_YEAR.zh}`);
  const p = r.projection;
  if (p)
    lines.push(
      `projected for months ${p.from + 1}–${p.month} (not matched): ${p.figures.map((f) => `${f.id} ${fmt(f.simulated.mean)}`).join(', ')}`,
    );
  lines.push('', 'parameters found (scenario fields; ±1 standard error from the figures):');
  for (const p of r.parameters) {
    const range = p.range ? `[${fmt(p.range[0])}, ${fmt(p.range[1])}]` : '[not pinned]';
    const pin = p.pinnedBy ? `pinned by ${p.pinnedBy}` : 'pinned by no figure';
    lines.push(`  ${p.id.padEnd(18)} ${fmt(p.value).padStart(9)} ${range.padEnd(22)} ${pin}; ${p.fields}`);
    const t = readParameter(p);
    lines.push(`      ${t.en}`, `      ${t.zh}`);
  }
  const o = readOutcome(r);
  lines.push('', o.en, o.zh);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { positional, flags } = parseArgs(process.argv.slice(2), [
    'from',
    'out',
    'workers',
    'replications',
    'seed',
    'evaluations',
  ]);
  if (!positional[0]) throw new Error('which figures? give a targets file (docs/calibration.md)');
  if (!flags.out) throw new Error('--out MY-BUSINESS.json is required');
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(positional[0], 'utf8'));
  } catch (e) {
    throw new Error(`${positional[0]}: ${e instanceof Error ? e.message : e}`);
  }
  const t = parseTargets(input);
  if (!t.ok)
    throw new Error(
      [
        `${positional[0]} cannot be used:`,
        ...t.problems.map((p) => `  ${formatProblem(p, 'en')}\n  ${formatProblem(p, 'zh')}`),
      ].join('\n'),
    );
  const from = flags.from ?? t.file.from;
  if (!from)
    throw new Error('which baseline? give --from (e.g. baselines/restaurant) or "from" in the targets file');
  const base = await readScenarioArg(from);
  if (!base.ok) throw new Error(problemLines(base, base.source));
  const threads = intFlag(flags, 'workers', availableParallelism(), 1, 64);
  const replications = intFlag(flags, 'replications', 4, 2, 64);
  const evaluations = flags.evaluations ? intFlag(flags, 'evaluations', 0, 5, 10_000) : undefined;
  const pool = threadRunner<{ task: Task; from?: number }, SimulatedFigures>(
    './calibrateWorker.mjs',
    threads,
  );
  const evaluate: FigureEvaluator = (tasks, onDone, from) =>
    pool.run(
      tasks.map((task) => ({ task, from })),
      onDone,
    );
  const started = performance.now();
  let shownAt = 0;
  try {
    const r = await calibrate(base.file, t.targets, evaluate, {
      replications,
      seed: flags.seed ?? 'calibration',
      maxEvaluations: evaluations,
      onProgress: (p) => {
        const now = performance.now();
        if (now - shownAt < (process.stderr.isTTY ? 250 : 5000)) return;
        shownAt = now;
        const line = `${p.phase}: ${p.evaluations} points, ${p.runs} runs (at most ${p.plannedRuns}), misfit ${p.best.toFixed(2)}`;
        process.stderr.write(process.stderr.isTTY ? `\r${line}   ` : `${line}\n`);
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    writeFileSync(flags.out, serialiseScenario(r.file));
    console.log(describeCalibration(r));
    console.log(
      `(${((performance.now() - started) / 1000).toFixed(1)} s on ${threads} threads) → ${flags.out}`,
    );
  } finally {
    await pool.close();
  }
}

if (process.argv[1] && /calibrate\.(mjs|ts)$/.test(process.argv[1]))
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
