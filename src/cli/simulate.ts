/**
 * npm run simulate -- [scenario.json | share link | library id] --reps N --seed S --out results.csv
 *   [--log transactions.csv [--log-start YYYY-MM-DD]]
 * Runs N replications, prints the headline KPIs with 95 % intervals, writes per-month results as CSV.
 * With --baseline BASE --attribute OUTCOME: where the plan's effect comes from (./attribution.ts).
 */
import { writeFileSync } from 'node:fs';
import { simulatedTransactionLog } from '../analysis/clv/simulatedLog.ts';
import { resultsToCsv } from '../analysis/csv.ts';
import { formatInterval, summarise } from '../analysis/summary.ts';
import { defaultScenario, type RunResult, type Scenario, ScenarioError, simulate } from '../engine/index.ts';
import { evaluateCheck } from '../scenario/cases.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import { intFlag, parseArgs } from './args.ts';
import { runAttributionCli } from './attribution.ts';
import { problemLines, readScenarioArg } from './scenarioArg.ts';

async function main(): Promise<void> {
  const { positional, flags } = parseArgs(process.argv.slice(2), [
    ...['reps', 'seed', 'out', 'log', 'log-start'],
    ...['baseline', 'attribute', 'workers'],
  ]);
  if (flags.attribute !== undefined || flags.baseline !== undefined) {
    if (!positional[0])
      throw new Error(
        '--attribute needs the plan: npm run simulate -- PLAN --baseline BASE --attribute OUTCOME',
      );
    if (flags.attribute === undefined) throw new Error('--baseline goes with --attribute OUTCOME');
    return runAttributionCli(positional[0], flags);
  }
  const reps = intFlag(flags, 'reps', 10, 1, 10_000);
  const seed = flags.seed ?? '1';
  let scenario: Scenario = defaultScenario();
  let caseFile: ScenarioFile | null = null;
  if (positional[0]) {
    const r = await readScenarioArg(positional[0]);
    if (!r.ok) {
      console.error(problemLines(r, r.source));
      process.exit(1);
    }
    if (r.migratedFrom !== null)
      console.error(`(${r.source} is in format ${r.migratedFrom}; read as the current format)`);
    scenario = r.scenario;
    if (r.file.case) caseFile = r.file;
  }
  const started = performance.now();
  const results: RunResult[] = [];
  for (let k = 0; k < reps; k++) {
    results.push(simulate(scenario, { seed, replication: k }));
    if (process.stderr.isTTY) process.stderr.write(`\r${k + 1}/${reps} replications`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  const seconds = (performance.now() - started) / 1000;
  console.log(`${scenario.name}`);
  console.log(
    `${scenario.population.marketSize.toLocaleString('en')} people × ${scenario.horizonMonths} months × ${reps} replications, seed ${seed} (${seconds.toFixed(1)} s)`,
  );
  console.log('KPI (mean [95% interval])');
  for (const { kpi, interval } of summarise(results)) {
    console.log(
      `  ${kpi.label.padEnd(42)} ${formatInterval(interval, kpi.unit)}${kpi.unit === '%' ? ' %' : ''}`,
    );
  }
  if (caseFile?.case) await printCase(caseFile, results, seed, reps);
  if (flags.log) {
    writeFileSync(flags.log, simulatedTransactionLog(scenario, { seed, replication: 0 }, flags['log-start']));
    console.log(`transaction log of replication 0 (customer,date,amount): ${flags.log}`);
  }
  if (flags.out) {
    writeFileSync(flags.out, resultsToCsv(results));
    console.log(`per-month results: ${flags.out}`);
  }
}

/** For a case scenario: the reported figure next to the simulated one (the baseline runs with the same seeds). */
async function printCase(
  file: ScenarioFile,
  results: RunResult[],
  seed: string,
  reps: number,
): Promise<void> {
  const info = file.case!;
  const needsBaseline = info.checks.some((c) => c.kind === 'vsBaseline' || c.kind === 'baselineLevel');
  let baseline: RunResult[] | null = null;
  if (needsBaseline && file.baseline) {
    const b = await readScenarioArg(file.baseline);
    if (!b.ok) throw new Error(`the case's baseline ${file.baseline} cannot be read`);
    baseline = Array.from({ length: reps }, (_, k) => simulate(b.scenario, { seed, replication: k }));
  }
  console.log(`Case ${info.firm.en} ${info.firm.zh} — reported: ${info.reported.en}`);
  for (const check of info.checks) {
    const o = evaluateCheck(check, results, baseline);
    const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
    console.log(
      `  ${check.label.en}: reported ${pct(check.target)} ± ${pct(check.tolerance)}, simulated ${pct(o.simulated.mean)} [${pct(o.simulated.lo)}, ${pct(o.simulated.hi)}] ${o.reproduced ? '✓ reproduced' : check.departure ? '✗ known departure (see the case file)' : '✗ not reproduced'}`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(
    e instanceof ScenarioError ? e.message : `error: ${e instanceof Error ? e.message : String(e)}`,
  );
  process.exit(1);
});
