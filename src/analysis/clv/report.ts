/**
 * A transaction log, end to end: read it, split calibration from holdout, fit BG/NBD and
 * Gamma-Gamma, and gather every diagnostic and each customer's CLV as plain data — what the app's CLV
 * page shows (computed in a worker) and the command line prints.
 */
import { type BgNbdParams, type Fit, fitBgNbd } from './bgnbd.ts';
import { type CustomerClv, customerClv } from './clv.ts';
import {
  conditionalByFrequency,
  cumulativeTracking,
  frequencyHistogram,
  holdoutComparison,
  paretoNbdModel,
} from './diagnostics.ts';
import { fitGammaGamma, type GammaGammaParams } from './gammaGamma.ts';
import { compressHistories } from './histories.ts';
import { fitParetoNbd, type ParetoNbdParams } from './paretoNbd.ts';
import { summariseLog } from './summary.ts';
import {
  type BadRow,
  type ColumnChoice,
  type DuplicateRows,
  dayToIso,
  detectSeparator,
  type ParseResult,
  parseDay,
  parseTransactionsCsv,
  type SkipKind,
  splitCsvLine,
} from './transactions.ts';

export interface FitOptions extends ColumnChoice {
  /** End of calibration, YYYY-MM-DD; the middle of the log's span when absent. */
  calibrationEnd?: string;
  annualDiscountRatePct: number;
  /** Margin as % of revenue. */
  marginPct: number;
  /** CLV horizon, weeks. */
  clvWeeks: number;
  /** Fit Pareto/NBD beside BG/NBD (default yes; its fit takes longer on very large logs). */
  paretoNbd?: boolean;
  /** Parameter draws behind each customer's 90 % CLV interval (default 100; 0 for none). */
  clvDraws?: number;
}

/** Pareto/NBD beside BG/NBD on the same split: its fit and the same checks. */
export interface ParetoComparison {
  fit: Fit<ParetoNbdParams>;
  holdout: { weeks: number; actual: number; model: number };
  histogram: { x: number; actual: number; model: number }[];
  /** Cumulative repeat transactions by week, the model's (the actual ones are in the BG/NBD tracking). */
  tracking: number[];
  conditional: { x: number; customers: number; actual: number; model: number }[];
}

export interface FitReport {
  columns: { customer: string; date: string; amount: string };
  rows: number;
  skipped: BadRow[];
  skippedCount: number;
  skippedByKind: Record<SkipKind, number>;
  refundOnlyCustomers: number;
  decimalMark: '.' | ',';
  duplicates: DuplicateRows;
  first: string;
  calibrationEnd: string;
  last: string;
  customers: number;
  bg: Fit<BgNbdParams>;
  /** Null when fewer than ten customers repeat (nothing to fit spend on). */
  gg: (Fit<GammaGammaParams> & { used: number; zeroValue: number }) | null;
  repeaters: number;
  holdout: { weeks: number; actual: number; model: number };
  histogram: { x: number; actual: number; model: number }[];
  tracking: { week: number; actual: number; model: number }[];
  /** Week of the end of calibration on the tracking chart. */
  calibrationWeek: number;
  conditional: { x: number; customers: number; actual: number; model: number }[];
  /** Null when not asked for. */
  pnbd: ParetoComparison | null;
  clv: CustomerClv[];
}

export type FitResult = { ok: true; report: FitReport } | { ok: false; error: string; zh: string };

/** The steps of a fit, named as they start (for a progress line and for timing). */
export type FitStage = 'summarise' | 'bgnbd' | 'gammagamma' | 'diagnostics' | 'paretonbd' | 'clv';

/** The header of a CSV, for choosing columns. */
export function csvHeader(text: string): string[] {
  const line = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  return splitCsvLine(line, detectSeparator(line));
}

const MIN_CUSTOMERS = 20;
const MIN_REPEATERS = 10;

export function fitTransactionLog(text: string, o: FitOptions): FitResult {
  return fitParsedLog(parseTransactionsCsv(text, o), o);
}

/** The fit of a log already read (by `parseTransactionsCsv` or a streaming `TransactionReader`). */
export function fitParsedLog(
  parsed: ParseResult,
  o: FitOptions,
  onStage: (stage: FitStage) => void = () => {},
): FitResult {
  if (!parsed.ok) return parsed;
  const { log } = parsed;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const d of log.day) {
    if (d < first) first = d;
    if (d > last) last = d;
  }
  if (!(last > first))
    return {
      ok: false,
      error: 'all transactions are on one day: there is no time to fit',
      zh: '所有交易都在同一天：没有时间跨度可供拟合',
    };
  const span = `${dayToIso(first)} – ${dayToIso(last)}`;
  let calEnd = first + Math.floor((last - first) / 2);
  if (o.calibrationEnd) {
    const d = parseDay(o.calibrationEnd, 'ymd');
    if (d === null)
      return {
        ok: false,
        error: `the end of calibration must be a date YYYY-MM-DD, got "${o.calibrationEnd}"`,
        zh: `校准期结束日须为 YYYY-MM-DD 格式的日期，收到的是 "${o.calibrationEnd}"`,
      };
    if (d < first || d >= last)
      return {
        ok: false,
        error: `the end of calibration must lie inside the log (${span})`,
        zh: `校准期结束日须在记录的时间范围内（${span}）`,
      };
    calEnd = d;
  }
  onStage('summarise');
  const s = summariseLog(log, calEnd, last);
  if (s.n < MIN_CUSTOMERS)
    return {
      ok: false,
      error: `only ${s.n} customer${s.n === 1 ? '' : 's'} bought before the end of calibration; at least ${MIN_CUSTOMERS} are needed`,
      zh: `校准期结束前只有 ${s.n} 位客户有购买；至少需要 ${MIN_CUSTOMERS} 位`,
    };
  const h = compressHistories(s);
  onStage('bgnbd');
  const bg = fitBgNbd(s);
  if (!Number.isFinite(bg.logLik))
    return {
      ok: false,
      error: `the BG/NBD fit failed on this log: ${bg.message ?? 'no finite likelihood'}`,
      zh: `BG/NBD 模型无法拟合这份记录：${bg.message ?? '似然函数不是有限值'}`,
    };
  let repeaters = 0;
  for (const x of s.x) if (x > 0) repeaters++;
  onStage('gammagamma');
  const gg = repeaters >= MIN_REPEATERS ? fitGammaGamma(s.x, s.meanRepeatValue) : null;
  onStage('diagnostics');
  const holdout = holdoutComparison(bg.params, s, h);
  const histogram = frequencyHistogram(bg.params, s);
  const tracking = cumulativeTracking(bg.params, s);
  const conditional = conditionalByFrequency(bg.params, s, 7, h);
  let pnbd: ParetoComparison | null = null;
  if (o.paretoNbd !== false) {
    onStage('paretonbd');
    const fit = fitParetoNbd(s);
    const m = paretoNbdModel(fit.params);
    pnbd = {
      fit,
      holdout: holdoutComparison(m, s, h),
      histogram: frequencyHistogram(m, s),
      tracking: cumulativeTracking(m, s).map((r) => r.model),
      conditional: conditionalByFrequency(m, s, 7, h),
    };
  }
  onStage('clv');
  const clv = gg
    ? customerClv(
        bg,
        gg,
        s,
        {
          weeks: o.clvWeeks,
          annualDiscountRatePct: o.annualDiscountRatePct,
          margin: o.marginPct / 100,
          draws: o.clvDraws ?? 100,
          level: 0.9,
        },
        h,
      )
    : [];
  return {
    ok: true,
    report: {
      columns: parsed.columns,
      rows: parsed.rows,
      skipped: parsed.skipped,
      skippedCount: parsed.skippedCount,
      skippedByKind: parsed.skippedByKind,
      refundOnlyCustomers: parsed.refundOnlyCustomers,
      decimalMark: parsed.decimalMark,
      duplicates: parsed.duplicates,
      first: dayToIso(first),
      calibrationEnd: dayToIso(calEnd),
      last: dayToIso(last),
      customers: s.n,
      bg,
      gg,
      repeaters,
      holdout,
      histogram,
      tracking,
      calibrationWeek: (calEnd - s.startDay + 1) / 7,
      conditional,
      pnbd,
      clv,
    },
  };
}

/** Each customer's CLV as CSV. */
export function clvCsv(rows: CustomerClv[]): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return `customer,probability_alive,expected_purchases,expected_value,clv,clv_low_90,clv_high_90\n${rows
    .map((r) =>
      [
        q(r.id),
        r.probabilityAlive.toFixed(4),
        r.expectedPurchases.toFixed(4),
        r.expectedValue.toFixed(2),
        r.clv.toFixed(2),
        Number.isNaN(r.clvLow) ? '' : r.clvLow.toFixed(2),
        Number.isNaN(r.clvHigh) ? '' : r.clvHigh.toFixed(2),
      ].join(','),
    )
    .join('\n')}\n`;
}
