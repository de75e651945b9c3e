import * as Comlink from 'comlink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import sampleUrl from '../../scenarios/data/cdnow/cdnow_sample_elog.csv?url';
import type { ClvProgress, ClvWorkerApi, PageFitResult, PageReport } from '../../workers/clv.worker.ts';
import { spanMonths } from '../analysis/clv/calibrate.ts';
import { weeklyDiscountFactor } from '../analysis/clv/clv.ts';
import { csvHeader, type FitOptions } from '../analysis/clv/report.ts';
import { type Said, SKIP_KINDS, type SkipKind, sniffHeader } from '../analysis/clv/transactions.ts';
import { type Lanes, runTasks, spawnWorker, type WorkerLane } from '../runner/pool.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import { Chart } from './Chart.tsx';
import { clvDistributionChart, conditionalChart, frequencyChart, trackingChart } from './charts/clvCharts.ts';
import { download } from './download.ts';
import type { Key } from './i18n.ts';

const spawnClvWorker = () =>
  spawnWorker<ClvWorkerApi>(
    'clv',
    (name) => new Worker(new URL('../../workers/clv.worker.ts', import.meta.url), { type: 'module', name }),
  );

/**
 * Logs larger than this are refused before reading. The file is streamed, so its text is never
 * held; what is held is about 24 bytes a row, and a tab has a few GB at most.
 */
const MAX_BYTES = 2 ** 30;
/** The first bytes, read on the page for the header (the rest is read by the worker). */
const HEAD_BYTES = 64 * 1024;

interface Loaded {
  name: string;
  /** A user's file (streamed in the worker) or a log already in memory (sample, simulated). */
  file?: File;
  text?: string;
  header: string[];
}

/** A message from the analysis (both languages) or the page's own. */
type Message = Said | string;

/**
 * CLV from the user's own transaction log, in the browser: choose columns and the calibration split,
 * fit BG/NBD and Gamma-Gamma in a worker (the file read there as a stream, with progress and
 * cancel), check the fit against the holdout, read each customer's CLV.
 */
export function ClvPage({
  t,
  onScenario,
}: {
  t: (k: Key) => string;
  /** Opens a calibrated scenario as the user's own. */
  onScenario: (file: ScenarioFile) => void;
}) {
  const lang = t('clvLang') === 'zh' ? 'zh' : 'en';
  const say = (m: Message) => (typeof m === 'string' ? m : m[lang]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [choice, setChoice] = useState<{ customer: string; date: string; amount: string }>({
    customer: '',
    date: '',
    amount: '',
  });
  const [dateOrder, setDateOrder] = useState<'' | 'ymd' | 'dmy' | 'mdy'>('');
  const [dropDuplicates, setDropDuplicates] = useState(false);
  const [compareParetoNbd, setCompareParetoNbd] = useState(true);
  const [calibrationEnd, setCalibrationEnd] = useState('');
  const [discount, setDiscount] = useState(10);
  const [margin, setMargin] = useState(30);
  const [weeks, setWeeks] = useState(52);
  const [report, setReport] = useState<PageReport | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ClvProgress | null>(null);
  /** Seconds from pressing Fit to the report (read, fit, diagnostics, scores). */
  const [elapsed, setElapsed] = useState(0);
  /** The data's fit, kept when a simulated log is fitted, to set the two side by side. */
  const [reference, setReference] = useState<{ name: string; report: PageReport } | null>(null);
  const worker = useRef<WorkerLane<ClvWorkerApi> | null>(null);
  /** Which fit is current: a cancelled one's late answer is ignored. */
  const run = useRef(0);

  const spawn = useCallback(() => {
    worker.current = spawnClvWorker();
  }, []);
  useEffect(() => {
    spawn();
    return () => worker.current?.worker.terminate();
  }, [spawn]);

  const load = (l: Loaded) => {
    setReference(null);
    setLoaded(l);
    setChoice({ customer: '', date: '', amount: '' });
    setReport(null);
    setError(null);
    setNotice(null);
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setError(`${file.name}: ${t('clvTooLarge')}`);
      return;
    }
    // Only the head is read here, for the columns; an unusable file is said so and the log
    // already loaded (if any) stays.
    const sniffed = sniffHeader(await file.slice(0, HEAD_BYTES).text());
    if (!sniffed.ok) {
      setError({ en: `${file.name}: ${sniffed.error}`, zh: `${file.name}：${sniffed.zh}` });
      return;
    }
    load({ name: file.name, file, header: sniffed.header });
  };

  const restart = () => {
    worker.current?.worker.terminate();
    spawn();
  };

  const cancel = () => {
    run.current++;
    restart();
    setBusy(false);
    setProgress(null);
    setNotice(t('clvCancelled'));
  };

  const runFit = async () => {
    if (!loaded || !worker.current) return;
    const id = ++run.current;
    const started = performance.now();
    setBusy(true);
    setError(null);
    setNotice(null);
    setProgress(null);
    const options: FitOptions = {
      ...(choice.customer ? { customer: choice.customer } : {}),
      ...(choice.date ? { date: choice.date } : {}),
      ...(choice.amount ? { amount: choice.amount } : {}),
      ...(dateOrder ? { dateOrder } : {}),
      ...(calibrationEnd ? { calibrationEnd } : {}),
      dropDuplicates,
      paretoNbd: compareParetoNbd,
      annualDiscountRatePct: discount,
      marginPct: margin,
      clvWeeks: weeks,
    };
    // A worker that dies mid-fit (killed, out of memory) is noticed, reported and replaced, and the
    // fit starts again on the new one, as a simulation pool's task would (runTasks).
    const lanes: Lanes<ClvWorkerApi> = {
      kind: 'clv',
      lanes: [worker.current],
      spawn: spawnClvWorker,
      closed: () => run.current !== id,
    };
    try {
      let r: PageFitResult | undefined;
      await runTasks(
        lanes,
        1,
        (api): Promise<PageFitResult> =>
          loaded.file
            ? api.fitFile(
                loaded.file,
                options,
                Comlink.proxy((p: ClvProgress) => {
                  if (run.current === id) setProgress(p);
                }),
              )
            : api.fit(loaded.text ?? '', options),
        (_, out) => {
          r = out;
        },
        new Promise<never>(() => {}),
      );
      if (run.current !== id || !r) return;
      if (r.ok) {
        setElapsed((performance.now() - started) / 1000);
        setReport(r.report);
        if (!calibrationEnd) setCalibrationEnd(r.report.calibrationEnd);
      } else {
        setReport(null);
        setError({ en: `${loaded.name}: ${r.error}`, zh: `${loaded.name}：${r.zh}` });
      }
    } catch (e) {
      if (run.current !== id) return;
      // The worker died (e.g. out of memory): say so, start a fresh one, keep the page.
      setError(`${loaded.name}: ${e instanceof Error ? e.message : String(e)}`);
      restart();
    } finally {
      if (run.current === id) {
        worker.current = lanes.lanes[0];
        setBusy(false);
        setProgress(null);
      }
    }
  };

  const saveClv = async () => {
    if (!report || !worker.current) return;
    const csv = await worker.current.api.clvCsv();
    download(new Blob([csv], { type: 'text/csv' }), 'customer-clv.csv');
  };

  const calibrate = async (): Promise<ScenarioFile | null> => {
    if (!report?.gg || !worker.current || !loaded) return null;
    return worker.current.api.calibrate(report.bg.params, report.gg.params, {
      name: `${loaded.name} — ${t('clvCalibrated')}`,
      source: `${loaded.name} (${report.customers} customers, calibration ${report.first} – ${report.calibrationEnd})`,
      customers: report.customers,
      months: spanMonths(report),
      marginPct: margin,
    });
  };

  const makeBaseline = async () => {
    setBusy(true);
    try {
      const file = await calibrate();
      if (file) onScenario(file);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  /** Simulates the calibrated baseline's own log and fits it with the same split: the round trip. */
  const roundTrip = async () => {
    if (!report || !loaded || !worker.current) return;
    setBusy(true);
    try {
      const file = await calibrate();
      if (!file) return;
      const text = await worker.current.api.simulateLog(file, 'log', report.first);
      const r = await worker.current.api.fit(text, {
        calibrationEnd: report.calibrationEnd,
        annualDiscountRatePct: discount,
        marginPct: margin,
        clvWeeks: weeks,
      });
      if (!r.ok) throw new Error(r.error);
      setReference({ name: loaded.name, report });
      setLoaded({ name: t('clvSimulatedLog'), text, header: csvHeader(text) });
      setReport(r.report);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const labels = useMemo(() => ({ actual: t('clvActual'), model: t('clvModel') }), [t]);
  const freq = useCallback(
    () =>
      frequencyChart(report?.histogram ?? [], {
        title: t('clvFreqTitle'),
        xLabel: t('clvRepeatX'),
        yLabel: t('clvCustomers'),
        ...labels,
      }),
    [report, t, labels],
  );
  const cumulative = useCallback(
    () =>
      trackingChart(report?.tracking ?? [], {
        title: t('clvCumTitle'),
        xLabel: t('clvWeek'),
        yLabel: t('clvRepeatTx'),
        calibrationWeek: report?.calibrationWeek ?? 0,
        ...(report?.pnbd ? { second: { label: t('clvPareto'), values: report.pnbd.tracking } } : {}),
        ...labels,
      }),
    [report, t, labels],
  );
  const incremental = useCallback(
    () =>
      trackingChart(report?.tracking ?? [], {
        title: t('clvIncTitle'),
        xLabel: t('clvWeek'),
        yLabel: t('clvRepeatTx'),
        calibrationWeek: report?.calibrationWeek ?? 0,
        incremental: true,
        ...(report?.pnbd ? { second: { label: t('clvPareto'), values: report.pnbd.tracking } } : {}),
        ...labels,
      }),
    [report, t, labels],
  );
  const conditional = useCallback(
    () =>
      conditionalChart(report?.conditional ?? [], {
        title: t('clvCondTitle'),
        xLabel: t('clvRepeatX'),
        yLabel: t('clvHoldoutPerCustomer'),
        ...labels,
      }),
    [report, t, labels],
  );
  const distribution = useCallback(
    () =>
      clvDistributionChart(report?.clvBins ?? [], {
        title: t('clvDistTitle'),
        xLabel: t('clvPerCustomer'),
        yLabel: t('clvCustomers'),
      }),
    [report, t],
  );

  const fmt = (v: number, se: number) => `${v.toFixed(4)} (SE ${se.toFixed(4)})`;
  const top = report?.clvTop ?? [];
  const converged = (f: { converged: boolean; iterations: number; message?: string; messageZh?: string }) =>
    f.converged
      ? t('clvConverged').replace('{n}', String(f.iterations))
      : `${lang === 'zh' ? f.messageZh : f.message} — ${t('clvNotConverged')}`;

  return (
    <section className="clv" data-testid="clv-page">
      <p className="note">{t('clvIntro')}</p>
      <div className="compare-setup">
        <label>
          {t('clvFile')}{' '}
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            data-testid="clv-file"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </label>
        <button
          type="button"
          data-testid="clv-sample"
          onClick={async () => {
            const text = await (await fetch(sampleUrl)).text();
            load({ name: 'cdnow_sample_elog.csv', text, header: csvHeader(text) });
          }}
        >
          {t('clvSample')}
        </button>
      </div>
      {loaded && (
        <div className="compare-setup" data-testid="clv-options">
          <strong>{loaded.name}</strong>
          {(['customer', 'date', 'amount'] as const).map((k) => (
            <label key={k}>
              {t(`clvCol_${k}` as Key)}{' '}
              <select
                data-testid={`clv-col-${k}`}
                value={choice[k]}
                onChange={(e) => setChoice((c) => ({ ...c, [k]: e.target.value }))}
              >
                <option value="">{t('clvAuto')}</option>
                {loaded.header.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <label>
            {t('clvDateOrder')}{' '}
            <select value={dateOrder} onChange={(e) => setDateOrder(e.target.value as typeof dateOrder)}>
              <option value="">{t('clvAuto')}</option>
              <option value="ymd">YYYY-MM-DD</option>
              <option value="dmy">DD/MM/YYYY</option>
              <option value="mdy">MM/DD/YYYY</option>
            </select>
          </label>
          <label>
            {t('clvCalibrationEnd')}{' '}
            <input
              type="date"
              data-testid="clv-calibration-end"
              value={calibrationEnd}
              onChange={(e) => setCalibrationEnd(e.target.value)}
            />
          </label>
          <label>
            {t('clvDiscount')}{' '}
            <input
              type="number"
              min={0}
              max={100}
              value={discount}
              onChange={(e) => setDiscount(Number(e.target.value) || 0)}
            />
          </label>
          <label>
            {t('clvMargin')}{' '}
            <input
              type="number"
              min={1}
              max={100}
              value={margin}
              onChange={(e) => setMargin(Number(e.target.value) || 1)}
            />
          </label>
          <label>
            {t('clvWeeks')}{' '}
            <input
              type="number"
              min={1}
              max={520}
              value={weeks}
              onChange={(e) => setWeeks(Math.max(1, Number(e.target.value) || 1))}
            />
          </label>
          <label>
            <input
              type="checkbox"
              data-testid="clv-drop-duplicates"
              checked={dropDuplicates}
              onChange={(e) => setDropDuplicates(e.target.checked)}
            />{' '}
            {t('clvDropDuplicates')}
          </label>
          <label>
            <input
              type="checkbox"
              data-testid="clv-pareto"
              checked={compareParetoNbd}
              onChange={(e) => setCompareParetoNbd(e.target.checked)}
            />{' '}
            {t('clvCompareParetoNbd')}
          </label>
          <button type="button" onClick={() => void runFit()} disabled={busy} data-testid="clv-fit">
            {busy ? t('clvFitting') : t('clvFit')}
          </button>
          {busy && (
            <button type="button" onClick={cancel} data-testid="clv-cancel">
              {t('clvCancel')}
            </button>
          )}
        </div>
      )}
      {busy && progress && (
        <p data-testid="clv-progress" data-rows={progress.rows} data-customers={progress.customers}>
          <progress value={progress.bytes} max={Math.max(1, progress.totalBytes)} />{' '}
          {t(`clvStage_${progress.stage}` as Key)} · {t('clvRowsRead')} {progress.rows.toLocaleString()} ·{' '}
          {t('clvCustomersFound')} {progress.customers.toLocaleString()}
        </p>
      )}
      {notice && (
        <p className="note" data-testid="clv-notice">
          {notice}
        </p>
      )}
      {error && (
        <p className="error" role="alert" data-testid="clv-error">
          {say(error)}
        </p>
      )}
      {report && (
        <div data-testid="clv-report" data-seconds={elapsed.toFixed(2)}>
          <p>
            {report.rows.toLocaleString()} {t('clvTransactions')} · {report.customers.toLocaleString()}{' '}
            {t('clvCustomersIn')} · {t('clvCalibration')} {report.first} – {report.calibrationEnd} ·{' '}
            {t('clvHoldout')} {t('clvTo')} {report.last} · {t('clvColumns')} {report.columns.customer},{' '}
            {report.columns.date}, {report.columns.amount}
            {report.decimalMark === ',' && <> · {t('clvDecimalComma')}</>}
          </p>
          <p className="note" data-testid="clv-units">
            {t('clvUnits')
              .replace('{y}', String(discount))
              .replace('{w}', ((weeklyDiscountFactor(discount) - 1) * 100).toFixed(3))}
          </p>
          {report.skippedCount > 0 && (
            <details data-testid="clv-skipped">
              <summary>
                {t('clvSkipped')}: {report.skippedCount} ({t('clvSkippedKinds')}:{' '}
                {(Object.entries(report.skippedByKind) as [SkipKind, number][])
                  .filter(([, n]) => n > 0)
                  .map(([k, n]) => `${SKIP_KINDS[k][lang]} ${n}`)
                  .join(', ')}
                )
              </summary>
              <ul>
                {report.skipped.map((b) => (
                  <li key={b.line}>
                    {t('clvLine')} {b.line}: {lang === 'zh' ? b.zh : b.reason}
                  </li>
                ))}
                {report.skippedCount > report.skipped.length && <li>…</li>}
              </ul>
            </details>
          )}
          {report.refundOnlyCustomers > 0 && (
            <p data-testid="clv-refund-only">
              {t('clvRefundOnly')}: {report.refundOnlyCustomers}
            </p>
          )}
          {report.duplicates.count > 0 && (
            <details data-testid="clv-duplicates">
              <summary>
                {t('clvDuplicates')}: {report.duplicates.count} (
                {report.duplicates.dropped ? t('clvDuplicatesDropped') : t('clvDuplicatesKept')})
              </summary>
              <ul>
                {report.duplicates.lines.map((d) => (
                  <li key={d.line}>
                    {t('clvLine')} {d.line}: {t('clvLineOf')} {d.of}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {report.gg && report.gg.zeroValue > 0 && (
            <p data-testid="clv-zero-value">
              {t('clvZeroValue')}: {report.gg.zeroValue}
            </p>
          )}
          <section className="charts">
            <table className="kpis" data-testid="clv-params">
              <tbody>
                <tr>
                  <th colSpan={2}>BG/NBD</th>
                </tr>
                {(['r', 'alpha', 'a', 'b'] as const).map((k) => (
                  <tr key={k} data-param={k} data-value={String(report.bg.params[k])}>
                    <th>{k}</th>
                    <td>{fmt(report.bg.params[k], report.bg.standardErrors[k])}</td>
                  </tr>
                ))}
                <tr>
                  <th>{t('clvLogLik')}</th>
                  <td>{report.bg.logLik.toFixed(2)}</td>
                </tr>
                <tr>
                  <td
                    colSpan={2}
                    data-testid="clv-bg-converged"
                    className={report.bg.converged ? '' : 'error'}
                  >
                    {converged(report.bg)}
                  </td>
                </tr>
                <tr>
                  <th colSpan={2}>
                    Gamma-Gamma ({report.repeaters} {t('clvRepeaters')})
                  </th>
                </tr>
                {report.gg ? (
                  <>
                    {(['p', 'q', 'gamma'] as const).map((k) => (
                      <tr key={k} data-param={k} data-value={String(report.gg!.params[k])}>
                        <th>{k}</th>
                        <td>{fmt(report.gg!.params[k], report.gg!.standardErrors[k])}</td>
                      </tr>
                    ))}
                    <tr>
                      <th>{t('clvLogLik')}</th>
                      <td>{report.gg.logLik.toFixed(2)}</td>
                    </tr>
                    <tr>
                      <td colSpan={2} className={report.gg.converged ? '' : 'error'}>
                        {converged(report.gg)}
                      </td>
                    </tr>
                  </>
                ) : (
                  <tr>
                    <td colSpan={2}>{t('clvNoRepeaters')}</td>
                  </tr>
                )}
                <tr>
                  <th>{t('clvHoldoutTotal')}</th>
                  <td data-testid="clv-holdout">
                    {report.holdout.actual} / {report.holdout.model.toFixed(1)} (
                    {(100 * (report.holdout.model / report.holdout.actual - 1)).toFixed(1)} %)
                  </td>
                </tr>
              </tbody>
            </table>
            <Chart build={freq} testId="clv-freq-chart" />
            <Chart build={cumulative} testId="clv-cum-chart" />
            <Chart build={incremental} testId="clv-inc-chart" />
            <Chart build={conditional} testId="clv-cond-chart" />
            {report.clvCount > 0 && <Chart build={distribution} testId="clv-dist-chart" />}
          </section>
          {report.pnbd && (
            <table className="kpis" data-testid="clv-comparison">
              <caption>{t('clvComparison')}</caption>
              <thead>
                <tr>
                  <th>
                    <span className="visually-hidden">{t('clvMeasure')}</span>
                  </th>
                  <th>BG/NBD</th>
                  <th>{t('clvPareto')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th>{t('clvLogLik')}</th>
                  <td>{report.bg.logLik.toFixed(2)}</td>
                  <td data-testid="clv-pnbd-loglik" data-value={String(report.pnbd.fit.logLik)}>
                    {report.pnbd.fit.logLik.toFixed(2)}
                  </td>
                </tr>
                <tr>
                  <th>
                    {t('clvHoldoutError')} ({report.holdout.weeks.toFixed(0)} {t('clvWeek')})
                  </th>
                  {(
                    [
                      ['bg', report.holdout.model],
                      ['pnbd', report.pnbd.holdout.model],
                    ] as const
                  ).map(([name, m]) => (
                    <td key={name}>
                      {m.toFixed(1)} / {report.holdout.actual} (
                      {(100 * (m / report.holdout.actual - 1)).toFixed(1)} %)
                    </td>
                  ))}
                </tr>
                {(['r', 'alpha'] as const).map((k) => (
                  <tr key={k}>
                    <th>{k}</th>
                    <td>{fmt(report.bg.params[k], report.bg.standardErrors[k])}</td>
                    <td data-pnbd={k} data-value={String(report.pnbd!.fit.params[k])}>
                      {fmt(report.pnbd!.fit.params[k], report.pnbd!.fit.standardErrors[k])}
                    </td>
                  </tr>
                ))}
                {(
                  [
                    ['a', 's'],
                    ['b', 'beta'],
                  ] as const
                ).map(([bk, pk]) => (
                  <tr key={pk}>
                    <th>
                      {bk} / {pk}
                    </th>
                    <td>{fmt(report.bg.params[bk], report.bg.standardErrors[bk])}</td>
                    <td data-pnbd={pk} data-value={String(report.pnbd!.fit.params[pk])}>
                      {fmt(report.pnbd!.fit.params[pk], report.pnbd!.fit.standardErrors[pk])}
                    </td>
                  </tr>
                ))}
                <tr>
                  <td />
                  <td>{converged(report.bg)}</td>
                  <td>{converged(report.pnbd.fit)}</td>
                </tr>
              </tbody>
            </table>
          )}
          {reference && (
            <table className="kpis" data-testid="clv-round-trip">
              <thead>
                <tr>
                  <th />
                  <th>{reference.name}</th>
                  <th>{t('clvSimulatedLog')}</th>
                </tr>
              </thead>
              <tbody>
                {(['r', 'alpha', 'a', 'b'] as const).map((k) => (
                  <tr key={k}>
                    <th>{k}</th>
                    <td>{fmt(reference.report.bg.params[k], reference.report.bg.standardErrors[k])}</td>
                    <td>{fmt(report.bg.params[k], report.bg.standardErrors[k])}</td>
                  </tr>
                ))}
                {(['p', 'q', 'gamma'] as const).map((k) => (
                  <tr key={k}>
                    <th>{k}</th>
                    <td>{reference.report.gg ? reference.report.gg.params[k].toFixed(4) : '—'}</td>
                    <td>{report.gg ? report.gg.params[k].toFixed(4) : '—'}</td>
                  </tr>
                ))}
                <tr>
                  <th>{t('clvHoldoutTotal')}</th>
                  <td>
                    {reference.report.holdout.actual} / {reference.report.holdout.model.toFixed(1)}
                  </td>
                  <td>
                    {report.holdout.actual} / {report.holdout.model.toFixed(1)}
                  </td>
                </tr>
              </tbody>
            </table>
          )}
          {report.gg && !reference && (
            <p>
              <button
                type="button"
                onClick={() => void makeBaseline()}
                disabled={busy}
                data-testid="clv-make-baseline"
              >
                {t('clvMakeBaseline')}
              </button>{' '}
              <button
                type="button"
                onClick={() => void roundTrip()}
                disabled={busy}
                data-testid="clv-round-trip-run"
              >
                {t('clvRoundTrip')}
              </button>
            </p>
          )}
          {report.clvCount > 0 && (
            <>
              <h3>{t('clvTop')}</h3>
              <p className="note">{t('clvIntervalNote')}</p>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: on a phone the table scrolls sideways, and a scroll container must be reachable by keyboard (axe: scrollable-region-focusable) */}
              <table className="kpis" data-testid="clv-top" tabIndex={0} aria-label={t('clvTop')}>
                <thead>
                  <tr>
                    <th>{t('clvCol_customer')}</th>
                    <th>{t('clvAlive')}</th>
                    <th>{t('clvExpected')}</th>
                    <th>{t('clvValue')}</th>
                    <th>CLV</th>
                    <th>{t('clvInterval')}</th>
                  </tr>
                </thead>
                <tbody>
                  {top.map((c) => (
                    <tr key={c.id}>
                      <td>{c.id}</td>
                      <td>{(100 * c.probabilityAlive).toFixed(0)} %</td>
                      <td>{c.expectedPurchases.toFixed(2)}</td>
                      <td>{c.expectedValue.toFixed(2)}</td>
                      <td>{c.clv.toFixed(2)}</td>
                      <td data-testid="clv-interval">
                        {Number.isNaN(c.clvLow) ? '—' : `${c.clvLow.toFixed(2)} – ${c.clvHigh.toFixed(2)}`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button type="button" onClick={() => void saveClv()} data-testid="clv-download">
                {t('clvDownload')}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
