import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { clvQuantiles, cohortRetention, ladder } from '../analysis/cohorts.ts';
import { COMPARISON_KPIS, type Comparison, compare } from '../analysis/compare.ts';
import { scenarioDiff } from '../analysis/scenarioDiff.ts';
import { type Interval, mean } from '../analysis/stats.ts';
import { band, type Kpi, summarise } from '../analysis/summary.ts';
import type { MetricName, RunResult } from '../engine/index.ts';
import { dimensions } from '../experiments/outcomes.ts';
import { RunCancelled, type RunProgress, WorkerPool } from '../runner/pool.ts';
import { parseScenarioObject } from '../scenario/importer.ts';
import { LIBRARY, loadLibraryScenario } from '../scenario/library.ts';
import { type LocalText, textIn, textsOf } from '../scenario/localText.ts';
import { toEngine } from '../scenario/schema.ts';
import { CompareAttribution } from './AttributionPanel.tsx';
import { Chart } from './Chart.tsx';
import { compareChart, type PlanPoint } from './charts/compareChart.ts';
import { clvChart, cohortChart, ladderChart } from './charts/distributionCharts.ts';
import { threeDimensionChart } from './charts/threeDimensionChart.ts';
import { warmUpChartsWhenIdle } from './charts/warmUp.ts';
import { comparisonCsv, comparisonTableCsv } from './csvExports.ts';
import { download } from './download.ts';
import { Explain } from './Explain.tsx';
import { formatIntervalFull, formatIntervalShort, isoDay } from './format.ts';
import { fill, type Key, type Lang } from './i18n.ts';
import { runErrorLines } from './messages.ts';
import { type Entry, PlanPicker } from './PlanPicker.tsx';
import { describeChanges } from './planChanges.ts';
import { RunControls } from './RunControls.tsx';
import { listRuns, loadRun, mayCombine, type PastRun, sameBaseline, saveRun } from './runHistory.ts';
import { watchScrollEdges } from './scrollEdges.ts';
import type { SavedScenario } from './storage.ts';
import { useRunAnnouncer } from './uiContext.ts';
import {
  type CompareSetup,
  pastRunOf,
  type Unfinished,
  UnfinishedCompareOffer,
  unfinishedCompare,
} from './unfinishedCompare.tsx';

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
  'healthPoor',
  'revenue',
  'leverCost',
  'profit',
] as const;
const MAX_PLANS = 5;
/** Partial results refresh the page at most this often while a run goes on. */
const STREAM_MS = 700;

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
  /** Names of the scenarios as they were run (a past run's may since have changed or gone). */
  names?: Record<string, LocalText>;
  /** When shown from the run history: when it was run. */
  pastAt?: number;
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
  const [history, setHistory] = useState<PastRun[]>([]);
  const [pickedRuns, setPickedRuns] = useState<string[]>([]);
  const [attributing, setAttributing] = useState(false);
  const getPool = useCallback(() => pool.current, []);
  const scenarioOf = useCallback((id: string) => byId.get(id)?.scenario, [byId]);
  const announcer = useRunAnnouncer();

  useEffect(() => {
    // ?workers=N chooses the pool size (default: one per core); results do not depend on it.
    const asked = Number(new URLSearchParams(window.location.search).get('workers'));
    pool.current =
      Number.isInteger(asked) && asked >= 1 && asked <= 16 ? new WorkerPool(asked) : new WorkerPool();
    const cancelWarmUp = warmUpChartsWhenIdle(entriesRef.current.flatMap((e) => textsOf(e.name)));
    void unfinishedCompare
      .fileIfWhole()
      .catch(() => false)
      .then(() => listRuns())
      .then(setHistory);
    return () => {
      cancelWarmUp();
      pool.current?.terminate();
    };
  }, []);

  const run = async (resume?: Unfinished) => {
    const ids = resume
      ? [resume.setup.baseline, ...resume.setup.plans]
      : [baseline, ...plans.filter((p) => p !== baseline)];
    const setup: CompareSetup = resume?.setup ?? {
      id: Date.now().toString(36),
      baseline,
      plans: ids.slice(1),
      names: Object.fromEntries(ids.map((id) => [id, byId.get(id)?.name ?? id])),
      scenarios: Object.fromEntries(ids.map((id) => [id, byId.get(id)!.scenario])),
      reps,
      seed,
    };
    const jobs = ids.map((id) => ({
      key: id,
      scenario: setup.scenarios[id],
      seed: setup.seed,
      replications: setup.reps,
      finished: resume?.finished[id],
    }));
    const outcomeOf = (results: Record<string, RunResult[]>, complete: number): Outcome => {
      const cut = Object.fromEntries(ids.map((id) => [id, results[id].slice(0, complete)]));
      const comparisons = Object.fromEntries(ids.slice(1).map((id) => [id, compare(cut[ids[0]], cut[id])]));
      return {
        baseline: ids[0],
        plans: ids.slice(1),
        results: cut,
        comparisons,
        complete,
        reps: setup.reps,
        seed: setup.seed,
      };
    };
    // Replications stream in; the page shows every replication index that all plans have finished
    // (paired comparisons need the same k in each), at most every STREAM_MS.
    const got: Record<string, RunResult[]> = Object.fromEntries(
      ids.map((id) => [id, [...(resume?.finished[id] ?? [])] as RunResult[]]),
    );
    let shown = 0;
    let lastShownAt = 0;
    const onResult = (key: string, k: number, r: RunResult) => {
      got[key][k] = r;
      // Kept as it finishes: a reload mid-run offers to go on from here (unfinishedCompare.tsx).
      void unfinishedCompare.keep(setup, key, k, r);
      let complete = shown;
      while (complete < setup.reps && ids.every((id) => got[id][complete])) complete++;
      const now = performance.now();
      if (complete >= 2 && complete > shown && complete < setup.reps && now - lastShownAt > STREAM_MS) {
        shown = complete;
        lastShownAt = now;
        setOutcome(outcomeOf(got, complete));
      }
    };
    setMessage(null);
    setOutcome(null);
    const started = performance.now();
    let filing = false;
    void unfinishedCompare.start(setup);
    try {
      const results = await pool.current!.runMany(jobs, {
        onProgress: (p) => {
          setProgress(p);
          announcer.progress(p.done, p.total);
        },
        onResult,
      });
      const seconds = (performance.now() - started) / 1000;
      setOutcome({ ...outcomeOf(results, setup.reps), seconds, workers: pool.current!.size });
      announcer.ready();
      filing = true;
      // The record of the unfinished run goes only once the history holds the run: a page that goes
      // away in between leaves every replication kept, and the next one files the run itself.
      void saveRun(pastRunOf(setup, Date.now()), results)
        .then(setHistory)
        .finally(() => unfinishedCompare.end(setup));
    } catch (e) {
      setMessage(
        e instanceof RunCancelled
          ? t('cancelled')
          : runErrorLines(String(e instanceof Error ? e.message : e), lang).join('; '),
      );
    } finally {
      if (!filing) void unfinishedCompare.end(setup);
      setProgress(null);
    }
  };

  // The baseline's own intervals (a run may have no plan: the baseline alone, with its bands).
  const baselineKpis = useMemo(
    () => (outcome ? summarise(outcome.results[outcome.baseline], COMPARISON_KPIS) : []),
    [outcome],
  );

  const nameOf = useCallback(
    (id: string) => textIn(outcome?.names?.[id] ?? byId.get(id)?.name, lang) || id,
    [byId, outcome, lang],
  );
  const caption = useMemo(
    () =>
      outcome
        ? [
            fill(t('chartCaptionBaseline'), {
              baseline: nameOf(outcome.baseline),
              plans: outcome.plans.map(nameOf).join('; ') || '—',
            }),
            fill(t('chartCaptionRuns'), { reps: outcome.complete, seed: outcome.seed }),
          ]
        : [],
    [outcome, nameOf, t],
  );

  const chart = useCallback(
    (width: number) => {
      if (!outcome) return document.createElement('div');
      const data: PlanPoint[] = [];
      for (const id of [outcome.baseline, ...outcome.plans]) {
        for (const p of band(outcome.results[id], metric)) data.push({ plan: nameOf(id), ...p });
      }
      return compareChart(data, {
        title: fill(t('chartByMonth'), { metric: t(`m_${metric}` as Key) }),
        yLabel: t(`m_${metric}` as Key),
        xLabel: t('monthAxis'),
        width: Math.min(width, 1100),
        zero: metric === 'nps' || metric === 'profit',
      });
    },
    [outcome, metric, nameOf, t],
  );

  const ladderBuild = useCallback(
    (width: number) => {
      const o = outcome!;
      const rows = [o.baseline, ...o.plans].flatMap((id) =>
        ladder(o.results[id]).map((d) => ({ plan: nameOf(id), ...d })),
      );
      return ladderChart(rows, {
        title: t('ladderTitle'),
        stageLabel: (s) => t(`stage_${s}` as Key),
        xLabel: t('monthAxis'),
        yLabel: t('people'),
        width: Math.min(width, 1100),
      });
    },
    [outcome, nameOf, t],
  );
  const cohortBuild = useCallback(
    (width: number) => {
      const o = outcome!;
      const rows = [o.baseline, ...o.plans].flatMap((id) =>
        cohortRetention(o.results[id]).map((d) => ({ plan: nameOf(id), ...d })),
      );
      return cohortChart(rows, {
        title: t('cohortTitle'),
        xLabel: t('cohortX'),
        yLabel: t('cohortY'),
        width: Math.min(width, 640),
      });
    },
    [outcome, nameOf, t],
  );
  const clvBuild = useCallback(
    (width: number) => {
      const o = outcome!;
      const rows = [o.baseline, ...o.plans].map((id) => {
        const [q10, q25, q50, q75, q90] = clvQuantiles(o.results[id]).map((q) => q.clv);
        return { plan: nameOf(id), q10, q25, q50, q75, q90 };
      });
      return clvChart(rows, { title: t('clvTitle'), xLabel: t('clvX'), width: Math.min(width, 640) });
    },
    [outcome, nameOf, t],
  );

  const threeDimBuild = useCallback(
    (width: number) => {
      const o = outcome!;
      const rows = [o.baseline, ...o.plans].map((id) => {
        const d = o.results[id].map(dimensions);
        return {
          plan: nameOf(id),
          value: mean(d.map((x) => x.value)),
          emotion: mean(d.map((x) => x.emotion)),
          experience: mean(d.map((x) => x.experience)),
        };
      });
      return threeDimensionChart(rows, {
        title: t('threeDimTitle'),
        labels: [t('m_value'), t('m_bond'), t('m_experience')],
        width: Math.min(width, 460),
      });
    },
    [outcome, nameOf, t],
  );

  const downloadCsv = () => {
    if (!outcome) return;
    const plans = [outcome.baseline, ...outcome.plans].map((id) => ({
      name: nameOf(id),
      results: outcome.results[id],
    }));
    download(new Blob([comparisonCsv(plans, lang)], { type: 'text/csv' }), 'loyalty-lab-comparison.csv');
  };

  /** Shows one past run, or two on the same baseline and seeds as one comparison, without rerunning. */
  const showPast = async (runs: PastRun[]) => {
    setMessage(null);
    const loaded = await Promise.all(runs.map(loadRun));
    if (loaded.some((r) => r === null)) {
      setMessage(t('historyGone'));
      return;
    }
    const [a, b] = runs;
    const [ra, rb] = loaded as Record<string, RunResult[]>[];
    if (b && !sameBaseline(a, ra, b, rb)) {
      setMessage(t('historyNotComparable'));
      return;
    }
    const plans = [...a.plans, ...(b ? b.plans.filter((p) => !a.plans.includes(p) && p !== a.baseline) : [])];
    const results = { ...(rb ?? {}), ...ra };
    const comparisons = Object.fromEntries(
      plans.map((id) => [id, compare(results[a.baseline], results[id])]),
    );
    setOutcome({
      baseline: a.baseline,
      plans,
      results,
      comparisons,
      complete: a.reps,
      reps: a.reps,
      seed: a.seed,
      names: { ...(b?.names ?? {}), ...a.names },
      pastAt: a.at,
    });
  };
  const picked = history.filter((r) => pickedRuns.includes(r.id));
  const when = (at: number) => new Date(at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');

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
                {textIn(e.name, lang)}
              </option>
            ))}
          </select>
        </label>
        <PlanPicker
          t={t}
          lang={lang}
          entries={entries}
          baseline={baseline}
          picked={plans}
          onToggle={togglePlan}
        />
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
        <RunControls
          progress={progress}
          onRun={() => void run()}
          onCancel={() => pool.current?.cancel()}
          label={t('run')}
          disabled={attributing}
          ids={{ run: 'run-compare', cancel: 'cancel', progress: 'compare-progress' }}
        />
      </div>
      <UnfinishedCompareOffer
        t={t}
        lang={lang}
        hidden={progress !== null}
        onResume={(u) => {
          setBaseline(u.setup.baseline);
          setPlans(u.setup.plans);
          setReps(u.setup.reps);
          setSeed(u.setup.seed);
          void run(u);
        }}
      />
      {history.length > 0 && (
        <details className="history no-print" data-testid="history">
          <summary>
            {t('historyTitle')} ({history.length})
          </summary>
          <ul>
            {history.map((r) => (
              <li key={r.id} data-past-run={r.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={pickedRuns.includes(r.id)}
                    onChange={() =>
                      setPickedRuns((ps) =>
                        ps.includes(r.id) ? ps.filter((p) => p !== r.id) : [...ps, r.id].slice(-2),
                      )
                    }
                  />{' '}
                  {when(r.at)} · {textIn(r.names[r.baseline], lang)} →{' '}
                  {r.plans.map((p) => textIn(r.names[p], lang)).join('; ') || '—'} · {r.reps}{' '}
                  {t('replications')} · {t('seed')} {r.seed}
                </label>{' '}
                <button type="button" className="link" onClick={() => void showPast([r])}>
                  {t('historyShow')}
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            disabled={picked.length !== 2 || !mayCombine(picked[0], picked[1])}
            onClick={() => void showPast(picked)}
            data-testid="history-combine"
          >
            {t('historyCombine')}
          </button>
          {picked.length === 2 && !mayCombine(picked[0], picked[1]) && (
            <span className="note"> {t('historyNotComparable')}</span>
          )}
        </details>
      )}
      {message && (
        <output className="note" data-testid="compare-message">
          {message}
        </output>
      )}
      {outcome && (
        <>
          {outcome.pastAt !== undefined && (
            <p className="note" data-testid="past-note">
              {fill(t('historyShown'), { when: when(outcome.pastAt) })}
            </p>
          )}
          <ReportHeader t={t} lang={lang} outcome={outcome} byId={byId} />
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
          <Explain id={metric} about={t(`m_${metric}` as Key)} lang={lang} t={t} />
          <Chart
            build={chart}
            testId="compare-chart"
            name={`compare-${metric}`}
            caption={[...caption, t('chartCaptionBands')]}
          />
          <p className="no-print">
            {t('ladderTitle')} <Explain id="ladder" about={t('ladderTitle')} lang={lang} t={t} /> ·{' '}
            {t('cohortTitle')} <Explain id="cohort" about={t('cohortTitle')} lang={lang} t={t} /> ·{' '}
            {t('clvTitle')} <Explain id="clv" about={t('clvTitle')} lang={lang} t={t} /> ·{' '}
            {t('threeDimTitle')} <Explain id="threeDim" about={t('threeDimTitle')} lang={lang} t={t} />
          </p>
          <Chart build={ladderBuild} testId="ladder-chart" name="compare-loyalty-ladder" caption={caption} />
          <section className="charts">
            <Chart
              build={cohortBuild}
              testId="cohort-chart"
              name="compare-cohort-retention"
              caption={[...caption, t('chartCaptionBands')]}
            />
            <Chart build={clvBuild} testId="clv-chart" name="compare-clv-per-customer" caption={caption} />
            <Chart
              build={threeDimBuild}
              testId="three-dim-chart"
              name="compare-three-dimensions"
              caption={caption}
            />
          </section>
          <p className="note">{t('compareNote')}</p>
          {outcome.seconds !== undefined && (
            <p className="note" data-testid="run-time" data-seconds={outcome.seconds.toFixed(2)}>
              {fill(t('runTime'), {
                reps: outcome.reps,
                plans: 1 + outcome.plans.length,
                scenarioWord: t(outcome.plans.length === 0 ? 'scenarioWordOne' : 'scenarioWordMany'),
                workers: outcome.workers ?? 0,
                workerWord: t(outcome.workers === 1 ? 'workerWordOne' : 'workerWordMany'),
                people: (byId.get(outcome.baseline)?.scenario.population.marketSize ?? 0).toLocaleString(
                  lang === 'zh' ? 'zh-CN' : 'en',
                ),
                months: byId.get(outcome.baseline)?.scenario.horizonMonths ?? 0,
                seconds: outcome.seconds.toFixed(1),
              })}
            </p>
          )}
          {outcome.complete < outcome.reps && (
            <p className="note partial" data-testid="partial-note">
              {t('partialResults')
                .replace('{n}', String(outcome.complete))
                .replace('{total}', String(outcome.reps))}
            </p>
          )}
          <CompareTable t={t} lang={lang} outcome={outcome} baselineKpis={baselineKpis} nameOf={nameOf} />
          <CompareAttribution
            t={t}
            lang={lang}
            baseline={outcome.baseline}
            plans={outcome.plans}
            scenarioOf={scenarioOf}
            nameOf={nameOf}
            results={outcome.results}
            seed={outcome.seed}
            replications={outcome.reps}
            complete={outcome.complete === outcome.reps && progress === null}
            fresh={outcome.pastAt === undefined}
            pool={getPool}
            busy={progress !== null}
            onBusy={setAttributing}
          />
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
              onClick={() =>
                download(
                  new Blob([compareTableCsv(outcome, baselineKpis, nameOf, lang)], { type: 'text/csv' }),
                  'loyalty-lab-comparison-table.csv',
                )
              }
              data-testid="download-table-csv"
              disabled={outcome.complete < outcome.reps}
            >
              {t('cmpTableCsv')}
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

/** The plan with the highest mean profit difference, if any plan was run. */
function bestPlan(outcome: Outcome): string | null {
  const row = COMPARISON_KPIS.findIndex((k) => k.id === 'profit');
  let best: string | null = null;
  for (const id of outcome.plans)
    if (
      best === null ||
      outcome.comparisons[id].rows[row].delta.mean > outcome.comparisons[best].rows[row].delta.mean
    )
      best = id;
  return best;
}

/**
 * The paired-difference table: every column headed (a plan's value, its Δ against the baseline),
 * money compact with the full figure on hover, every dash explained, the best plan by profit marked.
 */
function CompareTable({
  t,
  lang,
  outcome,
  baselineKpis,
  nameOf,
}: {
  t: (k: Key) => string;
  lang: Lang;
  outcome: Outcome;
  baselineKpis: { interval: Interval }[];
  nameOf: (id: string) => string;
}) {
  const best = bestPlan(outcome);
  const cell = (iv: Interval, unit: Kpi['unit'], signed = false) => (
    <span title={formatIntervalFull(iv, unit, signed)}>{formatIntervalShort(iv, unit, lang, signed)}</span>
  );
  const dash = (why: Key) => (
    <span title={t(why)}>
      —<sup aria-hidden="true">{why === 'cmpDashBaseline' ? '¹' : '²'}</sup>
      <span className="visually-hidden">{t(why)}</span>
    </span>
  );
  const ratio = (iv: Interval, unit: Kpi['unit']) =>
    Number.isFinite(iv.mean) ? cell(iv, unit) : dash('cmpDashUndefined');
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = frame.current?.firstElementChild;
    return frame.current && box instanceof HTMLElement ? watchScrollEdges(frame.current, box) : undefined;
  }, []);
  return (
    <>
      <div className="table-frame" ref={frame} data-testid="compare-table-frame">
        <div className="table-scroll">
          <table
            className="kpis compare-table"
            data-testid="compare-table"
            data-complete={outcome.complete === outcome.reps ? 'yes' : 'no'}
          >
            <thead>
              <tr>
                <th rowSpan={2} scope="col">
                  {t('kpi')}
                </th>
                <th scope="col">{nameOf(outcome.baseline)}</th>
                {outcome.plans.map((id) => (
                  <th key={id} colSpan={2} scope="colgroup" data-best={id === best ? 'yes' : undefined}>
                    {nameOf(id)}
                    {id === best && (
                      <span className="best-mark" title={t('cmpBest')}>
                        {' '}
                        ★<span className="visually-hidden">{t('cmpBest')}</span>
                      </span>
                    )}
                  </th>
                ))}
              </tr>
              <tr>
                <th scope="col">{t('cmpBaselineValue')}</th>
                {outcome.plans.map((id) => [
                  <th key={`${id}-v`} scope="col">
                    {t('cmpPlanValue')}
                  </th>,
                  <th key={`${id}-d`} scope="col">
                    {t('delta')}
                  </th>,
                ])}
              </tr>
            </thead>
            <tbody>
              {COMPARISON_KPIS.map((kpi, row) => (
                <tr key={kpi.id}>
                  <th scope="row">
                    {t(`kpi_${kpi.id}` as Key)}{' '}
                    <Explain id={kpi.id} about={t(`kpi_${kpi.id}` as Key)} lang={lang} t={t} />
                  </th>
                  <td>{cell(baselineKpis[row].interval, kpi.unit)}</td>
                  {outcome.plans.map((id) => {
                    const r = outcome.comparisons[id].rows[row];
                    return [
                      <td key={`${id}-v`}>{cell(r.plan, kpi.unit)}</td>,
                      <td
                        key={`${id}-d`}
                        className="delta"
                        data-plan={id}
                        data-kpi={kpi.id}
                        data-delta={String(r.delta.mean)}
                      >
                        {cell(r.delta, kpi.unit, true)}
                      </td>,
                    ];
                  })}
                </tr>
              ))}
              <tr>
                <th scope="row">
                  {t('roi')} <Explain id="roi" about={t('roi')} lang={lang} t={t} />
                </th>
                <td>{dash('cmpDashBaseline')}</td>
                {outcome.plans.map((id) => (
                  <td key={id} colSpan={2} data-roi={id}>
                    {ratio(outcome.comparisons[id].roi, 'score')}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">
                  {t('costPerRetained')}{' '}
                  <Explain id="costPerRetained" about={t('costPerRetained')} lang={lang} t={t} />
                </th>
                <td>{dash('cmpDashBaseline')}</td>
                {outcome.plans.map((id) => (
                  <td key={id} colSpan={2}>
                    {ratio(outcome.comparisons[id].costPerRetained, 'money')}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      </div>
      <p className="note scroll-hint no-print" data-testid="compare-scroll-hint">
        {t('cmpScrollHint')}
      </p>
      <p className="note" data-testid="compare-table-notes">
        {best && <>★ {t('cmpBest')}. </>}¹ {t('cmpDashBaseline')} ² {t('cmpDashUndefined')} {t('cmpHover')}
      </p>
    </>
  );
}

/** The table's figures in full, one row per key figure and plan (csvExports.ts writes them). */
function compareTableCsv(
  outcome: Outcome,
  baselineKpis: { interval: Interval }[],
  nameOf: (id: string) => string,
  lang: Lang,
): string {
  const rows = COMPARISON_KPIS.map((kpi, row) => ({
    kpi,
    baseline: baselineKpis[row].interval,
    plans: outcome.plans.map((id) => {
      const r = outcome.comparisons[id].rows[row];
      return { name: nameOf(id), value: r.plan, delta: r.delta };
    }),
  }));
  const ratios = outcome.plans.map((id) => ({
    name: nameOf(id),
    roi: outcome.comparisons[id].roi,
    costPerRetained: outcome.comparisons[id].costPerRetained,
  }));
  return comparisonTableCsv(nameOf(outcome.baseline), rows, ratios, lang);
}

/** The first page of the printed comparison: what was compared, how, and what each plan changes. */
function ReportHeader({
  t,
  lang,
  outcome,
  byId,
}: {
  t: (k: Key) => string;
  lang: Lang;
  outcome: Outcome;
  byId: Map<string, Entry>;
}) {
  const base = byId.get(outcome.baseline);
  if (!base) return null;
  return (
    <section className="print-only report-header" data-testid="report-header">
      <h2>{t('reportTitle')}</h2>
      <p>
        {isoDay()} · {t('baseline')}: {textIn(base.name, lang)} · {outcome.reps} {t('replications')} ·{' '}
        {t('seed')} {outcome.seed} · {base.scenario.horizonMonths} {t('months')} ·{' '}
        {base.scenario.population.marketSize.toLocaleString()} {t('market')}
      </p>
      {outcome.plans.map((id) => {
        const plan = byId.get(id);
        if (!plan) return null;
        const diff = describeChanges(scenarioDiff(base.scenario, plan.scenario), lang);
        return (
          <div key={id} data-report-plan={id}>
            <h3>{textIn(plan.name, lang)}</h3>
            {diff.length === 0 ? (
              <p>{t('reportSame')}</p>
            ) : (
              <ul className="report-diff">
                {diff.map((d) => (
                  <li key={d.path} data-path={d.path}>
                    {d.label}: {d.from} → {d.to}
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
