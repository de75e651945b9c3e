/**
 * npm run simulate -- [scenario.json] --reps N --seed S --out results.csv
 * Runs N replications, prints the headline KPIs with 95 % intervals, writes per-month results as CSV.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resultsToCsv } from '../analysis/csv.ts';
import { formatInterval, summarise } from '../analysis/summary.ts';
import { defaultScenario, type RunResult, type Scenario, ScenarioError, simulate } from '../engine/index.ts';
import { intFlag, parseArgs } from './args.ts';
import { loadScenario } from './loadScenario.ts';

function main(): void {
  const { positional, flags } = parseArgs(process.argv.slice(2), ['reps', 'seed', 'out']);
  const reps = intFlag(flags, 'reps', 10, 1, 10_000);
  const seed = flags.seed ?? '1';
  const scenario: Scenario = positional[0] ? loadScenario(positional[0], readFileSync) : defaultScenario();
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
  if (flags.out) {
    writeFileSync(flags.out, resultsToCsv(results));
    console.log(`per-month results: ${flags.out}`);
  }
}

try {
  main();
} catch (e) {
  if (e instanceof ScenarioError) {
    console.error(e.message);
  } else {
    console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
  }
  process.exit(1);
}
