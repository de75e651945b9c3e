/**
 * npm run validate -- [--markdown] [--lang en|zh] [--reps N] [--only id,id…]
 * Runs the validation suite (src/validation) on the shipped worlds and prints the table: each check's
 * published figure and range, source, the model's figure with its 95 % interval, and the verdict.
 * --markdown prints the same as a Markdown table (for docs/model.md). Exits 1 if a check is not met
 * and not listed as a known departure.
 */
import { readFileSync } from 'node:fs';
import { formatProblem } from '../scenario/errors.ts';
import { parseScenarioText } from '../scenario/importer.ts';
import {
  CHECKS,
  type Check,
  checkById,
  markdownTable,
  textTable,
  validate,
  type WorldLoader,
} from '../validation/index.ts';
import { intFlag, parseArgs } from './args.ts';

/** Library ids are paths under scenarios/ without the extension. */
export const diskWorlds: WorldLoader = (id) => {
  const r = parseScenarioText(readFileSync(`scenarios/${id}.json`, 'utf8'));
  if (!r.ok) throw new Error(`${id}: ${r.problems.map((p) => formatProblem(p, 'en')).join('; ')}`);
  return r.scenario;
};

export interface ValidateOptions {
  markdown: boolean;
  lang: 'en' | 'zh';
  /** Replications of every check; undefined: each check's own. */
  reps: number | undefined;
  checks: Check[];
}

export function parseValidateArgs(argv: string[]): ValidateOptions {
  const { positional, flags } = parseArgs(
    argv.filter((a) => a !== '--markdown'),
    ['reps', 'only', 'lang'],
  );
  if (positional.length) throw new Error(`unexpected argument ${positional[0]}`);
  const lang = flags.lang ?? 'en';
  if (lang !== 'en' && lang !== 'zh') throw new Error(`--lang must be en or zh, got ${lang}`);
  return {
    markdown: argv.includes('--markdown'),
    lang,
    reps: flags.reps === undefined ? undefined : intFlag(flags, 'reps', 2, 2, 1000),
    checks: flags.only ? flags.only.split(',').map((id) => checkById(id.trim())) : CHECKS,
  };
}

function main(): void {
  const o = parseValidateArgs(process.argv.slice(2));
  const started = performance.now();
  let runs = 0;
  const results = validate(o.checks, diskWorlds, {
    reps: o.reps,
    onRun: () => {
      runs++;
      if (process.stderr.isTTY) process.stderr.write(`\r${runs} simulations`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(o.markdown ? markdownTable(results, o.lang) : textTable(results, o.lang));
  const met = results.filter((r) => r.status === 'met' || r.status === 'resolved').length;
  const departures = results.filter((r) => r.status === 'departure').length;
  const failed = results.filter((r) => r.status === 'notMet');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(
    `${results.length} checks: ${met} met, ${departures} known departures, ${failed.length} not met (${runs} simulations, ${seconds} s)`,
  );
  if (failed.length) process.exitCode = 1;
}

if (process.argv[1] && /validate\.(mjs|ts)$/.test(process.argv[1])) {
  try {
    main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
}
