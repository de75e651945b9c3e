import * as Comlink from 'comlink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import sampleUrl from '../../scenarios/data/cdnow/cdnow_sample_elog.csv?url';
import type { ClvWorkerApi } from '../../workers/clv.worker.ts';
import { spanMonths } from '../analysis/clv/calibrate.ts';
import { clvCsv, csvHeader, type FitOptions, type FitReport } from '../analysis/clv/report.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import { Chart } from './Chart.tsx';
import { clvDistributionChart, conditionalChart, frequencyChart, trackingChart } from './charts/clvCharts.ts';
import { download } from './download.ts';
import type { Key } from './i18n.ts';

/** Logs larger than this are refused before reading: a browser tab is not a data warehouse. */
const MAX_BYTES = 200 * 2 ** 20;
const TOP = 20;

interface Loaded {
  name: string;
  text: string;
  header: string[];
}

/**
 * CLV from the user's own transaction log, in the browser: choose columns and the calibration split,
 * fit BG/NBD and Gamma-Gamma in a worker, check the fit against the holdout, read each customer's CLV.
 */
export function ClvPage({
  t,
  onScenario,
}: {
  t: (k: Key) => string;
  /** Opens a calibrated scenario as the user's own. */
  onScenario: (file: ScenarioFile) => void;
}) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [choice, setChoice] = useState<{ customer: string; date: string; amount: string }>({
    customer: '',
    date: '',
    amount: '',
  });
  const [dateOrder, setDateOrder] = useState<'' | 'ymd' | 'dmy' | 'mdy'>('');
  const [calibrationEnd, setCalibrationEnd] = useState('');
  const [discount, setDiscount] = useState(10);
  const [margin, setMargin] = useState(30);
  const [weeks, setWeeks] = useState(52);
  const [report, setReport] = useState<FitReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The data's fit, kept when a simulated log is fitted, to set the two side by side. */
  const [reference, setReference] = useState<{ name: string; report: FitReport } | null>(null);
  const worker = useRef<{ w: Worker; api: Comlink.Remote<ClvWorkerApi> } | null>(null);

  const spawn = useCallback(() => {
    const w = new Worker(new URL('../../workers/clv.worker.ts', import.meta.url), { type: 'module' });
    worker.current = { w, api: Comlink.wrap<ClvWorkerApi>(w) };
  }, []);
  useEffect(() => {
    spawn();
    return () => worker.current?.w.terminate();
  }, [spawn]);

  const load = (name: string, text: string) => {
    setReference(null);
    setLoaded({ name, text, header: csvHeader(text) });
    setChoice({ customer: '', date: '', amount: '' });
    setReport(null);
    setError(null);
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setError(`${file.name}: ${t('clvTooLarge')}`);
      return;
    }
    load(file.name, await file.text());
  };

  const runFit = async () => {
    if (!loaded || !worker.current) return;
    setBusy(true);
    setError(null);
    const options: FitOptions = {
      ...(choice.customer ? { customer: choice.customer } : {}),
      ...(choice.date ? { date: choice.date } : {}),
      ...(choice.amount ? { amount: choice.amount } : {}),
      ...(dateOrder ? { dateOrder } : {}),
      ...(calibrationEnd ? { calibrationEnd } : {}),
      annualDiscountRatePct: discount,
      marginPct: margin,
      clvWeeks: weeks,
    };
    try {
      const r = await worker.current.api.fit(loaded.text, options);
      if (r.ok) {
        setReport(r.report);
        if (!calibrationEnd) setCalibrationEnd(r.report.calibrationEnd);
      } else {
        setReport(null);
        setError(`${loaded.name}: ${r.error}`);
      }
    } catch (e) {
      // The worker died (e.g. out of memory): say so, start a fresh one, keep the page.
      setError(`${loaded.name}: ${e instanceof Error ? e.message : String(e)}`);
      worker.current.w.terminate();
      spawn();
    } finally {
      setBusy(false);
    }
  };

  const saveClv = () => {
    if (report) download(new Blob([clvCsv(report.clv)], { type: 'text/csv' }), 'customer-clv.csv');
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
      clvDistributionChart(
        (report?.clv ?? []).map((c) => c.clv),
        { title: t('clvDistTitle'), xLabel: t('clvPerCustomer'), yLabel: t('clvCustomers') },
      ),
    [report, t],
  );

  const fmt = (v: number, se: number) => `${v.toFixed(4)} (SE ${se.toFixed(4)})`;
  const top = report ? [...report.clv].sort((a, b) => b.clv - a.clv).slice(0, TOP) : [];

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
          onClick={async () => load('cdnow_sample_elog.csv', await (await fetch(sampleUrl)).text())}
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
          <button type="button" onClick={() => void runFit()} disabled={busy} data-testid="clv-fit">
            {busy ? t('clvFitting') : t('clvFit')}
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert" data-testid="clv-error">
          {error}
        </p>
      )}
      {report && (
        <div data-testid="clv-report">
          <p>
            {report.rows.toLocaleString()} {t('clvTransactions')} · {report.customers.toLocaleString()}{' '}
            {t('clvCustomersIn')} · {t('clvCalibration')} {report.first} – {report.calibrationEnd} ·{' '}
            {t('clvHoldout')} {t('clvTo')} {report.last} · {t('clvColumns')} {report.columns.customer},{' '}
            {report.columns.date}, {report.columns.amount}
          </p>
          {report.skippedCount > 0 && (
            <details data-testid="clv-skipped">
              <summary>
                {t('clvSkipped')}: {report.skippedCount}
              </summary>
              <ul>
                {report.skipped.map((b) => (
                  <li key={b.line}>
                    {t('clvLine')} {b.line}: {b.reason}
                  </li>
                ))}
                {report.skippedCount > report.skipped.length && <li>…</li>}
              </ul>
            </details>
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
            {report.clv.length > 0 && <Chart build={distribution} testId="clv-dist-chart" />}
          </section>
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
          {report.clv.length > 0 && (
            <>
              <h3>{t('clvTop')}</h3>
              <table className="kpis" data-testid="clv-top">
                <thead>
                  <tr>
                    <th>{t('clvCol_customer')}</th>
                    <th>{t('clvAlive')}</th>
                    <th>{t('clvExpected')}</th>
                    <th>{t('clvValue')}</th>
                    <th>CLV</th>
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
                    </tr>
                  ))}
                </tbody>
              </table>
              <button type="button" onClick={saveClv} data-testid="clv-download">
                {t('clvDownload')}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
