/**
 * npm run experiment -- SCENARIO [--id ID] [--shard i/n] [--workers N] --out OUT.json
 * npm run experiment -- merge OUT1.json OUT2.json … --out OUT.json
 *
 * Runs an experiment defined in a scenario file (a file, share link or library id) headless, with a
 * progress line; or merges the shards of one into exactly the output of the unsharded run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { formatInterval } from '../analysis/summary.ts';
import { OUTCOMES } from '../experiments/outcomes.ts';
import { type ExperimentOutput, mergeOutputs, runExperiment, type Shard } from '../experiments/run.ts';
import { type ChoiceAxis, experimentChoices } from '../scenario/experimentSchema.ts';
import { choiceLabel } from '../ui/experimentLabels.ts';
import { intFlag, parseArgs } from './args.ts';
import { problemLines, readScenarioArg } from './scenarioArg.ts';
import { threadEvaluator } from './threadEvaluator.ts';

export function parseShard(raw: string | undefined): Shard | undefined {
  if (raw === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(raw);
  const i = m ? Number(m[1]) : Number.NaN;
  const n = m ? Number(m[2]) : Number.NaN;
  if (!m || n < 1 || i < 1 || i > n)
    throw new Error(`--shard must be i/n with 1 ≤ i ≤ n (e.g. 2/4 for the second of four), got ${raw}`);
  return { index: i - 1, count: n };
}

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3));

/** A readable summary of a finished experiment. */
export function describeOutput(o: ExperimentOutput): string {
  const r = o.result;
  const e = o.experiment;
  if (!r) return `shard ${o.shard.index + 1}/${o.shard.count}: ${o.values.length} of ${o.tasks} results`;
  const lines = [`${o.scenario} — ${e.id} (${e.kind})`];
  const unit = OUTCOMES[e.kind === 'optimise' ? e.objective : e.outcome].unit;
  const choices: ChoiceAxis[] = experimentChoices(e).map((c) => c.axis);
  // A categorical coordinate is its choice's index: say the choice ("top 20 % by value").
  const value = (p: string, v: number) => {
    const axis = choices.find((a) => a.path === p);
    return axis ? `"${choiceLabel(axis.choices[v], 'en')}"` : fmt(v);
  };
  const at = (point: Record<string, number>) =>
    Object.entries(point)
      .map(([p, v]) => `${p}=${value(p, v)}`)
      .join(' ');
  if (r.kind === 'sweep' && e.kind === 'sweep') {
    lines.push(`${e.outcome} (mean [95% interval]; difference from the first point, paired)`);
    for (const c of r.cells) {
      lines.push(
        `  ${at(c.point).padEnd(60)} ${formatInterval(c.value, unit)}   Δ ${formatInterval(c.vsFirst, unit)}`,
      );
    }
  } else if (r.kind === 'sensitivity' && e.kind === 'sensitivity') {
    lines.push(`${e.outcome} at the centre: ${formatInterval(r.centre, unit)}`);
    lines.push('Tornado (high − low, paired), largest first:');
    for (const t of r.tornado) lines.push(`  ${t.path.padEnd(48)} ${formatInterval(t.swing, unit)}`);
    lines.push('Morris elementary effects (μ*, μ, σ), most important first:');
    for (const m of r.morris)
      lines.push(`  ${m.path.padEnd(48)} μ* ${fmt(m.muStar)}  μ ${fmt(m.mu)}  σ ${fmt(m.sigma)}`);
  } else if (r.kind === 'optimise' && e.kind === 'optimise') {
    lines.push(`${e.objective}, budget ${e.monthlyBudget} a month; figures re-measured on fresh seeds`);
    lines.push(
      `  baseline: ${formatInterval(r.baseline.objective, unit)} (spend ${fmt(r.baseline.spend)}/month)`,
    );
    if (!r.best) lines.push('  no mix the search tried fits the budget');
    else {
      lines.push(
        `  best:     ${formatInterval(r.best.objective, unit)} (spend ${fmt(r.best.spend)}/month; vs baseline ${formatInterval(r.best.vsBaseline, unit)})`,
      );
      for (const [p, v] of Object.entries(r.best.point)) lines.push(`            ${p} = ${value(p, v)}`);
      for (const [k, u] of r.runnersUp.entries())
        lines.push(
          `  runner-up ${k + 1}: ${formatInterval(u.objective, unit)} (${Object.entries(u.point)
            .map(([p, v]) => value(p, v))
            .join(', ')})`,
        );
    }
    if (r.byChoice && e.audience) {
      lines.push(`  the best mix for each choice of ${e.audience.path} (same fresh seeds):`);
      for (const b of r.byChoice)
        lines.push(
          `    ${choiceLabel(e.audience.choices[b.choice], 'en').padEnd(28)} ${
            b.best
              ? `${formatInterval(b.best.objective, unit)} (spend ${fmt(b.best.spend)}/month; ${at(b.best.point)})`
              : 'no mix within the budget'
          }`,
        );
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { positional, flags } = parseArgs(process.argv.slice(2), ['id', 'shard', 'out', 'workers']);
  if (!flags.out) throw new Error('--out OUT.json is required');
  if (positional[0] === 'merge') {
    const files = positional.slice(1);
    if (files.length === 0) throw new Error('merge needs the shard outputs to merge');
    const parts = files.map((f) => {
      try {
        return JSON.parse(readFileSync(f, 'utf8')) as ExperimentOutput;
      } catch (e) {
        throw new Error(`${f}: ${e instanceof Error ? e.message : e}`);
      }
    });
    const merged = mergeOutputs(parts);
    writeFileSync(flags.out, JSON.stringify(merged));
    console.log(describeOutput(merged));
    console.log(`merged ${files.length} shards: ${flags.out}`);
    return;
  }
  if (!positional[0]) throw new Error('which scenario? give a file, a share link or a library id');
  const r = await readScenarioArg(positional[0]);
  if (!r.ok) throw new Error(problemLines(r, r.source));
  const list = r.file.experiments;
  if (list.length === 0) throw new Error(`${r.source} defines no experiments`);
  const e = flags.id ? list.find((x) => x.id === flags.id) : list.length === 1 ? list[0] : undefined;
  if (!e)
    throw new Error(
      `${flags.id ? `no experiment "${flags.id}"` : 'several experiments'} in ${r.source}; choose one with --id: ${list.map((x) => x.id).join(', ')}`,
    );
  const shard = parseShard(flags.shard);
  const threads = intFlag(flags, 'workers', availableParallelism(), 1, 64);
  const pool = threadEvaluator(threads);
  const started = performance.now();
  let shownAt = 0;
  let shownTenth = -1;
  try {
    const out = await runExperiment(r.file, e, pool.evaluate, {
      shard,
      // One line rewritten in place on a terminal (a few times a second); a line per tenth in a log.
      onProgress: (done, total) => {
        const now = performance.now();
        const s = (now - started) / 1000;
        const line = `${e.id}: ${done}/${total} runs · ${Math.ceil((s / done) * (total - done))} s left`;
        if (process.stderr.isTTY) {
          if (now - shownAt < 250 && done < total) return;
          shownAt = now;
          process.stderr.write(`\r${line}   `);
        } else if (Math.floor((10 * done) / total) > shownTenth) {
          shownTenth = Math.floor((10 * done) / total);
          process.stderr.write(`${line}\n`);
        }
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    writeFileSync(flags.out, JSON.stringify(out));
    console.log(describeOutput(out));
    console.log(
      `(${((performance.now() - started) / 1000).toFixed(1)} s on ${threads} threads) → ${flags.out}`,
    );
  } finally {
    await pool.close();
  }
}

if (process.argv[1] && /experiment\.(mjs|ts)$/.test(process.argv[1]))
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
