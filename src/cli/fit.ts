/**
 * npm run fit -- data.csv [--calibration-end YYYY-MM-DD] [--customer COL] [--date COL] [--amount COL]
 *   [--scenario OUT.json [--margin PCT]]
 * Fits BG/NBD and Gamma-Gamma to a transaction log; prints the parameters, log-likelihoods and the
 * holdout comparison. Without --calibration-end, calibration is the first half of the log's span.
 * --scenario writes a calibrated baseline scenario (docs/clv.md).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { fitBgNbd } from '../analysis/clv/bgnbd.ts';
import { calibratedScenario } from '../analysis/clv/calibrate.ts';
import { frequencyHistogram, holdoutComparison } from '../analysis/clv/diagnostics.ts';
import { fitGammaGamma } from '../analysis/clv/gammaGamma.ts';
import { summariseLog } from '../analysis/clv/summary.ts';
import { dayToIso, parseDay, parseTransactionsCsv } from '../analysis/clv/transactions.ts';
import { intFlag, parseArgs } from './args.ts';

function main(): void {
  const { positional, flags } = parseArgs(process.argv.slice(2), [
    'calibration-end',
    'customer',
    'date',
    'amount',
    'scenario',
    'margin',
  ]);
  const path = positional[0];
  if (!path)
    throw new Error(
      'usage: npm run fit -- data.csv [--calibration-end YYYY-MM-DD] [--customer COL] [--date COL] [--amount COL]',
    );
  if (statSync(path).size > 500_000_000) throw new Error(`${path} is larger than 500 MB`);
  const parsed = parseTransactionsCsv(readFileSync(path, 'utf8'), {
    customer: flags.customer,
    date: flags.date,
    amount: flags.amount,
  });
  if (!parsed.ok) throw new Error(`${path}: ${parsed.error}`);
  const { log } = parsed;
  console.log(
    `${path}: ${parsed.rows.toLocaleString('en')} transactions of ${log.customers.length.toLocaleString('en')} customers (columns ${parsed.columns.customer}, ${parsed.columns.date}, ${parsed.columns.amount})`,
  );
  if (parsed.skippedCount) {
    console.log(`skipped ${parsed.skippedCount} bad row(s):`);
    for (const b of parsed.skipped) console.log(`  line ${b.line}: ${b.reason}`);
    if (parsed.skippedCount > parsed.skipped.length)
      console.log(`  … and ${parsed.skippedCount - parsed.skipped.length} more`);
  }
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const d of log.day) {
    if (d < first) first = d;
    if (d > last) last = d;
  }
  let calEnd: number;
  if (flags['calibration-end']) {
    const d = parseDay(flags['calibration-end'], 'ymd');
    if (d === null)
      throw new Error(`--calibration-end must be a date YYYY-MM-DD, got ${flags['calibration-end']}`);
    if (d < first || d >= last)
      throw new Error(`--calibration-end must lie inside the log (${dayToIso(first)} – ${dayToIso(last)})`);
    calEnd = d;
  } else calEnd = first + Math.floor((last - first) / 2);
  const s = summariseLog(log, calEnd, last);
  console.log(
    `calibration ${dayToIso(first)} – ${dayToIso(calEnd)}, holdout to ${dayToIso(last)}; ${s.n} customers with a first purchase in calibration; time unit: week`,
  );

  const bg = fitBgNbd(s);
  const fmt = (v: number, e: number) => `${v.toFixed(4)} (SE ${e.toFixed(4)})`;
  console.log('\nBG/NBD (Fader, Hardie & Lee 2005)');
  console.log(`  r      ${fmt(bg.params.r, bg.standardErrors.r)}`);
  console.log(`  alpha  ${fmt(bg.params.alpha, bg.standardErrors.alpha)}`);
  console.log(`  a      ${fmt(bg.params.a, bg.standardErrors.a)}`);
  console.log(`  b      ${fmt(bg.params.b, bg.standardErrors.b)}`);
  console.log(`  log-likelihood ${bg.logLik.toFixed(2)}`);

  const repeaters = Array.from(s.x).filter((x) => x > 0).length;
  const gg = fitGammaGamma(s.x, s.meanRepeatValue);
  console.log(`\nGamma-Gamma (Fader & Hardie 2013), ${repeaters} customers with repeat transactions`);
  console.log(`  p      ${fmt(gg.params.p, gg.standardErrors.p)}`);
  console.log(`  q      ${fmt(gg.params.q, gg.standardErrors.q)}`);
  console.log(`  gamma  ${fmt(gg.params.gamma, gg.standardErrors.gamma)}`);
  console.log(`  log-likelihood ${gg.logLik.toFixed(2)}`);

  const h = holdoutComparison(bg.params, s);
  console.log(
    `\nHoldout (${h.weeks.toFixed(1)} weeks): actual repeat transactions ${h.actual}, model ${h.model.toFixed(1)} (${(100 * (h.model / h.actual - 1)).toFixed(1)} %)`,
  );
  if (flags.scenario) {
    const months = Math.max(1, Math.ceil((last - first) / (365.25 / 12)));
    const file = calibratedScenario(bg.params, gg.params, {
      name: `${path} — calibrated baseline`,
      source: `${path} (${s.n} customers, calibration ${dayToIso(first)} – ${dayToIso(calEnd)})`,
      customers: s.n,
      months,
      marginPct: intFlag(flags, 'margin', 30, 1, 100),
    });
    writeFileSync(flags.scenario, `${JSON.stringify(file, null, 2)}\n`);
    console.log(`\ncalibrated baseline scenario (${s.n} customers, ${months} months): ${flags.scenario}`);
  }
  console.log('Calibration repeat-transaction histogram (customers): x  actual  model');
  for (const r of frequencyHistogram(bg.params, s))
    console.log(
      `  ${r.x === 7 ? '7+' : ` ${r.x}`}  ${String(r.actual).padStart(6)}  ${r.model.toFixed(1).padStart(7)}`,
    );
}

try {
  main();
} catch (e) {
  console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
