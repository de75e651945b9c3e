/**
 * "My business" on the Scenario tab: the figures a manager knows, each optional with its unit, range,
 * the baseline's own value as a placeholder and a tolerance; calibrated on the worker pool with
 * progress and cancel; the result as target against simulated, the parameters in plain words, and
 * a scenario saved among the user's own. What is typed is kept in this browser until it is cleared.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { interval } from '../analysis/stats.ts';
import {
  type CalibrationProgress,
  type CalibrationResult,
  calibrate,
  type FigureEvaluator,
} from '../calibration/calibrate.ts';
import { CALIBRATION_MONTHS, figuresOf, type SimulatedFigures } from '../calibration/figures.ts';
import {
  FIRST_YEAR,
  type Names,
  readOutcome,
  readParameter,
  savedDescription,
} from '../calibration/reading.ts';
import { cautions, FIGURE_IDS, FIGURES, type FigureId, parseTargets } from '../calibration/targets.ts';
import type { Task } from '../experiments/measure.ts';
import { RunCancelled, WorkerPool } from '../runner/pool.ts';
import { type Problem, unitText } from '../scenario/errors.ts';
import { LIBRARY, libraryName, loadLibraryScenario } from '../scenario/library.ts';
import { type ScenarioFile, toEngine } from '../scenario/schema.ts';
import { readDecimal } from './decimal.ts';
import { fill, type Key, type Lang, STRINGS, translator } from './i18n.ts';
import { useUi } from './uiContext.ts';

interface Props {
  t: (k: Key) => string;
  lang: Lang;
  /** The scenario open now: its baseline is the first guess of the closest one. */
  current: { id: string; file: ScenarioFile };
  /** Saves the calibrated scenario among the user's own and opens it. */
  onCalibrated: (file: ScenarioFile) => void;
}

type Entry = { value: string; tolerance: string };
interface Draft {
  baseline: string;
  figures: Partial<Record<FigureId, Entry>>;
}

const DRAFT_KEY = 'loyalty-lab.my-business';
const BASELINES = LIBRARY.filter((e) => e.id.startsWith('baselines/')).map((e) => e.id);
const FALLBACK = BASELINES.includes('baselines/restaurant') ? 'baselines/restaurant' : BASELINES[0];

function closestBaseline(current: Props['current']): string {
  if (BASELINES.includes(current.id)) return current.id;
  if (current.file.baseline && BASELINES.includes(current.file.baseline)) return current.file.baseline;
  return FALLBACK;
}

function loadDraft(current: Props['current']): Draft {
  try {
    const d = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null') as Draft | null;
    if (d && typeof d === 'object' && BASELINES.includes(d.baseline) && d.figures) return d;
  } catch {
    // no draft kept (or storage unavailable): start empty
  }
  return { baseline: closestBaseline(current), figures: {} };
}

/**
 * The targets document the form stands for (only the figures filled in), and what could not be read
 * as a number, by field path: a figure whose value or tolerance cannot be read is left out of the
 * document, so its own problem is the only one said about it.
 */
function targetsDoc(d: Draft): { doc: unknown; unread: Problem[] } {
  const figures: Record<string, { value: number; tolerance?: number }> = {};
  const unread: Problem[] = [];
  for (const id of FIGURE_IDS) {
    const e = d.figures[id];
    if (!e || e.value.trim() === '') continue;
    const value = readDecimal(e.value);
    const tolerance = e.tolerance.trim() ? readDecimal(e.tolerance) : null;
    if (!value.ok) unread.push({ path: `figures.${id}.value`, ...value.message });
    if (tolerance && !tolerance.ok) unread.push({ path: `figures.${id}.tolerance`, ...tolerance.message });
    if (value.ok && (!tolerance || tolerance.ok))
      figures[id] = { value: value.value, ...(tolerance ? { tolerance: tolerance.value } : {}) };
  }
  return { doc: { figures }, unread };
}

/**
 * A parser's message in the page's words: fields by their labels (the command line keeps the paths),
 * "money" as what it is, big numbers grouped (5,000,000).
 */
function plain(p: Problem): Problem {
  if (p.path === 'figures') return { path: p.path, en: STRINGS.en.mb_enterOne, zh: STRINGS.zh.mb_enterOne };
  const say = (text: string, lang: Lang) => {
    const names = namesIn(lang);
    const t = translator(lang);
    return text
      .replace(/figures\.(\w+)\.(value|tolerance)/g, (_, id: FigureId, part: string) =>
        part === 'value' ? names.figure(id) : `${names.figure(id)} ${t('mb_tolerance')}`,
      )
      .replace(
        lang === 'en' ? '(money)' : '（金额）',
        lang === 'en' ? `(${t('mb_unitMoney')})` : `（${t('mb_unitMoney')}）`,
      )
      .replace(/(?<![\d.,])\d{4,}(?![\d,])/g, (m) => Number(m).toLocaleString('en'));
  };
  return { path: p.path, en: say(p.en, 'en'), zh: say(p.zh, 'zh') };
}

/** Every problem of a draft: numbers that cannot be read (said as typed), then what the targets' parser says. */
function check(d: Draft): ReturnType<typeof parseTargets> {
  const { doc, unread } = targetsDoc(d);
  const r = parseTargets(doc);
  if (r.ok && !unread.length) return r;
  const parsedProblems = r.ok ? [] : r.problems.filter((p) => !unread.length || p.path !== 'figures');
  return { ok: false, problems: [...unread, ...parsedProblems.map(plain)] };
}
const entered = (d: Draft) => Object.values(d.figures).some((e) => e && e.value.trim() !== '');

/** How long typing must pause before the figures are checked aloud (leaving a field checks at once). */
const SETTLE_MS = 900;

/** "read as 1.5" under an input whose text is not already the number it was read as. */
function readAs(text: string): number | null {
  const r = readDecimal(text);
  return r.ok && text.trim() !== r.text ? r.value : null;
}

const show = (x: number) =>
  !Number.isFinite(x)
    ? '—'
    : Math.abs(x) >= 100
      ? Math.round(x).toLocaleString('en')
      : Number(x.toPrecision(3)).toString();
/** The figures' and parameters' labels in one language, as the saved scenario's description names them. */
const namesIn = (lang: Lang): Names => {
  const t = translator(lang);
  return { figure: (id) => t(`mb_fig_${id}` as Key), parameter: (id) => t(`mb_par_${id}` as Key) };
};

const unitOf = (id: FigureId, lang: Lang) => {
  const u = FIGURES[id].unit;
  if (u === 'money') return translator(lang)('mb_unitMoney');
  return unitText(u, lang);
};

/**
 * Calibration tasks on the pool: the tasks of one candidate are replications 0…n−1 of one scenario
 * and seed, which is one pool job.
 */
function poolEvaluator(pool: WorkerPool): FigureEvaluator {
  return async (tasks: Task[], onDone, from = 0) => {
    const jobs: { key: string; scenario: Task['scenario']; seed: Task['seed']; replications: number }[] = [];
    for (const task of tasks) {
      const last = jobs[jobs.length - 1];
      if (
        last &&
        last.scenario === task.scenario &&
        last.seed === task.seed &&
        task.replication === last.replications
      )
        last.replications++;
      else if (task.replication === 0)
        jobs.push({ key: `p${jobs.length}`, scenario: task.scenario, seed: task.seed, replications: 1 });
      else throw new Error('calibration tasks must be replications 0…n−1 of each candidate');
    }
    const out = await pool.runMany(jobs, { onProgress: (p) => onDone?.(p.done) });
    return jobs.flatMap((j) => out[j.key].map((r) => figuresOf(r, from)));
  };
}

export function MyBusiness({ t, lang, current, onCalibrated }: Props) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => loadDraft(current));
  const [placeholders, setPlaceholders] = useState<{ baseline: string; figures: SimulatedFigures } | null>(
    null,
  );
  const [progress, setProgress] = useState<CalibrationProgress | null>(null);
  const [result, setResult] = useState<{ baseline: string; base: ScenarioFile; r: CalibrationResult } | null>(
    null,
  );
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [runCount, setRunCount] = useState(0);
  const { announce } = useUi();
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Opening the form moves focus to its heading; closing it, back to the button that opened it.
  useEffect(() => {
    if (open) heading.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const pool = useRef<WorkerPool | null>(null);
  const getPool = () => {
    pool.current ??= new WorkerPool();
    return pool.current;
  };
  useEffect(() => () => pool.current?.terminate(), []);

  useEffect(() => {
    try {
      localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
    } catch {
      // not kept across reloads; the form still works
    }
  }, [draft]);

  const base = useMemo(() => {
    const r = loadLibraryScenario(draft.baseline);
    return r.ok ? r.file : null;
  }, [draft.baseline]);

  // The baseline's own first-year figures, as placeholders: one short run of it on a worker of its
  // own (so it never holds up the calibration's pool).
  useEffect(() => {
    if (!open || !base || placeholders?.baseline === draft.baseline) return;
    let stale = false;
    const once = new WorkerPool(1);
    once
      .run(toEngine({ ...base, horizonMonths: CALIBRATION_MONTHS }), 'placeholder', 2)
      .then((runs) => {
        if (stale) return;
        const figs = runs.map((r) => figuresOf(r));
        const mean: SimulatedFigures = {
          marketSize: base.population.marketSize,
          grossMarginPct: base.economics.grossMarginPct,
          staffHeadcount: base.staff.headcount,
        };
        for (const id of Object.keys(figs[0]) as FigureId[])
          mean[id] = interval(figs.map((f) => f[id]!)).mean;
        setPlaceholders({ baseline: draft.baseline, figures: mean });
      })
      .catch(() => {
        // placeholders are a help, not a need: the form works without them
      })
      .finally(() => once.terminate());
    return () => {
      stale = true;
      once.terminate();
    };
  }, [open, base, draft.baseline, placeholders]);

  const parsed = useMemo(() => check(draft), [draft]);
  const anyEntered = entered(draft);
  // What is said about the figures follows the draft when a field is left or typing pauses, not at
  // every keystroke: the "3" of 3000 is not yet a mistake.
  const [settled, setSettled] = useState(draft);
  useEffect(() => {
    const h = setTimeout(() => setSettled(draft), SETTLE_MS);
    return () => clearTimeout(h);
  }, [draft]);
  const settle = () => setSettled(draft);
  const shown = useMemo(() => check(settled), [settled]);
  const problems: Problem[] = !shown.ok && entered(settled) ? shown.problems : [];
  const atField = (path: string) => problems.filter((p) => p.path === path);
  // Figures that can be fitted together, but only just: said beside the form, not blocking it.
  const doubts: Problem[] = shown.ok ? cautions(shown.targets).map(plain) : [];
  const label = (id: FigureId) => t(`mb_fig_${id}` as Key);

  const set = (id: FigureId, part: keyof Entry, v: string) =>
    setDraft((d) => ({
      ...d,
      figures: { ...d.figures, [id]: { ...(d.figures[id] ?? { value: '', tolerance: '' }), [part]: v } },
    }));

  const run = async () => {
    if (!parsed.ok || !base) return;
    setError(null);
    setNote(null);
    setResult(null);
    const from = draft.baseline;
    setProgress({ phase: 'search', runs: 0, plannedRuns: 1, evaluations: 0, best: Number.NaN });
    try {
      const r = await calibrate(base, parsed.targets, poolEvaluator(getPool()), { onProgress: setProgress });
      setResult({ baseline: from, base, r });
      setRunCount((n) => n + 1);
      announce(
        fill(t('mb_finished'), { met: r.figures.filter((f) => f.within).length, total: r.figures.length }),
      );
    } catch (e) {
      if (e instanceof RunCancelled) setNote(t('mb_cancelled'));
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  };

  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)} data-testid="mb-open" ref={opener}>
        {t('mb_open')}
      </button>
    );

  const ph = placeholders?.baseline === draft.baseline ? placeholders.figures : {};
  const problemLine = (p: Problem) => {
    const [, id, part] = /^figures\.(\w+)\.(value|tolerance)/.exec(p.path) ?? [];
    if (!id || !FIGURE_IDS.includes(id as FigureId)) return p[lang];
    const where = label(id as FigureId) + (part === 'tolerance' ? ` ${t('mb_tolerance')}` : '');
    return `${where}: ${p[lang]}`;
  };
  const problemList = (list: Problem[], className: string, testId: string, title: string) =>
    list.length > 0 && (
      <div className={className} data-testid={testId}>
        {title}
        <ul>
          {list.map((p) => (
            <li key={`${p.path}:${p.en}`}>{problemLine(p)}</li>
          ))}
        </ul>
      </div>
    );
  const why = !anyEntered ? t('mb_enterOne') : !parsed.ok ? t('mb_fixFirst') : null;
  return (
    <section className="my-business" data-testid="my-business" aria-labelledby="mb-title">
      <h2 id="mb-title" tabIndex={-1} ref={heading}>
        {t('mb_title')}
      </h2>
      <button type="button" onClick={() => setOpen(false)} data-testid="mb-close">
        {t('mb_close')}
      </button>
      <p className="note">{t('mb_intro')}</p>
      <label>
        {t('mb_baseline')}{' '}
        <select
          value={draft.baseline}
          onChange={(e) => setDraft((d) => ({ ...d, baseline: e.target.value }))}
          data-testid="mb-baseline"
          disabled={!!progress}
        >
          {BASELINES.map((id) => (
            <option key={id} value={id}>
              {libraryName(id, lang)}
            </option>
          ))}
        </select>
      </label>
      <p className="note" data-testid="mb-placeholder-note">
        {t('mb_placeholderNote')}
      </p>
      <div className="table-scroll">
        <table className="mb-form">
          <thead>
            <tr>
              <th>{t('mb_figure')}</th>
              <th>{t('mb_value')}</th>
              <th>{t('mb_tolerance')}</th>
            </tr>
          </thead>
          <tbody>
            {FIGURE_IDS.map((id) => {
              const f = FIGURES[id];
              const e = draft.figures[id] ?? { value: '', tolerance: '' };
              const typed = readDecimal(e.value);
              const v = typed.ok ? typed.value : ph[id];
              const tolHint =
                f.kind === 'fitted' && v !== undefined && Number.isFinite(v)
                  ? show(f.defaultTolerance(v))
                  : '';
              return (
                <tr key={id} data-figure={id}>
                  <th scope="row">
                    <label htmlFor={`mb-${id}`}>{label(id)}</label>
                    <br />
                    <small>
                      {unitOf(id, lang)} · {t('mb_range')} {show(f.min)}–{show(f.max)}
                    </small>
                  </th>
                  <td data-label={t('mb_value')}>
                    <input
                      id={`mb-${id}`}
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      value={e.value}
                      placeholder={ph[id] !== undefined ? show(ph[id]!) : ''}
                      onChange={(ev) => set(id, 'value', ev.target.value)}
                      onBlur={settle}
                      data-testid={`mb-value-${id}`}
                      disabled={!!progress}
                      {...described(
                        `mb-${id}-value`,
                        atField(`figures.${id}.value`),
                        readAs(e.value) !== null,
                      )}
                    />
                    <ReadAs t={t} text={e.value} id={`mb-${id}-value`} testId={`mb-read-${id}`} />
                    <FieldProblems
                      id={`mb-${id}-value`}
                      problems={atField(`figures.${id}.value`)}
                      lang={lang}
                    />
                  </td>
                  <td data-label={f.kind === 'fitted' ? t('mb_tolerance') : undefined}>
                    {f.kind === 'fitted' && (
                      <input
                        type="text"
                        inputMode="decimal"
                        autoComplete="off"
                        aria-label={`${label(id)} ${t('mb_tolerance')}`}
                        value={e.tolerance}
                        placeholder={tolHint}
                        onChange={(ev) => set(id, 'tolerance', ev.target.value)}
                        onBlur={settle}
                        data-testid={`mb-tolerance-${id}`}
                        disabled={!!progress}
                        {...described(
                          `mb-${id}-tolerance`,
                          atField(`figures.${id}.tolerance`),
                          readAs(e.tolerance) !== null,
                        )}
                      />
                    )}
                    {f.kind === 'fitted' && (
                      <>
                        <ReadAs
                          t={t}
                          text={e.tolerance}
                          id={`mb-${id}-tolerance`}
                          testId={`mb-read-tol-${id}`}
                        />
                        <FieldProblems
                          id={`mb-${id}-tolerance`}
                          problems={atField(`figures.${id}.tolerance`)}
                          lang={lang}
                        />
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {problemList(problems, 'error', 'mb-problems', t('mb_problems'))}
      {problemList(doubts, 'note', 'mb-cautions', t('mb_cautions'))}
      <div className="run-controls">
        <button
          type="button"
          onClick={run}
          disabled={!parsed.ok || !!progress || !base}
          aria-describedby={why && !progress ? 'mb-why' : undefined}
          data-testid="mb-calibrate"
        >
          {t('mb_calibrate')}
        </button>
        {why && !progress && (
          <span className="note" id="mb-why" data-testid="mb-why">
            {why}
          </span>
        )}
        {progress && (
          <>
            <button type="button" onClick={() => pool.current?.cancel()} data-testid="mb-cancel">
              {t('cancel')}
            </button>
            <span className="progress" data-testid="mb-progress" aria-live="polite">
              {t(progress.phase === 'check' ? 'mb_phase_check' : 'mb_phase_search')} · {progress.runs}{' '}
              {t('mb_runs')}
              <progress max={progress.plannedRuns} value={progress.runs} />
            </span>
          </>
        )}
      </div>
      {note && (
        <p className="note" data-testid="mb-note">
          {note}
        </p>
      )}
      {error && (
        <div className="error" role="alert" data-testid="mb-error">
          {t('mb_failed')}: {error}
        </div>
      )}
      {result && (
        <Result
          key={runCount}
          t={t}
          lang={lang}
          result={result.r}
          label={label}
          onSave={() =>
            onCalibrated({
              ...result.r.file,
              baseline: result.baseline,
              // Named in both languages by the page's labels (the command line's description keeps the ids).
              description: savedDescription(result.r, result.base, {
                en: namesIn('en'),
                zh: namesIn('zh'),
              }),
            })
          }
        />
      )}
    </section>
  );
}

/**
 * An input's accessible description: the number it was read as and its own problems, each shown
 * beside it (ids `<field>-read` and `<field>-problems`).
 */
function described(field: string, problems: Problem[], read: boolean) {
  const ids = [read && `${field}-read`, problems.length > 0 && `${field}-problems`].filter(Boolean);
  return {
    'aria-invalid': problems.length > 0 ? true : undefined,
    'aria-describedby': ids.length ? ids.join(' ') : undefined,
  } as const;
}

function FieldProblems({ id, problems, lang }: { id: string; problems: Problem[]; lang: Lang }) {
  if (!problems.length) return null;
  return (
    <small className="mb-field-problem" id={`${id}-problems`} data-testid={`${id}-problems`}>
      {problems.map((p) => p[lang]).join(' ')}
    </small>
  );
}

function ReadAs({
  t,
  text,
  id,
  testId,
}: {
  t: (k: Key) => string;
  text: string;
  id: string;
  testId: string;
}) {
  const v = readAs(text);
  return v === null ? null : (
    <small className="mb-read" id={`${id}-read`} data-testid={testId}>
      {t('mb_readAs')} {v.toLocaleString('en', { maximumFractionDigits: 10 })}
    </small>
  );
}

function Result({
  t,
  lang,
  result,
  label,
  onSave,
}: {
  t: (k: Key) => string;
  lang: Lang;
  result: CalibrationResult;
  label: (id: FigureId) => string;
  onSave: () => void;
}) {
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const savedNote = useRef<HTMLParagraphElement>(null);
  // The result takes focus when it arrives (its heading), and the note when the scenario is saved.
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (saved) savedNote.current?.focus();
  }, [saved]);
  const p = result.projection;
  const projected = p ? fill(t('mb_projected'), { from: p.from + 1, month: p.month }) : null;
  const later = (id: FigureId) => p?.figures.find((f) => f.id === id)?.simulated.mean ?? Number.NaN;
  const outcome = readOutcome(result, { figure: label, parameter: (id) => t(`mb_par_${id}` as Key) })[lang];
  return (
    <div data-testid="mb-result" data-converged={result.converged}>
      <h3 tabIndex={-1} ref={heading} data-testid="mb-result-heading">
        {t('mb_result')}
      </h3>
      <p className="mb-first-year" data-testid="mb-first-year">
        <strong>{FIRST_YEAR[lang]}</strong> {t('mb_firstYearMore')}
      </p>
      <div className="table-scroll">
        <table className="mb-cards" data-testid="mb-figures-result">
          <thead>
            <tr>
              <th>{t('mb_figure')}</th>
              <th>{t('mb_target')}</th>
              <th>{t('mb_simulated')}</th>
              <th />
              {projected && <th>{projected}</th>}
            </tr>
          </thead>
          <tbody>
            {result.figures.map((f) => (
              <tr
                key={f.id}
                data-result={f.id}
                data-target={f.target}
                data-tolerance={f.tolerance}
                data-mean={f.simulated.mean}
                data-within={f.within}
                className={f.within ? undefined : 'missed'}
              >
                <th scope="row">{label(f.id)}</th>
                <td data-label={t('mb_target')}>
                  {show(f.target)} ± {show(f.tolerance)} {unitOf(f.id, lang)}
                </td>
                <td data-label={t('mb_simulated')}>
                  {show(f.simulated.mean)} [{show(f.simulated.lo)}, {show(f.simulated.hi)}]
                </td>
                <td className="mb-verdict">{f.within ? `✓ ${t('mb_met')}` : `✗ ${t('mb_missed')}`}</td>
                {projected && (
                  <td data-label={projected} data-projected={later(f.id)} className="mb-projected">
                    {show(later(f.id))}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p data-testid="mb-outcome" className={result.conflict ? 'error' : 'note'}>
        {outcome}
      </p>
      <h3>{t('mb_parameters')}</h3>
      <div className="table-scroll">
        <table className="mb-cards" data-testid="mb-parameters-result">
          <thead>
            <tr>
              <th>{t('mb_parameter')}</th>
              <th>{t('mb_found')}</th>
              <th>{t('mb_rangeFound')}</th>
              <th>{t('mb_pinnedBy')}</th>
              <th>{t('mb_reading')}</th>
            </tr>
          </thead>
          <tbody>
            {result.parameters.map((p) => (
              <tr key={p.id} data-parameter={p.id} data-value={p.value} data-at-bound={p.atBound ?? ''}>
                <th scope="row">
                  {t(`mb_par_${p.id}` as Key)}
                  <details className="mb-fields">
                    <summary>{t('mb_fields')}</summary>
                    <code>{p.fields}</code>
                  </details>
                </th>
                <td data-label={t('mb_found')}>{show(p.value)}</td>
                <td data-label={t('mb_rangeFound')}>
                  {p.range ? `${show(p.range[0])}–${show(p.range[1])}` : '—'}
                </td>
                <td data-label={t('mb_pinnedBy')}>{p.pinnedBy ? label(p.pinnedBy) : '—'}</td>
                <td data-label={t('mb_reading')}>{readParameter(p)[lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        onClick={() => {
          onSave();
          setSaved(true);
        }}
        disabled={saved}
        data-testid="mb-save"
      >
        {t('mb_save')}
      </button>
      {saved && (
        <p className="note" data-testid="mb-saved" tabIndex={-1} ref={savedNote}>
          {t('mb_saved')}
        </p>
      )}
    </div>
  );
}
