import { useCallback, useEffect, useMemo, useState } from 'react';
import { band, formatInterval, HEADLINE_KPIS, summarise } from '../analysis/summary.ts';
import type { RunResult } from '../engine/index.ts';
import { type RunProgress, WorkerPool } from '../runner/pool.ts';
import type { Problem } from '../scenario/errors.ts';
import { DEFAULT_SCENARIO_ID, loadLibraryScenario } from '../scenario/library.ts';
import { toEngine } from '../scenario/schema.ts';
import { decodeShareLink, FRAGMENT_KEY } from '../scenario/share.ts';
import { Chart } from './Chart.tsx';
import { ComparePage } from './ComparePage.tsx';
import { timeSeriesChart } from './charts/timeSeries.ts';
import { initialLang, type Key, type Lang, rememberLang, translator } from './i18n.ts';
import { type Opened, ProblemList, ScenarioBar } from './ScenarioBar.tsx';

const SEED = 1;
const REPLICATIONS = 8;

function libraryDefault(): Opened {
  const r = loadLibraryScenario(DEFAULT_SCENARIO_ID);
  if (!r.ok) throw new Error(`the bundled default scenario is invalid: ${r.problems[0]?.en}`);
  return { id: DEFAULT_SCENARIO_ID, file: r.file };
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = useMemo(() => translator(lang), [lang]);
  const [tab, setTab] = useState<'scenario' | 'compare'>('scenario');
  const [opened, setOpened] = useState<Opened>(libraryDefault);
  const [problems, setProblems] = useState<{ source: string; problems: Problem[] } | null>(null);
  const scenario = useMemo(() => toEngine(opened.file), [opened]);
  const [results, setResults] = useState<RunResult[] | null>(null);
  const [progress, setProgress] = useState<RunProgress>({ done: 0, total: REPLICATIONS, etaSeconds: null });
  const [error, setError] = useState<string | null>(null);
  const [runId, setRunId] = useState(0);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  // A share link opens its scenario; a damaged one says so and leaves the default in place.
  useEffect(() => {
    if (!window.location.hash.includes(`${FRAGMENT_KEY}=`)) return;
    void decodeShareLink(window.location.href).then((r) => {
      if (r.ok) setOpened({ id: 'link', file: r.file });
      else setProblems({ source: 'link', problems: r.problems });
    });
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runId is the "run again" trigger
  useEffect(() => {
    const pool = new WorkerPool();
    let live = true;
    setResults(null);
    setError(null);
    setProgress({ done: 0, total: REPLICATIONS, etaSeconds: null });
    pool
      .run(scenario, SEED, REPLICATIONS, (p) => live && setProgress(p))
      .then((r) => live && setResults(r))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)))
      .finally(() => pool.terminate());
    return () => {
      live = false;
      pool.terminate();
    };
  }, [scenario, runId]);

  const activeChart = useCallback(
    () =>
      timeSeriesChart(band(results ?? [], 'active'), { title: t('activeCustomers'), yLabel: t('people') }),
    [results, t],
  );
  const npsChart = useCallback(
    () =>
      timeSeriesChart(band(results ?? [], 'nps'), {
        title: t('nps'),
        yLabel: t('npsAxis'),
        color: '#bc4b51',
        zero: true,
      }),
    [results, t],
  );

  const toggle = () => {
    const next = lang === 'en' ? 'zh' : 'en';
    rememberLang(next);
    setLang(next);
  };

  return (
    <main>
      <header>
        <div>
          <h1>{t('title')}</h1>
          <p className="subtitle">{t('subtitle')}</p>
        </div>
        <button type="button" onClick={toggle} data-testid="lang">
          {t('language')}
        </button>
      </header>
      <nav className="tabs">
        {(['scenario', 'compare'] as const).map((k) => (
          <button
            type="button"
            key={k}
            className={tab === k ? 'active' : ''}
            onClick={() => setTab(k)}
            data-testid={`tab-${k}`}
          >
            {t(`tab_${k}`)}
          </button>
        ))}
      </nav>
      {tab === 'compare' && (
        <ComparePage t={t} current={{ id: opened.id, name: opened.file.name, scenario }} />
      )}
      <div hidden={tab !== 'scenario'}>
        <ScenarioBar
          current={opened}
          lang={lang}
          t={t}
          onOpen={(o) => {
            setProblems(null);
            setOpened(o);
          }}
          onProblems={(source, list) => setProblems({ source, problems: list })}
        />
        {problems && (
          <ProblemList
            source={problems.source === 'link' ? t('fromLink') : problems.source}
            problems={problems.problems}
            lang={lang}
            t={t}
          />
        )}
        <section className="scenario" data-testid="scenario-name">
          <strong>{t('scenario')}:</strong> {scenario.name} ·{' '}
          {scenario.population.marketSize.toLocaleString()} {t('market')} · {scenario.horizonMonths}{' '}
          {t('months')} · {REPLICATIONS} {t('replications')} · {t('seed')} {SEED}
        </section>
        {error && (
          <p className="error" role="alert">
            {t('error')}: {error}
          </p>
        )}
        {!results && !error && (
          <div className="progress" data-testid="progress">
            {t('running')} {progress.done}/{progress.total}
            <progress max={progress.total} value={progress.done} />
          </div>
        )}
        {results && (
          <>
            <section className="charts">
              <Chart build={activeChart} testId="chart-active" />
              <Chart build={npsChart} testId="chart-nps" />
            </section>
            <p className="note">{t('bandNote')}</p>
            <section>
              <h2>{t('kpis')}</h2>
              <table className="kpis" data-testid="kpis">
                <tbody>
                  {summarise(results, HEADLINE_KPIS).map(({ kpi, interval }) => (
                    <tr key={kpi.id} data-kpi={kpi.id} data-mean={String(interval.mean)}>
                      <th>{t(`kpi_${kpi.id}` as Key)}</th>
                      <td>{formatInterval(interval, kpi.unit)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <button type="button" onClick={() => setRunId((k) => k + 1)}>
              {t('rerun')}
            </button>
          </>
        )}
      </div>
    </main>
  );
}
