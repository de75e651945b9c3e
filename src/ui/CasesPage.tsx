import { useEffect, useMemo, useRef, useState } from 'react';
import { RunCancelled, type RunProgress, WorkerPool } from '../runner/pool.ts';
import { type CheckOutcome, evaluateCheck } from '../scenario/cases.ts';
import { LIBRARY, loadLibraryScenario } from '../scenario/library.ts';
import { type ScenarioFile, toEngine } from '../scenario/schema.ts';
import type { Key, Lang } from './i18n.ts';
import { runErrorLines } from './messages.ts';
import { RunControls } from './RunControls.tsx';
import { useRunAnnouncer } from './uiContext.ts';

/** Replications and seed of the gallery: the same as the library's tests, so the figures agree. */
const REPS = 6;
const SEED = 'case';

interface CaseEntry {
  id: string;
  file: ScenarioFile;
  baseline: ScenarioFile | null;
}

function cases(): CaseEntry[] {
  return LIBRARY.filter((e) => e.id.startsWith('cases/')).flatMap((e) => {
    const r = loadLibraryScenario(e.id);
    if (!r.ok || !r.file.case) return [];
    const b = r.file.baseline ? loadLibraryScenario(r.file.baseline) : null;
    return [{ id: e.id, file: r.file, baseline: b?.ok ? b.file : null }];
  });
}

/** The seed cases: each firm's story, what it did, the reported figure and the simulated one. */
export function CasesPage({
  t,
  lang,
  onOpen,
}: {
  t: (k: Key) => string;
  lang: Lang;
  onOpen: (id: string, file: ScenarioFile) => void;
}) {
  const list = useMemo(cases, []);
  const [outcomes, setOutcomes] = useState<Record<string, CheckOutcome[]>>({});
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const pool = useRef<WorkerPool | null>(null);
  const announcer = useRunAnnouncer();

  useEffect(() => {
    pool.current = new WorkerPool();
    return () => pool.current?.terminate();
  }, []);

  const runAll = async () => {
    if (!pool.current) return;
    setMessage(null);
    const jobs = list.flatMap((c) => [
      { key: `${c.id}:plan`, scenario: toEngine(c.file), seed: SEED, replications: REPS },
      ...(c.baseline
        ? [{ key: `${c.id}:base`, scenario: toEngine(c.baseline), seed: SEED, replications: REPS }]
        : []),
    ]);
    try {
      const results = await pool.current.runMany(jobs, {
        onProgress: (p) => {
          setProgress(p);
          announcer.progress(p.done, p.total);
        },
      });
      setOutcomes(
        Object.fromEntries(
          list.map((c) => [
            c.id,
            c.file.case!.checks.map((check) =>
              evaluateCheck(check, results[`${c.id}:plan`], results[`${c.id}:base`] ?? null),
            ),
          ]),
        ),
      );
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

  const show = (x: number, kind: string) =>
    kind === 'vsBaseline' || kind === 'ratio'
      ? `${x >= 0 ? '+' : ''}${(100 * x).toFixed(0)}\u00a0%`
      : `${(100 * x).toFixed(0)}\u00a0%`;

  return (
    <section className="cases" data-testid="cases">
      <p className="note">{t('casesIntro')}</p>
      <RunControls
        progress={progress}
        onRun={() => void runAll()}
        onCancel={() => pool.current?.cancel()}
        label={`${t('casesRun')} (${REPS} ${t('replications')})`}
        ids={{ run: 'run-cases' }}
      />
      {message && <output className="note">{message}</output>}
      <div className="case-grid">
        {list.map((c) => {
          const info = c.file.case!;
          const got = outcomes[c.id];
          return (
            <article key={c.id} className="case-card" data-case={c.id}>
              <h2 className="case-title">
                {info.firm[lang]} · <small>{info.industry[lang]}</small>
              </h2>
              <p>{info.story[lang]}</p>
              <p>
                <strong>{t('caseDid')}</strong> {info.whatTheyDid[lang]}
              </p>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: on a phone the table scrolls sideways, and a scroll container must be reachable by keyboard (axe: scrollable-region-focusable) */}
              <table className="kpis" tabIndex={0} aria-label={info.firm[lang]}>
                <thead>
                  <tr>
                    <th>
                      <span className="visually-hidden">{t('kpi')}</span>
                    </th>
                    <th>{t('caseReported')}</th>
                    <th>{t('caseSimulated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {info.checks.map((check, k) => {
                    const o = got?.[k];
                    return (
                      <tr
                        key={check.label.en}
                        data-check={k}
                        data-simulated={o ? String(o.simulated.mean) : ''}
                      >
                        <th>{check.label[lang]}</th>
                        <td>{show(check.target, check.kind)}</td>
                        <td
                          className={o ? (o.reproduced ? 'good' : check.departure ? 'departure' : 'bad') : ''}
                        >
                          {o
                            ? `${show(o.simulated.mean, check.kind)} [${show(o.simulated.lo, check.kind)}, ${show(o.simulated.hi, check.kind)}]`
                            : '—'}
                          {check.departure && <p className="note departure">{check.departure[lang]}</p>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <p className="note">{info.reported[lang]}</p>
              <button type="button" onClick={() => onOpen(c.id, c.file)} data-testid={`open-${c.id}`}>
                {t('caseOpen')}
              </button>
            </article>
          );
        })}
      </div>
    </section>
  );
}
