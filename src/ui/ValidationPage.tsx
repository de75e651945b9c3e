import { useEffect, useRef, useState } from 'react';
import { RunCancelled, type RunProgress } from '../runner/pool.ts';
import { ValidationPool } from '../runner/validationPool.ts';
import { type FigureLines, figureLines } from '../validation/format.ts';
import { CHECKS, type Check, type CheckResult, KNOWN_DEPARTURES, rows } from '../validation/index.ts';
import { useDocs } from './docsContext.ts';
import type { Key, Lang } from './i18n.ts';
import { RunControls } from './RunControls.tsx';
import { useRunAnnouncer } from './uiContext.ts';

/** How many times each check's own number of replications to run. */
const MULTIPLIERS = [1, 2, 4] as const;

const STATUS_CLASS = { met: 'good', resolved: 'good', departure: 'neutral', notMet: 'bad' } as const;

/**
 * The validation table: each published effect size (docs/evidence.md §2), its range and source, and
 * the model's figure with its 95 % interval, run on demand in workers; a check the model does not
 * meet is shown as a known departure with its reason.
 */
export function ValidationPage({
  t,
  lang,
  checks = CHECKS,
}: {
  t: (k: Key) => string;
  lang: Lang;
  /** The checks to show and run (all of them in the app). */
  checks?: Check[];
}) {
  const [results, setResults] = useState<CheckResult[] | null>(null);
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [times, setTimes] = useState<number>(1);
  const pool = useRef<ValidationPool | null>(null);
  const announcer = useRunAnnouncer();

  useEffect(() => {
    pool.current = new ValidationPool();
    return () => pool.current?.terminate();
  }, []);

  const run = async () => {
    if (!pool.current) return;
    setMessage(null);
    try {
      setResults(
        await pool.current.run(
          checks,
          (c) => c.design.replications * times,
          (p) => {
            setProgress(p);
            announcer.progress(p.done, p.total);
          },
        ),
      );
      announcer.ready();
    } catch (e) {
      setMessage(e instanceof RunCancelled ? t('cancelled') : String(e instanceof Error ? e.message : e));
    } finally {
      setProgress(null);
    }
  };

  const openDocs = useDocs();
  const table = results ? rows(results, lang) : null;
  return (
    <section className="validation" data-testid="validation">
      <p className="note">
        {t('validationIntro')}{' '}
        <button
          type="button"
          className="link"
          onClick={() => openDocs('validation-against-published-effect-sizes')}
          data-testid="validation-docs"
        >
          {t('validationDocs')}
        </button>
      </p>
      <p>
        <label>
          {t('validationReps')}{' '}
          <select
            value={times}
            onChange={(e) => setTimes(Number(e.target.value))}
            disabled={progress !== null}
            data-testid="validation-reps"
          >
            {MULTIPLIERS.map((m) => (
              <option key={m} value={m}>
                ×{m}
              </option>
            ))}
          </select>
        </label>
      </p>
      <RunControls
        progress={progress}
        onRun={() => void run()}
        onCancel={() => pool.current?.cancel()}
        label={t('validationRun')}
        ids={{ run: 'validation-run', cancel: 'validation-cancel', progress: 'validation-progress' }}
      />
      {message && <output className="note">{message}</output>}
      <table className="kpis validation-table">
        <thead>
          <tr>
            <th>{t('validationCheck')}</th>
            <th>{t('validationPublished')}</th>
            <th>{t('validationAccepted')}</th>
            <th>{t('validationSource')}</th>
            <th>{t('validationModel')}</th>
            <th>{t('validationVerdict')}</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((c, j) => {
            const r = results?.[j];
            const row = table?.[j];
            const marked = KNOWN_DEPARTURES[c.id];
            return (
              <tr key={c.id} data-check={c.id} data-status={r?.status ?? ''}>
                <th scope="row">
                  {c.title[lang]}
                  <details>
                    {/* Sixteen summaries all read "Design" to a screen reader: each names its check. */}
                    <summary aria-label={`${t('validationDesign')}: ${c.title[lang]}`}>
                      {t('validationDesign')}
                    </summary>
                    <p className="note">
                      {c.design.text[lang]} ({c.design.people.toLocaleString()} {t('market')},{' '}
                      {c.design.months} {t('months')}, {c.design.replications * times} {t('replications')},{' '}
                      {t('seed')} “{c.design.seed}”)
                    </p>
                  </details>
                </th>
                <td data-label={t('validationPublished')}>{c.published[lang]}</td>
                <td data-label={t('validationAccepted')}>{c.accepted[lang]}</td>
                <td data-label={t('validationSource')}>{c.source[lang]}</td>
                <td data-label={t('validationModel')}>
                  <Figures
                    figures={
                      row?.figures ??
                      figureLines(
                        c.figures.map((f) => f.label[lang]),
                        c.figures.map(() => '—'),
                      )
                    }
                  />
                </td>
                <td
                  className={`check-verdict ${r ? STATUS_CLASS[r.status] : ''}`}
                  data-label={t('validationVerdict')}
                >
                  {row ? (
                    <>
                      <strong>{row.status}</strong>
                      {row.notes.map((n) => (
                        <p key={n} className="note">
                          {n}
                        </p>
                      ))}
                    </>
                  ) : (
                    marked && <p className="note">{`${t('validationMarked')} ${marked[lang]}`}</p>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** A check's figures: one line each, or the shared quantity once over a small world-by-value table. */
function Figures({ figures }: { figures: FigureLines }) {
  if (!figures.quantity)
    return figures.lines.map((l) => (
      <div key={l.label}>
        {l.label}: {l.value}
      </div>
    ));
  return (
    <>
      <div className="figure-quantity">{figures.quantity}</div>
      <table className="figure-lines">
        <tbody>
          {figures.lines.map((l) => (
            <tr key={l.label}>
              <th scope="row">{l.label}</th>
              <td>{l.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
