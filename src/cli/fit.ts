/**
 * npm run fit -- data.csv [--calibration-end YYYY-MM-DD] [--customer COL] [--date COL] [--amount COL]
 *   [--scenario OUT.json [--margin PCT]] [--drop-duplicates yes] [--pareto no]
 * Fits BG/NBD and Gamma-Gamma to a transaction log; prints the parameters, log-likelihoods and the
 * holdout comparison. Without --calibration-end, calibration is the first half of the log's span.
 * --scenario writes a calibrated baseline scenario (docs/clv.md).
 */
import { writeFileSync } from 'node:fs';
import { calibratedScenario, spanMonths } from '../analysis/clv/calibrate.ts';
import { fitParsedLog } from '../analysis/clv/report.ts';
import { intFlag, parseArgs } from './args.ts';
import { readLogFile } from './readLog.ts';

async function main(): Promise<void> {
  const { positional, flags } = parseArgs(process.argv.slice(2), [
    'calibration-end',
    'customer',
    'date',
    'amount',
    'scenario',
    'margin',
    'drop-duplicates',
    'pareto',
  ]);
  const path = positional[0];
  if (!path)
    throw new Error(
      'usage: npm run fit -- data.csv [--calibration-end YYYY-MM-DD] [--customer COL] [--date COL] [--amount COL]',
    );
  const margin = intFlag(flags, 'margin', 30, 1, 100);
  const choice = {
    customer: flags.customer,
    date: flags.date,
    amount: flags.amount,
    dropDuplicates: flags['drop-duplicates'] === 'yes',
  };
  // The same reading, split and fit as the app's CLV page (streamed from disk); CLV itself is not
  // printed here.
  const fitted = fitParsedLog(await readLogFile(path, choice), {
    ...choice,
    calibrationEnd: flags['calibration-end'],
    annualDiscountRatePct: 10,
    marginPct: margin,
    clvWeeks: 0,
    clvDraws: 0,
    paretoNbd: flags.pareto !== 'no',
  });
  if (!fitted.ok) throw new Error(`${path}: ${fitted.error}`);
  const r = fitted.report;
  console.log(
    `${path}: ${r.rows.toLocaleString('en')} transactions (columns ${r.columns.customer}, ${r.columns.date}, ${r.columns.amount})`,
  );
  if (r.decimalMark === ',') console.log('amounts read with a decimal comma');
  if (r.skippedCount) {
    const kinds = Object.entries(r.skippedByKind)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    console.log(`skipped ${r.skippedCount} row(s) (${kinds}):`);
    for (const b of r.skipped) console.log(`  line ${b.line}: ${b.reason}`);
    if (r.skippedCount > r.skipped.length) console.log(`  … and ${r.skippedCount - r.skipped.length} more`);
  }
  if (r.refundOnlyCustomers)
    console.log(`${r.refundOnlyCustomers} customer(s) had only refunds and are not in the fit`);
  if (r.duplicates.count)
    console.log(
      `${r.duplicates.count} row(s) identical to an earlier row (first: line ${r.duplicates.lines[0].line} = line ${r.duplicates.lines[0].of}), ${r.duplicates.dropped ? 'dropped' : 'kept as purchases (--drop-duplicates yes to drop them)'}`,
    );
  console.log(
    `calibration ${r.first} – ${r.calibrationEnd}, holdout to ${r.last}; ${r.customers} customers with a first purchase in calibration; time unit: week`,
  );

  const fmt = (v: number, e: number) => `${v.toFixed(4)} (SE ${e.toFixed(4)})`;
  const { bg, gg } = r;
  console.log('\nBG/NBD (Fader, Hardie & Lee 2005)');
  console.log(`  r      ${fmt(bg.params.r, bg.standardErrors.r)}`);
  console.log(`  alpha  ${fmt(bg.params.alpha, bg.standardErrors.alpha)}`);
  console.log(`  a      ${fmt(bg.params.a, bg.standardErrors.a)}`);
  console.log(`  b      ${fmt(bg.params.b, bg.standardErrors.b)}`);
  console.log(`  log-likelihood ${bg.logLik.toFixed(2)}`);
  console.log(
    `  ${bg.converged ? `converged in ${bg.iterations} iterations` : `${bg.message}: best point shown`}`,
  );

  console.log(`\nGamma-Gamma (Fader & Hardie 2013), ${r.repeaters} customers with repeat transactions`);
  if (gg) {
    console.log(`  p      ${fmt(gg.params.p, gg.standardErrors.p)}`);
    console.log(`  q      ${fmt(gg.params.q, gg.standardErrors.q)}`);
    console.log(`  gamma  ${fmt(gg.params.gamma, gg.standardErrors.gamma)}`);
    console.log(`  log-likelihood ${gg.logLik.toFixed(2)}`);
    console.log(
      `  ${gg.converged ? `converged in ${gg.iterations} iterations` : `${gg.message}: best point shown`}`,
    );
    if (gg.zeroValue)
      console.log(
        `  ${gg.zeroValue} repeater(s) whose repeat purchases were all worth 0 left out of the spend model`,
      );
  } else console.log('  fewer than 10 customers bought again: no spend model');

  if (r.pnbd) {
    const p = r.pnbd.fit;
    console.log('\nPareto/NBD (Schmittlein, Morrison & Colombo 1987; Fader, Hardie & Lee 2005)');
    console.log(`  r      ${fmt(p.params.r, p.standardErrors.r)}`);
    console.log(`  alpha  ${fmt(p.params.alpha, p.standardErrors.alpha)}`);
    console.log(`  s      ${fmt(p.params.s, p.standardErrors.s)}`);
    console.log(`  beta   ${fmt(p.params.beta, p.standardErrors.beta)}`);
    console.log(`  log-likelihood ${p.logLik.toFixed(2)}`);
    console.log(
      `  ${p.converged ? `converged in ${p.iterations} iterations` : `${p.message}: best point shown`}`,
    );
  }

  const h = r.holdout;
  const err = (m: number) => `${(100 * (m / h.actual - 1)).toFixed(1)} %`;
  console.log(
    `\nHoldout (${h.weeks.toFixed(1)} weeks): actual repeat transactions ${h.actual}; BG/NBD ${h.model.toFixed(1)} (${err(h.model)})` +
      (r.pnbd ? `; Pareto/NBD ${r.pnbd.holdout.model.toFixed(1)} (${err(r.pnbd.holdout.model)})` : ''),
  );
  if (flags.scenario) {
    if (!gg)
      throw new Error('a calibrated baseline needs the spend model, and too few customers bought again');
    const months = spanMonths(r);
    const file = calibratedScenario(bg.params, gg.params, {
      name: `${path} — calibrated baseline`,
      source: `${path} (${r.customers} customers, calibration ${r.first} – ${r.calibrationEnd})`,
      customers: r.customers,
      months,
      marginPct: margin,
    });
    writeFileSync(flags.scenario, `${JSON.stringify(file, null, 2)}\n`);
    console.log(
      `\ncalibrated baseline scenario (${r.customers} customers, ${months} months): ${flags.scenario}`,
    );
  }
  console.log(
    `Calibration repeat-transaction histogram (customers): x  actual  BG/NBD${r.pnbd ? '  Pareto/NBD' : ''}`,
  );
  for (const [k, row] of r.histogram.entries())
    console.log(
      `  ${row.x === 7 ? '7+' : ` ${row.x}`}  ${String(row.actual).padStart(6)}  ${row.model.toFixed(1).padStart(7)}` +
        (r.pnbd ? `  ${r.pnbd.histogram[k].model.toFixed(1).padStart(9)}` : ''),
    );
}

main().catch((e) => {
  console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
