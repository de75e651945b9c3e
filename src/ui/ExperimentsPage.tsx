import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatInterval } from '../analysis/summary.ts';
import { sweepCsv } from '../experiments/analyse.ts';
import { axisValues } from '../experiments/design.ts';
import type { Evaluator } from '../experiments/measure.ts';
import { OUTCOMES } from '../experiments/outcomes.ts';
import { type ExperimentOutput, runExperiment } from '../experiments/run.ts';
import { RunCancelled, type RunProgress, WorkerPool } from '../runner/pool.ts';
import { unitText } from '../scenario/errors.ts';
import {
  type Experiment,
  isChoiceAxis,
  OUTCOME_IDS,
  type OutcomeId,
  type SweepAxis,
} from '../scenario/experimentSchema.ts';
import { fieldMeta } from '../scenario/fields.ts';
import { parseScenarioObject } from '../scenario/importer.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import { Chart } from './Chart.tsx';
import {
  choiceChart,
  convergenceChart,
  dimensionsChart,
  heatMapChart,
  morrisChart,
  sweepChart,
  tornadoChart,
} from './charts/experimentCharts.ts';
import { sweepCsvText } from './csvExports.ts';
import { download } from './download.ts';
import {
  type AxisDraft,
  audiencePaths,
  type ChoiceDraft,
  candidateChoices,
  numericFields,
  withSweep,
} from './experimentDraft.ts';
import { choiceLabel, labelOfPath } from './experimentLabels.ts';
import type { Key, Lang } from './i18n.ts';
import { runErrorLines } from './messages.ts';
import { RunControls } from './RunControls.tsx';
import { useRunAnnouncer } from './uiContext.ts';

/** Three significant digits, none of them trailing zeros: 0, 10, 2.5 (not 0.00, 10.0, 2.50). */
const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : String(Number(x.toPrecision(3))));

/** A parameter's value with its unit, as the editor gives it: "10 %", "3000 people" (人). */
function valueWithUnit(path: string, x: number, lang: Lang): string {
  const unit = unitText(fieldMeta(path.split('.')).unit, lang);
  return unit ? `${fmt(x)} ${unit}` : fmt(x);
}

/** An axis's name for a chart: a parameter's with its unit ("Discount → Depth (%)"). */
function axisLabel(a: SweepAxis, lang: Lang): string {
  const unit = isChoiceAxis(a) ? '' : unitText(fieldMeta(a.path.split('.')).unit, lang);
  const name = labelOfPath(a.path, lang);
  return unit ? `${name} (${unit})` : name;
}

/** An axis's value as shown: a number with its unit, or its choice's label. */
function axisText(a: SweepAxis, value: number, lang: Lang): string {
  return isChoiceAxis(a) ? choiceLabel(a.choices[value], lang) : valueWithUnit(a.path, value, lang);
}

/** A choice's label with the numbers set with it: "top 20 % by value (Care gestures → Gestures a year 7)". */
function choiceDetail(a: SweepAxis, value: number, lang: Lang): string {
  if (!isChoiceAxis(a)) return valueWithUnit(a.path, value, lang);
  const c = a.choices[value];
  const set = Object.entries(c.set).map(([p, v]) => `${labelOfPath(p, lang)} ${valueWithUnit(p, v, lang)}`);
  return set.length ? `${choiceLabel(c, lang)} (${set.join(', ')})` : choiceLabel(c, lang);
}

/** An axis in a line: its parameter and range, or its parameter and choices. */
function axisSummary(a: SweepAxis, lang: Lang): string {
  return isChoiceAxis(a)
    ? `${labelOfPath(a.path, lang)}: ${a.choices.map((c) => choiceLabel(c, lang)).join(' / ')}`
    : `${labelOfPath(a.path, lang)} ${fmt(a.from)}–${valueWithUnit(a.path, a.to, lang)}`;
}

/** What an experiment does, in one line. */
function describe(e: Experiment, t: (k: Key) => string, lang: Lang): string {
  const runs = (points: number) => `${points} × ${e.replications} ${t('replications')}`;
  switch (e.kind) {
    case 'sweep':
      return `${t('xp_sweep')}: ${axisSummary(e.x, lang)}${e.y ? ` × ${axisSummary(e.y, lang)}` : ''} → ${t(
        `out_${e.outcome}` as Key,
      )} (${runs(axisValues(e.x).length * (e.y ? axisValues(e.y).length : 1))})`;
    case 'sensitivity':
      return `${t('xp_sensitivity')}: ${e.parameters.length} ${t('xp_parameters')} → ${t(`out_${e.outcome}` as Key)}`;
    case 'optimise':
      return `${t('xp_optimise')}: ${e.levers.length} ${t('xp_levers')}${
        e.audience ? ` + ${axisSummary(e.audience, lang)}` : ''
      }, ${t('xp_budget')} ${e.monthlyBudget}/${t('xp_month')} → ${t(`out_${e.objective}` as Key)} (≤ ${e.evaluations} ${t('xp_mixes')})`;
  }
}

/** Sweeps, sensitivity analyses and budget optimisations defined in the current scenario file. */
export function ExperimentsPage({
  t,
  lang,
  file,
  size,
  onChange,
}: {
  t: (k: Key) => string;
  lang: Lang;
  file: ScenarioFile;
  /** The scenario the experiments run on: its market and horizon, which every figure depends on. */
  size: { people: number; months: number };
  /** Saves the scenario with a new experiment (as the user's own copy). */
  onChange: (file: ScenarioFile) => void;
}) {
  const list = file.experiments;
  const [selected, setSelected] = useState(list[0]?.id ?? '');
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [output, setOutput] = useState<ExperimentOutput | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const pool = useRef<WorkerPool | null>(null);
  const experiment = list.find((e) => e.id === selected) ?? list[0];
  const announcer = useRunAnnouncer();

  useEffect(() => {
    pool.current = new WorkerPool();
    return () => pool.current?.terminate();
  }, []);
  // A different scenario or experiment: its results are not these.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the choice changes
  useEffect(() => {
    setOutput(null);
    setMessage(null);
  }, [file, selected]);

  const run = async () => {
    if (!experiment || !pool.current) return;
    setOutput(null);
    setMessage(null);
    const p = pool.current;
    const evaluate: Evaluator = (tasks, outcome, onDone) =>
      p.measureMany(tasks, outcome, (pr) => onDone?.(pr.done));
    try {
      const started = performance.now();
      const out = await runExperiment(file, experiment, evaluate, {
        onProgress: (done, total) => {
          const s = (performance.now() - started) / 1000;
          setProgress({ done, total, etaSeconds: done > 0 ? (s / done) * (total - done) : null });
          announcer.progress(done, total);
        },
      });
      setOutput(out);
      announcer.ready();
    } catch (e) {
      setMessage(
        e instanceof RunCancelled
          ? t('cancelled')
          : runErrorLines(String(e instanceof Error ? e.message : e), lang).join('; '),
      );
    } finally {
      setProgress(null);
    }
  };

  const save = () => {
    if (!output) return;
    download(
      new Blob([JSON.stringify(output, null, 1)], { type: 'application/json' }),
      `experiment-${output.experiment.id}.json`,
    );
  };

  const composer = (
    <SweepComposer
      t={t}
      lang={lang}
      file={file}
      onAdd={(next, id) => {
        onChange(next);
        setSelected(id);
      }}
    />
  );
  if (list.length === 0)
    return (
      <section className="experiments" data-testid="experiments">
        <p className="note" data-testid="no-experiments">
          {t('xp_none')}
        </p>
        {composer}
      </section>
    );

  return (
    <section className="experiments" data-testid="experiments">
      <p className="note">{t('xp_intro')}</p>
      <div className="compare-setup">
        <label>
          {t('xp_choose')}{' '}
          <select
            data-testid="experiment"
            value={experiment.id}
            onChange={(e) => setSelected(e.target.value)}
          >
            {list.map((e) => (
              <option key={e.id} value={e.id}>
                {e.title?.[lang] ?? e.id}
              </option>
            ))}
          </select>
        </label>
        <RunControls
          progress={progress}
          onRun={() => void run()}
          onCancel={() => pool.current?.cancel()}
          label={t('run')}
          ids={{ run: 'run-experiment', cancel: 'experiment-cancel', progress: 'experiment-progress' }}
        />
      </div>
      <p data-testid="experiment-description">
        {describe(experiment, t, lang)} · {size.people.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}{' '}
        {t('market')} · {size.months} {t('months')}
      </p>
      {composer}
      {message && (
        <output className="note" data-testid="experiment-message">
          {message}
        </output>
      )}
      {output?.result && <ExperimentResultView output={output} t={t} lang={lang} />}
      {output && (
        <button type="button" onClick={save} data-testid="download-experiment">
          {t('xp_download')}
        </button>
      )}
    </section>
  );
}

function ExperimentResultView({
  output,
  t,
  lang,
}: {
  output: ExperimentOutput;
  t: (k: Key) => string;
  lang: Lang;
}) {
  const e = output.experiment;
  const r = output.result!;
  const outcomeId = e.kind === 'optimise' ? e.objective : e.outcome;
  const outcomeLabel = t(`out_${outcomeId}` as Key);
  const unit = OUTCOMES[outcomeId].unit;

  const sweepLine = useCallback(
    (width: number) => {
      if (r.kind !== 'sweep' || e.kind !== 'sweep') return document.createElement('div');
      const x = e.x;
      if (isChoiceAxis(x))
        return choiceChart(
          r.cells.map((c) => ({
            choice: choiceLabel(x.choices[c.point[x.path]], lang),
            mean: c.value.mean,
            lo: c.value.lo,
            hi: c.value.hi,
          })),
          {
            title: outcomeLabel,
            xLabel: labelOfPath(x.path, lang),
            yLabel: outcomeLabel,
            width: Math.min(width, 900),
          },
        );
      return sweepChart(
        r.cells.map((c) => ({ x: c.point[e.x.path], mean: c.value.mean, lo: c.value.lo, hi: c.value.hi })),
        {
          title: outcomeLabel,
          xLabel: axisLabel(e.x, lang),
          yLabel: outcomeLabel,
          width: Math.min(width, 900),
        },
      );
    },
    [r, e, lang, outcomeLabel],
  );
  // Each choice's own interval is wide (replications differ a great deal); the choices' paired
  // differences from the first, on the same seeds, are what tell them apart.
  const choiceDifferences = useCallback(
    (width: number) => {
      if (r.kind !== 'sweep' || e.kind !== 'sweep' || e.y || !isChoiceAxis(e.x))
        return document.createElement('div');
      const x = e.x;
      const first = choiceLabel(x.choices[r.cells[0].point[x.path]], lang);
      return choiceChart(
        r.cells.slice(1).map((c) => ({
          choice: choiceLabel(x.choices[c.point[x.path]], lang),
          mean: c.vsFirst.mean,
          lo: c.vsFirst.lo,
          hi: c.vsFirst.hi,
        })),
        {
          title: `${t('xp_vsFirst')}: ${first}`,
          xLabel: labelOfPath(x.path, lang),
          yLabel: `Δ ${outcomeLabel}`,
          width: Math.min(width, 900),
          zeroLine: true,
        },
      );
    },
    [r, e, lang, t, outcomeLabel],
  );
  const heat = useCallback(
    (width: number) => {
      if (r.kind !== 'sweep' || e.kind !== 'sweep' || !e.y) return document.createElement('div');
      const y = e.y;
      return heatMapChart(
        r.cells.map((c) => ({
          x: isChoiceAxis(e.x) ? axisText(e.x, c.point[e.x.path], lang) : c.point[e.x.path],
          y: isChoiceAxis(y) ? axisText(y, c.point[y.path], lang) : c.point[y.path],
          mean: c.value.mean,
        })),
        {
          title: outcomeLabel,
          width: Math.min(width, 900),
          xLabel: axisLabel(e.x, lang),
          yLabel: axisLabel(y, lang),
          valueLabel: outcomeLabel,
        },
      );
    },
    [r, e, lang, outcomeLabel],
  );
  const tornado = useCallback(
    (width: number) => {
      if (r.kind !== 'sensitivity') return document.createElement('div');
      return tornadoChart(
        r.tornado.map((row) => ({
          label: labelOfPath(row.path, lang),
          low: row.low.mean,
          high: row.high.mean,
        })),
        {
          title: t('xp_tornado'),
          width: Math.min(width, 900),
          centre: r.centre.mean,
          xLabel: outcomeLabel,
          lowLabel: t('xp_low'),
          highLabel: t('xp_high'),
        },
      );
    },
    [r, lang, t, outcomeLabel],
  );
  const morris = useCallback(
    (width: number) => {
      if (r.kind !== 'sensitivity') return document.createElement('div');
      return morrisChart(
        r.morris.map((m) => ({ label: labelOfPath(m.path, lang), muStar: m.muStar, sigma: m.sigma })),
        { title: t('xp_morris'), xLabel: t('xp_muStar'), yLabel: t('xp_sigma'), width: Math.min(width, 900) },
      );
    },
    [r, lang, t],
  );
  const converge = useCallback(
    (width: number) => {
      if (r.kind !== 'optimise') return document.createElement('div');
      return convergenceChart(r.trace, r.searched, {
        title: t('xp_convergence'),
        width: Math.min(width, 900),
        xLabel: t('xp_evaluations'),
        yLabel: outcomeLabel,
        feasibleLabel: t('xp_feasible'),
        infeasibleLabel: t('xp_overBudget'),
      });
    },
    [r, t, outcomeLabel],
  );
  const dims = useCallback(
    (width: number) => {
      if (r.kind !== 'optimise' || !r.best) return document.createElement('div');
      const rows = [
        { mix: t('baseline'), d: r.baseline.dimensions },
        { mix: t('xp_best'), d: r.best.dimensions },
      ].flatMap(({ mix, d }) => [
        { mix, dimension: t('m_value'), score: d.value },
        { mix, dimension: t('m_bond'), score: d.emotion },
        { mix, dimension: t('m_experience'), score: d.experience },
      ]);
      return dimensionsChart(rows, {
        title: t('xp_dimensions'),
        yLabel: t('xp_score'),
        width: Math.min(width, 520),
      });
    },
    [r, t],
  );

  if (r.kind === 'sweep' && e.kind === 'sweep')
    return (
      <div data-testid="experiment-result" data-kind="sweep">
        <Chart build={e.y ? heat : sweepLine} testId={e.y ? 'heatmap-chart' : 'sweep-chart'} />
        {!e.y && isChoiceAxis(e.x) && <Chart build={choiceDifferences} testId="choice-difference-chart" />}
        <table className="kpis" data-testid="sweep-table">
          <thead>
            <tr>
              <th>{labelOfPath(e.x.path, lang)}</th>
              {e.y && <th>{labelOfPath(e.y.path, lang)}</th>}
              <th>{outcomeLabel}</th>
              <th>{t('xp_vsFirst')}</th>
            </tr>
          </thead>
          <tbody>
            {r.cells.map((c, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells are fixed by the experiment
              <tr key={k} data-mean={String(c.value.mean)}>
                <td>{choiceDetail(e.x, c.point[e.x.path], lang)}</td>
                {e.y && <td>{choiceDetail(e.y, c.point[e.y.path], lang)}</td>}
                <td>{formatInterval(c.value, unit)}</td>
                <td>{formatInterval(c.vsFirst, unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="note">{t('xp_crnNote')}</p>
        <button
          type="button"
          data-testid="download-sweep-csv"
          onClick={() =>
            download(
              new Blob(
                [
                  sweepCsv(
                    e,
                    r,
                    sweepCsvText(
                      { label: outcomeLabel, unit },
                      lang,
                      (a) => axisLabel(a, lang),
                      (c) => choiceLabel(c, lang),
                    ),
                  ),
                ],
                { type: 'text/csv' },
              ),
              `experiment-${e.id}.csv`,
            )
          }
        >
          {t('xp_downloadCsv')}
        </button>
      </div>
    );
  if (r.kind === 'sensitivity')
    return (
      <div data-testid="experiment-result" data-kind="sensitivity">
        <Chart build={tornado} testId="tornado-chart" />
        <table className="kpis" data-testid="tornado-table">
          <tbody>
            {r.tornado.map((row) => (
              <tr key={row.path} data-path={row.path} data-swing={String(row.swing.mean)}>
                <th>{labelOfPath(row.path, lang)}</th>
                <td>{formatInterval(row.swing, unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Chart build={morris} testId="morris-chart" />
        <p className="note">{t('xp_morrisNote')}</p>
      </div>
    );
  if (r.kind === 'optimise' && e.kind === 'optimise')
    return (
      <div data-testid="experiment-result" data-kind="optimise">
        <Chart build={converge} testId="convergence-chart" />
        {r.best ? (
          <>
            <table className="kpis" data-testid="best-mix">
              <thead>
                <tr>
                  <th>
                    <span className="visually-hidden">{t('xp_parameters')}</span>
                  </th>
                  <th>{t('baseline')}</th>
                  <th>{t('xp_best')}</th>
                  {r.runnersUp.map((_, k) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: ranks
                    <th key={k}>
                      {t('xp_runnerUp')} {k + 1}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {e.levers.map((l) => (
                  <tr key={l.path}>
                    <th>{labelOfPath(l.path, lang)}</th>
                    <td>{fmt(baselineValue(output, l.path))}</td>
                    <td data-best={l.path}>{fmt(r.best!.point[l.path])}</td>
                    {r.runnersUp.map((u, k) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: ranks
                      <td key={k}>{fmt(u.point[l.path])}</td>
                    ))}
                  </tr>
                ))}
                {e.audience && (
                  <tr>
                    <th>{labelOfPath(e.audience.path, lang)}</th>
                    <td>—</td>
                    <td data-best={e.audience.path}>
                      {choiceDetail(e.audience, r.best.point[e.audience.path], lang)}
                    </td>
                    {r.runnersUp.map((u, k) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: ranks
                      <td key={k}>{choiceDetail(e.audience!, u.point[e.audience!.path], lang)}</td>
                    ))}
                  </tr>
                )}
                <tr>
                  <th>{outcomeLabel}</th>
                  <td>{formatInterval(r.baseline.objective, unit)}</td>
                  <td>{formatInterval(r.best.objective, unit)}</td>
                  {r.runnersUp.map((u, k) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: ranks
                    <td key={k}>{formatInterval(u.objective, unit)}</td>
                  ))}
                </tr>
                <tr>
                  <th>{t('xp_spend')}</th>
                  <td>{fmt(r.baseline.spend)}</td>
                  <td>{fmt(r.best.spend)}</td>
                  {r.runnersUp.map((u, k) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: ranks
                    <td key={k}>{fmt(u.spend)}</td>
                  ))}
                </tr>
                <tr>
                  <th>{t('xp_vsBaseline')}</th>
                  <td>—</td>
                  <td data-testid="best-vs-baseline">{formatInterval(r.best.vsBaseline, unit)}</td>
                  {r.runnersUp.map((u, k) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: ranks
                    <td key={k}>
                      {t('xp_vsBest')} {formatInterval(u.vsBest, unit)}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
            {e.audience && r.byChoice && (
              <table className="kpis" data-testid="best-by-choice">
                <caption>{t('xp_byChoice')}</caption>
                <thead>
                  <tr>
                    <th>{labelOfPath(e.audience.path, lang)}</th>
                    <th>{outcomeLabel}</th>
                    <th>{t('xp_spend')}</th>
                    <th>{t('xp_vsBaseline')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.byChoice.map((b) => (
                    <tr key={b.choice} data-mean={b.best ? String(b.best.objective.mean) : ''}>
                      <th>{choiceDetail(e.audience!, b.choice, lang)}</th>
                      <td>{b.best ? formatInterval(b.best.objective, unit) : t('xp_overBudget')}</td>
                      <td>{b.best ? fmt(b.best.spend) : '—'}</td>
                      <td>{b.best ? formatInterval(b.best.vsBaseline, unit) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <Chart build={dims} testId="dimensions-chart" />
            <p className="note">{t('xp_optimiseNote')}</p>
          </>
        ) : (
          <p className="note">{t('xp_noFeasible')}</p>
        )}
      </div>
    );
  return null;
}

/** The scenario's own value of a lever (where the search started), kept in the output's experiment. */
function baselineValue(output: ExperimentOutput, path: string): number {
  if (output.result?.kind !== 'optimise') return Number.NaN;
  const first = output.result.searched[0];
  return first ? first.point[path] : Number.NaN;
}

/** A form for a new sweep, saved into the scenario so it travels with the file. */
function SweepComposer({
  t,
  lang,
  file,
  onAdd,
}: {
  t: (k: Key) => string;
  lang: Lang;
  file: ScenarioFile;
  onAdd: (file: ScenarioFile, id: string) => void;
}) {
  const fields = useMemo(() => numericFields(file), [file]);
  const audiences = useMemo(() => audiencePaths(file), [file]);
  const candidates = useMemo(() => candidateChoices(file), [file]);
  const first = fields.find((f) => f.path === 'levers.value.discount.depthPct') ?? fields[0];
  const [x, setX] = useState<AxisDraft>({ path: first.path, from: first.min, to: first.max, steps: 5 });
  const [y, setY] = useState<AxisDraft | null>(null);
  const [outcome, setOutcome] = useState<OutcomeId>('profit');
  const [reps, setReps] = useState(6);
  const [problems, setProblems] = useState<string[]>([]);
  const pick = (path: string): AxisDraft => {
    // An audience starts as the question the lesson asks: everyone, the top 20 % or those at risk.
    if (audiences.includes(path)) return { path, choices: candidates.slice(0, 3) };
    const f = fields.find((g) => g.path === path)!;
    return { path, from: f.min, to: f.max, steps: 5 };
  };
  const add = () => {
    const id = `sweep-${file.experiments.length + 1}`;
    const r = parseScenarioObject(withSweep(file, { id, outcome, replications: reps, x, y }));
    if (!r.ok) {
      setProblems(r.problems.map((p) => `${p.path}: ${p[lang]}`));
      return;
    }
    setProblems([]);
    onAdd(r.file, id);
  };
  const same = (a: ChoiceDraft, b: ChoiceDraft) => a.kind === b.kind && a.segment === b.segment;
  const axis = (a: AxisDraft, set: (a: AxisDraft) => void, name: string) => (
    <>
      <select value={a.path} onChange={(e) => set(pick(e.target.value))} data-testid={`compose-${name}-path`}>
        <optgroup label={t('xp_audience')}>
          {audiences.map((p) => (
            <option key={p} value={p}>
              {labelOfPath(p, lang)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('xp_parameters')}>
          {fields.map((f) => (
            <option key={f.path} value={f.path}>
              {labelOfPath(f.path, lang)} ({f.path})
            </option>
          ))}
        </optgroup>
      </select>{' '}
      {'choices' in a ? (
        <span className="composer-choices" data-testid={`compose-${name}-choices`}>
          {t('xp_pickChoices')}{' '}
          {candidates.map((c) => (
            <label key={`${c.kind}:${c.segment ?? ''}`}>
              <input
                type="checkbox"
                value={`${c.kind}:${c.segment ?? ''}`}
                checked={a.choices.some((d) => same(c, d))}
                onChange={(e) =>
                  set({
                    ...a,
                    // Kept in the offered order, so the chart's order does not depend on the clicks.
                    choices: candidates.filter((d) =>
                      same(d, c) ? e.target.checked : a.choices.some((k) => same(k, d)),
                    ),
                  })
                }
              />{' '}
              {choiceLabel({ topPct: 20, newMonths: 3, segment: '', ...c }, lang)}{' '}
            </label>
          ))}
        </span>
      ) : (
        <>
          <input
            type="number"
            value={a.from}
            onChange={(e) => set({ ...a, from: Number(e.target.value) })}
            data-testid={`compose-${name}-from`}
          />
          {' – '}
          <input
            type="number"
            value={a.to}
            onChange={(e) => set({ ...a, to: Number(e.target.value) })}
            data-testid={`compose-${name}-to`}
          />{' '}
          {t('xp_steps')}{' '}
          <input
            type="number"
            min={2}
            max={41}
            value={a.steps}
            onChange={(e) => set({ ...a, steps: Math.round(Number(e.target.value)) || 2 })}
          />
        </>
      )}
    </>
  );
  return (
    <details className="composer" data-testid="composer">
      <summary>{t('xp_new')}</summary>
      <p>
        {t('xp_xParam')} {axis(x, setX, 'x')}
      </p>
      <p>
        <label>
          <input
            type="checkbox"
            checked={y !== null}
            onChange={(e) => setY(e.target.checked ? pick(fields[0].path) : null)}
          />{' '}
          {t('xp_yParam')}
        </label>{' '}
        {y && axis(y, setY, 'y')}
      </p>
      <p>
        <label>
          {t('xp_outcome')}{' '}
          <select
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as OutcomeId)}
            data-testid="compose-outcome"
          >
            {OUTCOME_IDS.map((o) => (
              <option key={o} value={o}>
                {t(`out_${o}` as Key)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('replications')}{' '}
          <input
            type="number"
            min={2}
            max={500}
            value={reps}
            onChange={(e) => setReps(Math.round(Number(e.target.value)) || 2)}
          />
        </label>{' '}
        <button type="button" onClick={add} data-testid="compose-add">
          {t('xp_add')}
        </button>
      </p>
      {problems.length > 0 && (
        <ul className="error" role="alert" data-testid="compose-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <p className="note">{t('xp_saved')}</p>
    </details>
  );
}
