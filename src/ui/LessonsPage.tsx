import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { pairedDifference } from '../analysis/stats.ts';
import { band, formatInterval } from '../analysis/summary.ts';
import type { MetricName, RunResult } from '../engine/index.ts';
import { OUTCOMES } from '../experiments/outcomes.ts';
import { RunCancelled, type RunProgress, WorkerPool } from '../runner/pool.ts';
import { OUTCOME_IDS } from '../scenario/experimentSchema.ts';
import type { Lesson } from '../scenario/lessonSchema.ts';
import { LIBRARY, loadLibraryScenario } from '../scenario/library.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import {
  judgeLesson,
  type LessonResult,
  lessonAttributionPairs,
  lessonJobs,
  type Verdict,
  verdict,
} from '../teaching/lesson.ts';
import { LessonAttribution } from './AttributionPanel.tsx';
import { Chart } from './Chart.tsx';
import { compareChart, type PlanPoint } from './charts/compareChart.ts';
import { threeDimensionChart } from './charts/threeDimensionChart.ts';
import { sectionTitle } from './docSections.ts';
import { useDocs } from './docsContext.ts';
import { fill, type Key, type Lang } from './i18n.ts';
import { runErrorLines } from './messages.ts';
import { PopulationView } from './population/PopulationView.tsx';
import { RunControls } from './RunControls.tsx';
import { useKeepFocus, useRunAnnouncer } from './uiContext.ts';

type LessonFile = ScenarioFile & { lesson: Lesson };

export interface LessonEntry {
  id: string;
  file: LessonFile;
}

/** The shipped lessons, in order. */
export function libraryLessons(): LessonEntry[] {
  return LIBRARY.filter((e) => e.id.startsWith('lessons/')).flatMap((e) => {
    const r = loadLibraryScenario(e.id);
    return r.ok && r.file.lesson ? [{ id: e.id, file: r.file as LessonFile }] : [];
  });
}

interface Done {
  results: Record<string, RunResult[]>;
  judged: LessonResult;
  verdict: Verdict;
}

/** Predict, run, see why: the guided lessons, and the current scenario's own lesson if it has one. */
export function LessonsPage({
  t,
  lang,
  current,
  presenting = false,
}: {
  t: (k: Key) => string;
  lang: Lang;
  current: { id: string; file: ScenarioFile };
  /** Presentation mode: the arrow keys step through the lesson's parts, then on to the next lesson. */
  presenting?: boolean;
}) {
  const lessons = useMemo(() => {
    const shipped = libraryLessons();
    const own =
      current.file.lesson && !shipped.some((l) => l.id === current.id)
        ? [{ id: current.id, file: current.file as LessonFile }]
        : [];
    return [...own, ...shipped];
  }, [current]);
  const [chosen, setChosen] = useState(lessons[0]?.id ?? '');
  const entry = lessons.find((l) => l.id === chosen) ?? lessons[0];
  // A lesson opened as the current scenario (e.g. from a trainer's link) comes first and is chosen.
  useEffect(() => {
    if (current.file.lesson) setChosen(current.id);
  }, [current]);

  const at = lessons.findIndex((l) => l.id === entry?.id);
  const step = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new lesson starts at its first part
  useEffect(() => {
    step.current = 0;
  }, [entry?.id]);
  useEffect(() => {
    if (!presenting) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      // Arrows belong to whatever has them: inputs, radios, selects, the tab bar.
      if (target?.closest('input, select, textarea, [role="tab"], [role="tablist"], dialog')) return;
      const forward = e.key === 'ArrowRight' || e.key === 'PageDown';
      const back = e.key === 'ArrowLeft' || e.key === 'PageUp';
      if (!forward && !back) return;
      e.preventDefault();
      const parts = [...document.querySelectorAll<HTMLElement>('[data-testid="lesson"] [data-step]')];
      const next = step.current + (forward ? 1 : -1);
      if (next >= parts.length || next < 0) {
        const other = lessons[at + (forward ? 1 : -1)];
        if (other) setChosen(other.id);
        return;
      }
      step.current = next;
      parts[next].scrollIntoView({ block: 'start', behavior: 'instant' });
      parts[next].focus({ preventScroll: true });
      document.querySelector('[data-testid="lesson"]')?.setAttribute('data-current-step', String(next));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting, lessons, at]);

  if (!entry) return <p className="note">{t('lessonNone')}</p>;
  return (
    <section className="lessons" data-testid="lessons">
      <nav className="lesson-list" aria-label={t('tab_lessons')}>
        {lessons.map((l, k) => (
          <button
            type="button"
            key={l.id}
            className={l.id === entry.id ? 'active' : ''}
            onClick={() => setChosen(l.id)}
            data-testid={`lesson-${l.id}`}
          >
            {k + 1}. {l.file.lesson.title[lang]}
          </button>
        ))}
      </nav>
      <LessonView key={entry.id} entry={entry} t={t} lang={lang} />
      {presenting && (
        <p className="presenter-hint" data-testid="presenter-hint">
          {fill(t('presenterHint'), { n: at + 1, total: lessons.length })}
        </p>
      )}
    </section>
  );
}

const VERDICT_CLASS: Record<Verdict, string> = { right: 'good', close: 'neutral', wrong: 'bad' };

function LessonView({ entry, t, lang }: { entry: LessonEntry; t: (k: Key) => string; lang: Lang }) {
  const l = entry.file.lesson;
  const [prediction, setPrediction] = useState<string | null>(null);
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [watch, setWatch] = useState(l.options[0].id);
  const pool = useRef<WorkerPool | null>(null);
  const announcer = useRunAnnouncer();
  // The finished run's "Try again" takes the place of Cancel, and focus with it; trying again
  // puts focus on the first option to predict.
  const againButton = useRef<HTMLButtonElement>(null);
  const firstOption = useRef<HTMLInputElement>(null);
  useKeepFocus(done !== null, firstOption, againButton);
  const openDocs = useDocs();
  const jobs = useMemo(() => lessonJobs(entry.file), [entry]);
  const label = (id: string) => l.options.find((o) => o.id === id)?.label[lang] ?? id;

  useEffect(() => {
    pool.current = new WorkerPool();
    return () => pool.current?.terminate();
  }, []);

  const run = async () => {
    if (!prediction || !pool.current) return;
    setMessage(null);
    try {
      const results = await pool.current.runMany(jobs, {
        onProgress: (p) => {
          setProgress(p);
          announcer.progress(p.done, p.total);
        },
      });
      const judged = judgeLesson(l, results);
      setDone({ results, judged, verdict: verdict(l, judged, results, prediction) });
      setWatch(judged.winner);
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

  const unit = OUTCOMES[l.outcome].unit;
  const charts = useMemo(
    () =>
      l.charts.map((metric) => (width: number) => {
        const data: PlanPoint[] = [];
        if (done)
          for (const o of l.options)
            for (const p of band(done.results[o.id], metric as MetricName))
              data.push({ plan: o.label[lang], ...p });
        return compareChart(data, {
          title: fill(t('chartByMonth'), { metric: t(`m_${metric}` as Key) }),
          yLabel: t(`m_${metric}` as Key),
          xLabel: t('monthAxis'),
          width: Math.min(width, 760),
          zero: metric === 'nps',
        });
      }),
    [done, l, lang, t],
  );
  const dims = useCallback(
    (width: number) => {
      const name = (id: string) => l.options.find((o) => o.id === id)?.label[lang] ?? id;
      const rows = (done?.judged.options ?? []).map((o) => ({ plan: name(o.id), ...o.dimensions }));
      return threeDimensionChart(rows, {
        title: t('threeDimTitle'),
        labels: [t('m_value'), t('m_bond'), t('m_experience')],
        width: Math.min(width, 460),
      });
    },
    [done, t, lang, l],
  );
  const caption = [l.title[lang], fill(t('chartCaptionRuns'), { reps: l.replications, seed: l.seed })];

  return (
    <article className="lesson" data-testid="lesson" data-current-step="0">
      <h2 data-step tabIndex={-1}>
        {l.title[lang]}
      </h2>
      <p className="question" data-testid="lesson-question">
        {l.question[lang]}
      </p>
      <fieldset className="predict" disabled={!!progress || !!done} data-step tabIndex={-1}>
        <legend>{t('lessonPredict')}</legend>
        {l.options.map((o) => (
          <label key={o.id} className="option">
            <input
              type="radio"
              name="prediction"
              ref={o.id === l.options[0].id ? firstOption : undefined}
              value={o.id}
              checked={prediction === o.id}
              onChange={() => setPrediction(o.id)}
              data-testid={`predict-${o.id}`}
            />{' '}
            {o.label[lang]}
          </label>
        ))}
      </fieldset>
      {done ? (
        <div id="run-controls" className="run-controls">
          <button
            type="button"
            ref={againButton}
            onClick={() => {
              setDone(null);
              setPrediction(null);
            }}
            data-run
            data-testid="lesson-again"
            aria-describedby="lesson-locked"
          >
            {t('lessonAgain')}
          </button>{' '}
          <span className="note" id="lesson-locked" data-testid="lesson-locked">
            {t('lessonLocked')}
          </span>
        </div>
      ) : (
        <RunControls
          progress={progress}
          onRun={() => void run()}
          onCancel={() => pool.current?.cancel()}
          label={prediction ? t('lessonRun') : t('lessonPickFirst')}
          disabled={!prediction}
          ids={{ run: 'lesson-run' }}
        />
      )}
      {message && <output className="note">{message}</output>}
      {done && prediction && (
        <>
          <p
            data-step
            tabIndex={-1}
            className={`verdict ${VERDICT_CLASS[done.verdict]}`}
            data-testid="lesson-verdict"
            data-verdict={done.verdict}
          >
            {t(`verdict_${done.verdict}` as Key)
              .replace('{pick}', label(prediction))
              .replace('{winner}', label(done.judged.winner))}
          </p>
          <table className="kpis" data-testid="lesson-table">
            <thead>
              <tr>
                <th>{t('lessonOption')}</th>
                <th>{t(`out_${l.outcome}` as Key)}</th>
                <th>{t('lessonVsPick')}</th>
                <th>{t('lessonSpend')}</th>
              </tr>
            </thead>
            <tbody>
              {done.judged.options.map((o) => (
                <tr key={o.id} data-option={o.id} data-mean={String(o.outcome.mean)}>
                  <th>
                    {label(o.id)}
                    {o.id === done.judged.winner ? ' ★' : ''}
                  </th>
                  <td>{formatInterval(o.outcome, unit)}</td>
                  <td>
                    {o.id === prediction ? '—' : formatDifference(done.results, l, prediction, o.id, unit)}
                  </td>
                  <td>{Math.round(o.spend).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <details>
            <summary>{t('lessonOtherOutcomes')}</summary>
            <table className="kpis">
              <thead>
                <tr>
                  <th>
                    <span className="visually-hidden">{t('kpi')}</span>
                  </th>
                  {l.options.map((o) => (
                    <th key={o.id}>{o.label[lang]}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {OUTCOME_IDS.map((id) => (
                  <tr key={id}>
                    <th>{t(`out_${id}` as Key)}</th>
                    {done.judged.options.map((o) => (
                      <td key={o.id}>{Number.isFinite(o.others[id]) ? o.others[id].toFixed(1) : '—'}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <section className="explanation" data-testid="lesson-explanation" data-step tabIndex={-1}>
            <h3>{t('lessonWhy')}</h3>
            {l.explanation[lang].split(/\n\s*\n/).map((para) => (
              <p key={para.slice(0, 40)}>{para}</p>
            ))}
            <p>
              {t('lessonMechanisms')}{' '}
              {l.mechanisms.map((m) => (
                <button type="button" className="link" key={m} onClick={() => openDocs(m)} data-anchor={m}>
                  {sectionTitle(m, lang)}
                </button>
              ))}
            </p>
          </section>
          <section className="charts" data-step tabIndex={-1}>
            {charts.map((build, k) => (
              <Chart
                key={l.charts[k]}
                build={build}
                testId={`lesson-chart-${l.charts[k]}`}
                name={`lesson-${entry.id.replace(/^lessons\//, '')}-${l.charts[k]}`}
                caption={[...caption, t('chartCaptionBands')]}
              />
            ))}
            <Chart
              build={dims}
              testId="lesson-three-dim"
              name={`lesson-${entry.id.replace(/^lessons\//, '')}-three-dimensions`}
              caption={caption}
            />
          </section>
          {l.attribution && (
            <div data-step tabIndex={-1}>
              <LessonAttribution
                t={t}
                lang={lang}
                file={entry.file}
                pairs={lessonAttributionPairs(entry.file)}
                optionLabel={label(l.attribution.option)}
                known={done.results[l.attribution.option]}
                pool={() => pool.current}
              />
            </div>
          )}
          <h3 data-step tabIndex={-1}>
            {t('lessonPopulation')}
          </h3>
          <label>
            {t('lessonOption')}{' '}
            <select value={watch} onChange={(e) => setWatch(e.target.value)} data-testid="lesson-watch">
              {l.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label[lang]}
                </option>
              ))}
            </select>
          </label>
          <PopulationView t={t} scenario={jobs.find((j) => j.key === watch)!.scenario} seed={l.seed} />
        </>
      )}
    </article>
  );
}

function formatDifference(
  results: Record<string, RunResult[]>,
  l: Lesson,
  from: string,
  to: string,
  unit: (typeof OUTCOMES)[keyof typeof OUTCOMES]['unit'],
): string {
  const of = OUTCOMES[l.outcome].of;
  const d = pairedDifference(results[from].map(of), results[to].map(of));
  return `${d.mean >= 0 ? '+' : ''}${formatInterval(d, unit)}`;
}
