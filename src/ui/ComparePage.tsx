import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { clvQuantiles, cohortRetention, ladder } from '../analysis/cohorts.ts';
import { COMPARISON_KPIS, type Comparison, compare } from '../analysis/compare.ts';
import { resultsToCsv } from '../analysis/csv.ts';
import { scenarioDiff } from '../analysis/scenarioDiff.ts';
import { mean } from '../analysis/stats.ts';
import { band, formatInterval, summarise } from '../analysis/summary.ts';
import type { MetricName, RunResult, Scenario } from '../engine/index.ts';
import { dimensions } from '../experiments/outcomes.ts';
import { RunCancelled, type RunProgress, WorkerPool } from '../runner/pool.ts';
import { parseScenarioObject } from '../scenario/importer.ts';
import { LIBRARY, loadLibraryScenario } from '../scenario/library.ts';
import { toEngine } from '../scenario/schema.ts';
import { Chart } from './Chart.tsx';
import { compareChart, type PlanPoint } from './charts/compareChart.ts';
import { clvChart, cohortChart, ladderChart } from './charts/distributionCharts.ts';
import { threeDimensionChart } from './charts/threeDimensionChart.ts';
import { warmUpChartsWhenIdle } from './charts/warmUp.ts';
import { download } from './download.ts';
import { Explain } from './Explain.tsx';
import type { Key, Lang } from './i18n.ts';
import type { SavedScenario } from './storage.ts';

const METRICS_SHOWN = [
  'active',
  'retention',
  'repurchase',
  'referralRate',
  'nps',
  'satisfaction',
  'value',
  'bond',
  'experience',
  'revenue',
  'leverCost',
  'profit',
] as const;
const MAX_PLANS = 5;
/** Partial results refresh the page at most this often while a run goes on. */
const STREAM_MS = 700;

interface Entry {
  id: string;
  name: string;
  scenario: Scenario;
}

let parsedLibrary: Entry[] | null = null;

/** The library, parsed once per page load. */
function libraryEntries(): Entry[] {
  if (parsedLibrary) return parsedLibrary;
  const out: Entry[] = [];
  for (const e of LIBRARY) {
    const r = loadLibraryScenario(e.id);
    if (r.ok) out.push({ id: e.id, name: r.file.name, scenario: toEngine(r.file) });
  }
  parsedLibrary = out;
  return out;
}

interface Outcome {
  baseline: string;
  plans: string[];
  results: Record<string, RunResult[]>;
  comparisons: Record<string, Comparison>;
  /** Replications 0…complete−1 of every plan are in; the run asked for `reps`. */
  complete: number;
  reps: number;
  seed: string;
  /** Wall-clock seconds of the whole run and the workers it used, once complete. */
  seconds?: number;
  workers?: number;
}

/** Baseline against up to five plans, each run many times with the same seeds; paired differences. */
export function ComparePage({
  t,
  lang,
  current,
  mine,
}: {
  t: (k: Key) => string;
  lang: Lang;
  current: Entry;
  mine: SavedScenario[];
}) {
  const entries = useMemo(() => {
    const own = mine.flatMap((m) => {
      const r = parseScenarioObject(m.file);
      return r.ok ? [{ id: m.id, name: r.file.name, scenario: r.scenario }] : [];
    });
    const all = [current, ...own, ...libraryEntries()];
    return all.filter((e, k) => all.findIndex((x) => x.id === e.id) === k);
  }, [current, mine]);
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const entriesRef = useRef(entries);
  entriesRef.current = entries;
  const [baseline, setBaseline] = useState('baselines/neighbourhood');
  const [plans, setPlans] = useState<string[]>(['plans/discount-heavy', 'plans/three-dimension-balanced']);
  const [reps, setReps] = useState(8);
  const [seed, setSeed] = useState('1');
  const [metric, setMetric] = useState<MetricName>('active');
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const pool = useRef<WorkerPool | null>(null);

  useEffect(() => {
    // ?workers=N chooses the pool size (default: one per core); results do not depend on it.
    const asked = Number(new URLSearchParams(window.location.search).get('workers'));
    pool.current =
      Number.isInteger(asked) && asked >= 1 && asked <= 16 ? new WorkerPool(asked) : new WorkerPool();
    const cancelWarmUp = warmUpChartsWhenIdle(entriesRef.current.map((e) => e.name));
    return () => {
      cancelWarmUp();
      pool.current?.terminate();
    };
  }, []);

  const run = async () => {
    const ids = [baseline, ...plans.filter((p) => p !== baseline)];
    const jobs = ids.map((id) => ({ key: id, scenario: byId.get(id)!.scenario, seed, replications: reps }));
    const outcomeOf = (results: Record<string, RunResult[]>, complete: number): Outcome => {
      const cut = Object.fromEntries(ids.map((id) => [id, results[id].slice(0, complete)]));
      const comparisons = Object.fromEntries(ids.slice(1).map((id) => [id, compare(cut[baseline], cut[id])]));
      return { baseline, plans: ids.slice(1), results: cut, comparisons, complete, reps, seed };
    };
    // Replications stream in; the page shows every replication index that all plans have finished
    // (paired comparisons need the same k in each), at most every STREAM_MS.
    const got: Record<string, RunResult[]> = Object.fromEntries(ids.map((id) => [id, []]));
    let shown = 0;
    let lastShownAt = 0;
    const onResult = (key: string, k: number, r: RunResult) => {
      got[key][k] = r;
      let complete = shown;
      while (complete < reps && ids.every((id) => got[id][complete])) complete++;
      const now = performance.now();
      if (complete >= 2 && complete > shown && complete < reps && now - lastShownAt > STREAM_MS) {
        shown = complete;
        lastShownAt = now;
        setOutcome(outcomeOf(got, complete));
      }
    };
    setMessage(null);
    setOutcome(null);
    const started = performance.now();
    try {
      const results = await pool.current!.runMany(jobs, { onProgress: setProgress, onResult });
      const seconds = (performance.now() - started) / 1000;
      setOutcome({ ...outcomeOf(results, reps), seconds, workers: pool.current!.size });
    } catch (e) {
      setMessage(e instanceof RunCancelled ? t('cancelled') : String(e instanceof Error ? e.message : e));
    } finally {
      setProgress(null);
    }
  };

  // The baseline's own intervals (a run may have no plan: the baseline alone, with its bands).
  const baselineKpis = useMemo(
    () => (outcome ? summarise(outcome.results[outcome.baseline], COMPARISON_KPIS) : []),
    [outcome],
  );

  const chart = useCallback(() => {
    if (!outcome) return document.createElement('div');
    const data: PlanPoint[] = [];
    for (const id of [outcome.baseline, ...outcome.plans]) {
      for (const p of band(outcome.results[id], metric)) data.push({ plan: byId.get(id)?.name ?? id, ...p });
    }
    return compareChart(data, {
      title: t(`m_${metric}` as Key),
      yLabel: t(`m_${metric}` as Key),
      zero: metric === 'nps' || metric === 'profit',
    });
  }, [outcome, metric, byId, t]);

  const ladderBuild = useCallback(() => {
    const o = outcome!;
    const rows = [o.baseline, ...o.plans].flatMap((id) =>
      ladder(o.results[id]).map((d) => ({ plan: byId.get(id)?.name ?? id, ...d })),
    );
    return ladderChart(rows, { title: t('ladderTitle'), stageLabel: (s) => t(`stage_${s}` as Key) });
  }, [outcome, byId, t]);
  const cohortBuild = useCallback(() => {
    const o = outcome!;
    const rows = [o.baseline, ...o.plans].flatMap((id) =>
      cohortRetention(o.results[id]).map((d) => ({ plan: byId.get(id)?.name ?? id, ...d })),
    );
    return cohortChart(rows, { title: t('cohortTitle'), xLabel: t('cohortX'), yLabel: t('cohortY') });
  }, [outcome, byId, t]);
  const clvBuild = useCallback(() => {
    const o = outcome!;
    const rows = [o.baseline, ...o.plans].map((id) => {
      const [q10, q25, q50, q75, q90] = clvQuantiles(o.results[id]).map((q) => q.clv);
      return { plan: byId.get(id)?.name ?? id, q10, q25, q50, q75, q90 };
    });
    return clvChart(rows, { title: t('clvTitle'), xLabel: t('clvX') });
  }, [outcome, byId, t]);

  const threeDimBuild = useCallback(() => {
    const o = outcome!;
    const rows = [o.baseline, ...o.plans].map((id) => {
      const d = o.results[id].map(dimensions);
      return {
        plan: byId.get(id)?.name ?? id,
        value: mean(d.map((x) => x.value)),
        emotion: mean(d.map((x) => x.emotion)),
        experience: mean(d.map((x) => x.experience)),
      };
    });
    return threeDimensionChart(rows, {
      title: t('threeDimTitle'),
      labels: [t('m_value'), t('m_bond'), t('m_experience')],
    });
  }, [outcome, byId, t]);

  const downloadCsv = () => {
    if (!outcome) return;
    const parts = [outcome.baseline, ...outcome.plans].map((id) => {
      const csv = resultsToCsv(outcome.results[id]).trimEnd().split('\n');
      return [
        `plan,${csv[0]}`,
        ...csv.slice(1).map((l) => `${JSON.stringify(byId.get(id)?.name ?? id)},${l}`),
      ].join('\n');
    });
    const header = parts[0].split('\n')[0];
    const body = parts.map((p) => p.split('\n').slice(1).join('\n')).join('\n');
    download(new Blob([`${header}\n${body}\n`], { type: 'text/csv' }), 'loyalty-lab-comparison.csv');
  };

  const togglePlan = (id: string) =>
    setPlans((ps) =>
      ps.includes(id) ? ps.filter((p) => p !== id) : ps.length < MAX_PLANS ? [...ps, id] : ps,
    );

  return (
    <section className="compare">
      <div className="compare-setup no-print">
        <label>
          {t('baseline')}{' '}
          <select data-testid="baseline" value={baseline} onChange={(e) => setBaseline(e.target.value)}>
            {entries.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset data-testid="plans">
          <legend>{t('plans')}</legend>
          {entries
            .filter((e) => e.id !== baseline)
            .map((e) => (
              <label key={e.id} className="plan-choice">
                <input
                  type="checkbox"
                  value={e.id}
                  checked={plans.includes(e.id)}
                  onChange={() => togglePlan(e.id)}
                />{' '}
                {e.name}
              </label>
            ))}
        </fieldset>
        <label>
          {t('replications')}{' '}
          <input
            data-testid="reps"
            type="number"
            min={2}
            max={200}
            value={reps}
            onChange={(e) => setReps(Math.max(2, Math.min(200, Number(e.target.value) || 2)))}
          />
        </label>
        <label>
          {t('seed')}{' '}
          <input data-testid="seed" value={seed} onChange={(e) => setSeed(e.target.value)} size={8} />
        </label>
        {progress ? (
          <>
            <progress max={progress.total} value={progress.done} data-testid="compare-progress" />
            <span>
              {progress.done}/{progress.total}
              {progress.etaSeconds !== null && ` · ${Math.ceil(progress.etaSeconds)} s ${t('remaining')}`}
            </span>
            <button type="button" onClick={() => pool.current?.cancel()} data-testid="cancel">
              {t('cancel')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => void run()} data-testid="run-compare">
            {t('run')}
          </button>
        )}
      </div>
      {message && (
        <output className="note" data-testid="compare-message">
          {message}
        </output>
      )}
      {outcome && (
        <>
          <ReportHeader t={t} outcome={outcome} byId={byId} />
          <label className="no-print">
            {t('metric')}{' '}
            <select
              data-testid="metric"
              value={metric}
              onChange={(e) => setMetric(e.target.value as MetricName)}
            >
              {METRICS_SHOWN.map((m) => (
                <option key={m} value={m}>
                  {t(`m_${m}` as Key)}
                </option>
              ))}
            </select>
          </label>
          <Explain id={metric} lang={lang} t={t} />
          <Chart build={chart} testId="compare-chart" />
          <p className="no-print">
            {t('ladderTitle')} <Explain id="ladder" lang={lang} t={t} /> · {t('cohortTitle')}{' '}
            <Explain id="cohort" lang={lang} t={t} /> · {t('clvTitle')} <Explain id="clv" lang={lang} t={t} />{' '}
            · {t('threeDimTitle')} <Explain id="threeDim" lang={lang} t={t} />
          </p>
          <Chart build={ladderBuild} testId="ladder-chart" />
          <section className="charts">
            <Chart build={cohortBuild} testId="cohort-chart" />
            <Chart build={clvBuild} testId="clv-chart" />
            <Chart build={threeDimBuild} testId="three-dim-chart" />
          </section>
          <p className="note">{t('compareNote')}</p>
          {outcome.seconds !== undefined && (
            <p className="note" data-testid="run-time" data-seconds={outcome.seconds.toFixed(2)}>
              {t('runTime')
                .replace('{reps}', String(outcome.reps))
                .replace('{plans}', String(1 + outcome.plans.length))
                .replace(
                  '{people}',
                  (byId.get(outcome.baseline)?.scenario.population.marketSize ?? 0).toLocaleString(),
                )
                .replace('{months}', String(byId.get(outcome.baseline)?.scenario.horizonMonths ?? 0))
                .replace('{seconds}', outcome.seconds.toFixed(1))
                .replace('{workers}', String(outcome.workers))}
            </p>
          )}
          {outcome.complete < outcome.reps && (
            <p className="note partial" data-testid="partial-note">
              {t('partialResults')
                .replace('{n}', String(outcome.complete))
                .replace('{total}', String(outcome.reps))}
            </p>
          )}
          <table
            className="kpis"
            data-testid="compare-table"
            data-complete={outcome.complete === outcome.reps ? 'yes' : 'no'}
          >
            <thead>
              <tr>
                <th>{t('kpi')}</th>
                <th>{byId.get(outcome.baseline)?.name}</th>
                {outcome.plans.map((id) => (
                  <th key={id} colSpan={2}>
                    {byId.get(id)?.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {COMPARISON_KPIS.map((kpi, row) => (
                <tr key={kpi.id}>
                  <th>
                    {t(`kpi_${kpi.id}` as Key)} <Explain id={kpi.id} lang={lang} t={t} />
                  </th>
                  <td>{formatInterval(baselineKpis[row].interval, kpi.unit)}</td>
                  {outcome.plans.map((id) => {
                    const r = outcome.comparisons[id].rows[row];
                    return [
                      <td key={`${id}-v`}>{formatInterval(r.plan, kpi.unit)}</td>,
                      <td
                        key={`${id}-d`}
                        className="delta"
                        data-plan={id}
                        data-kpi={kpi.id}
                        data-delta={String(r.delta.mean)}
                      >
                        {r.delta.mean >= 0 ? '+' : ''}
                        {formatInterval(r.delta, kpi.unit)}
                      </td>,
                    ];
                  })}
                </tr>
              ))}
              <tr>
                <th>
                  {t('roi')} <Explain id="roi" lang={lang} t={t} />
                </th>
                <td>—</td>
                {outcome.plans.map((id) => (
                  <td key={id} colSpan={2} data-roi={id}>
                    {formatInterval(outcome.comparisons[id].roi, 'score')}
                  </td>
                ))}
              </tr>
              <tr>
                <th>
                  {t('costPerRetained')} <Explain id="costPerRetained" lang={lang} t={t} />
                </th>
                <td>—</td>
                {outcome.plans.map((id) => (
                  <td key={id} colSpan={2}>
                    {formatInterval(outcome.comparisons[id].costPerRetained, 'money')}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
          <div className="no-print">
            <button
              type="button"
              onClick={downloadCsv}
              data-testid="download-csv"
              disabled={outcome.complete < outcome.reps}
            >
              {t('downloadCsv')}
            </button>{' '}
            <button
              type="button"
              onClick={() => window.print()}
              data-testid="print-report"
              disabled={outcome.complete < outcome.reps}
            >
              {t('printReport')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** The first page of the printed comparison: what was compared, how, and what each plan changes. */
function ReportHeader({
  t,
  outcome,
  byId,
}: {
  t: (k: Key) => string;
  outcome: Outcome;
  byId: Map<string, Entry>;
}) {
  const base = byId.get(outcome.baseline);
  if (!base) return null;
  const show = (v: unknown) => (typeof v === 'object' ? JSON.stringify(v) : String(v));
  return (
    <section className="print-only report-header" data-testid="report-header">
      <h2>{t('reportTitle')}</h2>
      <p>
        {new Date().toISOString().slice(0, 10)} · {t('baseline')}: {base.name} · {outcome.reps}{' '}
        {t('replications')} · {t('seed')} {outcome.seed} · {base.scenario.horizonMonths} {t('months')} ·{' '}
        {base.scenario.population.marketSize.toLocaleString()} {t('market')}
      </p>
      {outcome.plans.map((id) => {
        const plan = byId.get(id);
        if (!plan) return null;
        const diff = scenarioDiff(base.scenario, plan.scenario);
        return (
          <div key={id} data-report-plan={id}>
            <h3>{plan.name}</h3>
            {diff.length === 0 ? (
              <p>{t('reportSame')}</p>
            ) : (
              <ul className="report-diff">
                {diff.map((d) => (
                  <li key={d.path}>
                    <code>{d.path}</code>: {show(d.from)} → {show(d.to)}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}
