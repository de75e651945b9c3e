import { useCallback, useEffect, useMemo, useState } from 'react';
import { band, formatInterval, HEADLINE_KPIS, summarise } from '../analysis/summary.ts';
import { defaultScenario, type RunResult } from '../engine/index.ts';
import { type RunProgress, WorkerPool } from '../runner/pool.ts';
import { Chart } from './Chart.tsx';
import { timeSeriesChart } from './charts/timeSeries.ts';
import { initialLang, type Key, type Lang, rememberLang, translator } from './i18n.ts';

const SEED = 1;
const REPLICATIONS = 8;

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = useMemo(() => translator(lang), [lang]);
  const scenario = useMemo(defaultScenario, []);
  const [results, setResults] = useState<RunResult[] | null>(null);
  const [progress, setProgress] = useState<RunProgress>({ done: 0, total: REPLICATIONS });
  const [error, setError] = useState<string | null>(null);
  const [runId, setRunId] = useState(0);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runId is the "run again" trigger
  useEffect(() => {
    const pool = new WorkerPool();
    let live = true;
    setResults(null);
    setError(null);
    setProgress({ done: 0, total: REPLICATIONS });
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
      <section className="scenario">
        <strong>{t('scenario')}:</strong> {scenario.name} · {scenario.population.marketSize.toLocaleString()}{' '}
        {t('market')} · {scenario.horizonMonths} {t('months')} · {REPLICATIONS} {t('replications')} ·{' '}
        {t('seed')} {SEED}
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
    </main>
  );
}
