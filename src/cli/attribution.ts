/**
 * `npm run simulate -- PLAN --baseline BASE --attribute OUTCOME [--reps N] [--seed S] [--workers N]
 * [--out attribution.csv]`: where the plan's effect on one outcome comes from, by lever group, on
 * every core, printed as a table and written as CSV.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { formatInterval } from '../analysis/summary.ts';
import {
  type Attribution,
  attribute,
  attributionCsv,
  attributionDesign,
} from '../experiments/attribution.ts';
import { OUTCOMES } from '../experiments/outcomes.ts';
import { OUTCOME_IDS, type OutcomeId } from '../scenario/experimentSchema.ts';
import { intFlag } from './args.ts';
import { problemLines, readScenarioArg } from './scenarioArg.ts';
import { threadEvaluator } from './threadEvaluator.ts';

const PART_LABELS: Record<Attribution['rows'][number]['part'], string> = {
  value: 'value 价值',
  emotion: 'emotion 情感',
  experience: 'experience 体验',
  organisation: 'organisation 组织保障',
  interaction: 'of which interaction 协同',
  other: 'changes outside the levers 杠杆以外的改动',
  total: 'total difference 总差异',
};

export function parseOutcome(raw: string): OutcomeId {
  if (!(OUTCOME_IDS as readonly string[]).includes(raw))
    throw new Error(`--attribute must be one of ${OUTCOME_IDS.join(', ')}, got ${raw}`);
  return raw as OutcomeId;
}

/** The table a terminal shows: each part's mean and 95 % paired interval; each group also alone. */
export function attributionTable(a: Attribution, names: { baseline: string; plan: string }): string {
  const unit = OUTCOMES[a.outcome].unit;
  const f = (iv: Attribution['rows'][number]['value']) =>
    `${formatInterval(iv, unit)}${unit === '%' ? ' %' : ''}`;
  const lines = [
    `${names.plan} against ${names.baseline}: ${a.outcome}, ${a.replications} replications, seed ${a.seed}`,
    'Shapley parts over the lever groups (mean [95% paired interval]); the parts add up to the total',
    `  ${'part'.padEnd(44)} ${'Shapley part'.padEnd(36)} applied alone`,
  ];
  for (const r of a.rows) {
    if (r.part === 'interaction')
      lines.push('  — the parts contain the interaction: the total minus the sum of each group alone —');
    lines.push(`  ${PART_LABELS[r.part].padEnd(44)} ${f(r.value).padEnd(36)} ${r.alone ? f(r.alone) : ''}`);
  }
  if (a.design.otherChanges)
    lines.push(
      `  the plan also changes ${a.design.otherPaths.join(', ')}: not a lever, shown as its own part`,
    );
  return lines.join('\n');
}

export async function runAttributionCli(planArg: string, flags: Record<string, string>): Promise<void> {
  const outcome = parseOutcome(flags.attribute);
  if (!flags.baseline)
    throw new Error('--attribute needs --baseline BASE (a file, share link or library id)');
  const reps = intFlag(flags, 'reps', 10, 2, 10_000);
  const seed = flags.seed ?? '1';
  const [plan, base] = await Promise.all([readScenarioArg(planArg), readScenarioArg(flags.baseline)]);
  if (!plan.ok) throw new Error(problemLines(plan, plan.source));
  if (!base.ok) throw new Error(problemLines(base, base.source));
  const design = attributionDesign(base.scenario, plan.scenario);
  const threads = intFlag(flags, 'workers', availableParallelism(), 1, 64);
  const pool = threadEvaluator(threads);
  const started = performance.now();
  let shownTenth = -1;
  try {
    const a = await attribute(
      base.scenario,
      plan.scenario,
      outcome,
      seed,
      reps,
      pool.evaluate,
      {},
      (done, total) => {
        const tenth = Math.floor((10 * done) / total);
        if (tenth > shownTenth) {
          shownTenth = tenth;
          process.stderr.write(`attribution: ${done}/${total} runs\n`);
        }
      },
    );
    const names = { baseline: base.scenario.name, plan: plan.scenario.name };
    console.log(attributionTable(a, names));
    const out = flags.out ?? `attribution-${outcome}.csv`;
    writeFileSync(out, attributionCsv(a, names));
    console.log(
      `${design.subsets.length} subsets of the lever groups × ${reps} replications (${((performance.now() - started) / 1000).toFixed(1)} s on ${threads} threads) → ${out}`,
    );
  } finally {
    await pool.close();
  }
}
