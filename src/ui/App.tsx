import {
  type KeyboardEvent,
  type MouseEvent,
  memo,
  startTransition,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { band, formatInterval, HEADLINE_KPIS, summarise } from '../analysis/summary.ts';
import { HEALTH_BANDS, type RunResult, type Scenario } from '../engine/index.ts';
import { type RunProgress, WorkerPool } from '../runner/pool.ts';
import type { Problem } from '../scenario/errors.ts';
import { parseScenarioObject } from '../scenario/importer.ts';
import {
  DEFAULT_SCENARIO_ID,
  LIBRARY,
  loadLibraryScenario,
  prepareLibraryScenario,
} from '../scenario/library.ts';
import { textIn, withSuffix } from '../scenario/localText.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import { decodeShareLink, FRAGMENT_KEY } from '../scenario/share.ts';
import { audienceFigures } from './audienceFigures.ts';
import { Chart } from './Chart.tsx';
import { DocsContext } from './docsContext.ts';
import { Explain } from './Explain.tsx';
import { fill, initialLang, type Key, type Lang, rememberLang, STRINGS, translator } from './i18n.ts';
import {
  CasesPage,
  ClvPage,
  ComparePage,
  DocsPanel,
  ExperimentsPage,
  LessonsPage,
  lazyPages,
  MyBusiness,
  PopulationView,
  prefetchWhenIdle,
  ValidationPage,
} from './lazyPages.tsx';
import { MyScenarios } from './MyScenarios.tsx';
import { runErrorLines } from './messages.ts';
import { keepForOffline } from './offline.ts';
import { type Opened, ProblemList, ScenarioBar } from './ScenarioBar.tsx';
import { ScenarioEditor } from './ScenarioEditor.tsx';
import { ChangedElsewhereNotice, StorageNotice } from './StorageNotice.tsx';
import { resultsKey, type SavedScenario, storage } from './storage.ts';
import { makeRunAnnouncer, UiContext } from './uiContext.ts';
import { hasUnfinishedCompare } from './unfinishedCompare.tsx';
import { WorkerNotice } from './WorkerNotice.tsx';

/**
 * Observable Plot and d3 are a third of the page's code and the first view draws nothing before its
 * first results: the charts load beside the first run instead of in the page's first task.
 */
/** The monthly metric of each health band. */
const HEALTH_METRIC = { good: 'healthGood', average: 'healthAverage', poor: 'healthPoor' } as const;

const timeSeries = import('./charts/timeSeries.ts');

const SEED = 1;
const REPLICATIONS = 8;
/**
 * A run starts in the task after the edit's render, with no pause for a next keystroke: every
 * millisecond here delays the first result, and a run made stale by the next edit is cancelled
 * within milliseconds (its workers stop between months), so starting one per edit costs little.
 */
const RUN_DELAY_MS = 0;
/** While replications stream in, the bands are redrawn at most this often (each redraw costs main-thread time). */
const REDRAW_EVERY_MS = 300;

/** Whether the address bar holds a share link. */
const hasLink = () => window.location.hash.includes(`${FRAGMENT_KEY}=`);

function libraryDefault(): Opened {
  const r = loadLibraryScenario(DEFAULT_SCENARIO_ID);
  if (!r.ok) throw new Error(`the bundled default scenario is invalid: ${r.problems[0]?.en}`);
  return { id: DEFAULT_SCENARIO_ID, file: r.file };
}

/**
 * The editor re-renders only when its own inputs change, not with each replication's progress and
 * results (a render of all its fields was most of the page's work while a what-if run streamed in).
 */
const Editor = memo(ScenarioEditor);

/** The pages, in the tab bar's order; a new page is one more id here and its panel below. */
const TABS = [
  'scenario',
  'compare',
  'population',
  'experiments',
  'lessons',
  'cases',
  'clv',
  'validation',
] as const;
type Tab = (typeof TABS)[number];
/** Pages whose run controls the skip link can reach (they mark them with id="run-controls"). */
const HAS_RUN_CONTROLS: ReadonlySet<Tab> = new Set([
  'scenario',
  'compare',
  'experiments',
  'lessons',
  'cases',
  'validation',
]);
const PRESENTATION_KEY = 'loyalty-lab.presentation';

const newId = () => `my/${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = useMemo(() => translator(lang), [lang]);
  const [tab, setTab] = useState<Tab>('scenario');
  const [opened, setOpened] = useState<Opened>(libraryDefault);
  const [mine, setMine] = useState<SavedScenario[]>([]);
  const [problems, setProblems] = useState<{ source: string; problems: Problem[] } | null>(null);
  const [editing, setEditing] = useState(false);
  const [scenario, setScenario] = useState<Scenario>(() => {
    const r = parseScenarioObject(opened.file);
    if (!r.ok) throw new Error('default scenario invalid');
    return r.scenario;
  });
  const [draftProblems, setDraftProblems] = useState<Problem[]>([]);
  const [results, setResults] = useState<RunResult[] | null>(null);
  /** False while the shown results are of the previous version of the scenario (greyed until new ones arrive). */
  const [freshRun, setFresh] = useState(false);
  /**
   * True while the shown results are the first replications of this version's run, the rest to
   * come: drawn as what they are (one replication has no band), not greyed.
   */
  const [partialRun, setPartial] = useState(false);
  /**
   * The scenario the results shown are of, set with them: results still on their way as the user
   * edits again (a transition not yet rendered) land after the edit, and are then the previous
   * version's, shown greyed as such.
   */
  const [shownFor, setShownFor] = useState<Scenario | null>(null);
  const fresh = freshRun && shownFor === scenario;
  const partial = partialRun && shownFor === scenario;
  /** The customers themselves beside the Scenario run (their own worker, so only when asked). */
  const [showPeople, setShowPeople] = useState(false);
  const [progress, setProgress] = useState<RunProgress>({ done: 0, total: REPLICATIONS, etaSeconds: null });
  const [error, setError] = useState<string | null>(null);
  const [runId, setRunId] = useState(0);
  /** Replications found finished from before a reload, and not run again. */
  const [resumed, setResumed] = useState(0);
  const validFile = useRef<ScenarioFile>(opened.file);
  const [docAnchor, setDocAnchor] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const ui = useMemo(() => ({ lang, t, announce: setAnnouncement }), [lang, t]);
  const tabRefs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const announcer = useRef(makeRunAnnouncer(t, setAnnouncement));
  announcer.current = useMemo(() => makeRunAnnouncer(t, setAnnouncement), [t]);
  const [presenting, setPresenting] = useState(() => {
    try {
      return localStorage.getItem(PRESENTATION_KEY) === '1';
    } catch {
      return false;
    }
  });
  useEffect(() => {
    document.documentElement.classList.toggle('presentation', presenting);
    try {
      localStorage.setItem(PRESENTATION_KEY, presenting ? '1' : '0');
    } catch {
      // not remembered; the mode still applies
    }
  }, [presenting]);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  /** Opens a file: validates it, runs it if valid, remembers it as the last one opened; true if valid. */
  const open = useCallback((o: Opened, edited = false) => {
    setOpened(o);
    // Another scenario's results are never shown under this one's name; an edit's previous results
    // stay, greyed, until the new ones arrive.
    if (!edited) setResults(null);
    const r = parseScenarioObject(o.file);
    setDraftProblems(r.ok ? [] : r.problems);
    if (r.ok) {
      validFile.current = r.file;
      setScenario(r.scenario);
      // In the same render as the new scenario: no frame shows the old results as if they were its,
      // nor the last run's progress (8 of 8) as this run's.
      setFresh(false);
      setPartial(false);
      setProgress({ done: 0, total: REPLICATIONS, etaSeconds: null });
    }
    void storage.setLastOpened(o.id);
    return r.ok;
  }, []);

  /**
   * Opens the share link in the address bar, or says what is wrong with it. At the start a lesson's
   * link opens on Lessons; later the tab stays as it is (another tab's run would go with it).
   */
  const openLink = useCallback(
    async (atStart: boolean): Promise<boolean> => {
      const r = await decodeShareLink(window.location.href);
      if (r.ok) {
        setProblems(null);
        open({ id: 'link', file: r.file });
        if (atStart && r.file.lesson) setTab('lessons');
      } else setProblems({ source: 'link', problems: r.problems });
      return r.ok;
    },
    [open],
  );

  // A link pasted into the address bar of a page already open changes only its hash.
  useEffect(() => {
    const onHash = () => {
      if (hasLink()) void openLink(false);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [openLink]);

  // On start: a share link wins; otherwise (or if the link cannot be opened, as its message says) the
  // user's last scenario, if it was one of theirs.
  useEffect(() => {
    void (async () => {
      const saved = await storage.listScenarios();
      setMine(saved);
      if (hasLink() && (await openLink(true))) return;
      // A comparison the last page left running is offered on its tab, to finish from where it stopped.
      if (await hasUnfinishedCompare()) setTab('compare');
      const last = await storage.getSetting<string>('lastOpened');
      const found = saved.find((s) => s.id === last);
      // A copy left with a value the engine refuses comes back in the editor, its problems shown:
      // otherwise the page would show the last valid scenario (the library's) with no word of it.
      if (found) {
        if (!open({ id: found.id, file: found.file })) setEditing(true);
      } else if (last && last !== DEFAULT_SCENARIO_ID && LIBRARY.some((e) => e.id === last)) {
        // A library scenario comes back too (a reload mid-run then goes on with its replications).
        const r = loadLibraryScenario(last);
        if (r.ok) open({ id: last, file: r.file });
      }
    })();
  }, [open, openLink]);

  /** An edit: a library or linked scenario becomes the user's own copy, saved as they type. */
  const edit = (file: ScenarioFile) => {
    let id = opened.id;
    if (!id.startsWith('my/')) {
      // The link has become the user's copy: a reload opens the copy (the last opened), not the link again.
      if (opened.id === 'link' && hasLink())
        window.history.replaceState(null, '', window.location.pathname + window.location.search);
      id = newId();
      // A name being typed is the user's: a suffix added under their caret scrambled it ("S — my copypring").
      if (file.name === opened.file.name)
        file = { ...file, name: withSuffix(file.name, { en: ' — my copy', zh: ' — 我的副本' }, lang) };
      // A copy of a library baseline is measured against it: the editor marks what differs.
      if (!file.baseline && opened.id.startsWith('baselines/')) file = { ...file, baseline: opened.id };
    }
    open({ id, file }, true);
    const record = { id, file, updatedAt: Date.now() };
    setMine((list) => [record, ...list.filter((s) => s.id !== id)]);
    void storage.saveScenario(record);
  };

  const editNow = useRef(edit);
  editNow.current = edit;
  const onEdit = useCallback((file: ScenarioFile) => editNow.current(file), []);

  /**
   * A new scenario of the user's, saved and opened (a duplicate, a fitted cohort, a calibrated
   * business, a tab's kept version).
   */
  const openAsNew = (file: ScenarioFile) => {
    const record = { id: newId(), file, updatedAt: Date.now() };
    setMine((list) => [record, ...list]);
    void storage.saveScenario(record);
    open({ id: record.id, file });
  };

  // Another tab or window saved one of the user's scenarios: the list shows its new version; if it
  // is the one open here, the user is told at once and chooses (no edit of theirs is written over it).
  const [elsewhere, setElsewhere] = useState<SavedScenario | null>(null);
  const openedId = useRef(opened.id);
  openedId.current = opened.id;
  useEffect(
    () =>
      storage.onChangedElsewhere((s) => {
        setMine((list) => [s, ...list.filter((x) => x.id !== s.id)]);
        if (s.id === openedId.current) setElsewhere(s);
        else storage.adopt(s);
      }),
    [],
  );

  /**
   * The Scenario tab's workers stay between runs, warm (a new worker's first replication runs at
   * about half speed while its code is compiled); they go when the page shows another tab and no
   * run is going on, so the other pages have the cores to themselves.
   */
  const scenarioPool = useRef<WorkerPool | null>(null);
  const running = useRef(false);
  const tabShown = useRef(tab);
  tabShown.current = tab;
  const releasePool = useCallback(() => {
    if (running.current || tabShown.current === 'scenario') return;
    scenarioPool.current?.terminate();
    scenarioPool.current = null;
  }, []);
  useEffect(() => {
    if (tab !== 'scenario') releasePool();
  }, [tab, releasePool]);
  useEffect(
    () => () => {
      scenarioPool.current?.terminate();
      scenarioPool.current = null;
    },
    [],
  );

  // Runs the valid scenario in the worker pool at once, or shows cached results of the very same
  // scenario, seed and replications. The first replication back is drawn at once, marked as one,
  // then the replications done so far, then all of them. An edit cancels the run at once: its
  // results, even those already on their way, are never shown as this version's.
  useEffect(() => {
    let live = true;
    const key = resultsKey(validFile.current, SEED, REPLICATIONS);
    setError(null);
    setResumed(0);
    // The previous results stay, greyed and without their figures' test ids, until new ones arrive.
    setFresh(false);
    setPartial(false);
    setProgress({ done: 0, total: REPLICATIONS, etaSeconds: null });
    // The results table and charts render as a transition, in slices of a few milliseconds, not as
    // one task that would hold up the page (and the workers' messages) as the results arrive.
    const showResults = (r: RunResult[]) =>
      startTransition(() => {
        setResults(r);
        setShownFor(scenario);
        setFresh(true);
        setPartial(false);
        announcer.current.ready();
      });
    const got: (RunResult | undefined)[] = [];
    let drawn = 0;
    let drawnAt = 0;
    let redraw: ReturnType<typeof setTimeout> | undefined;
    let stopWarmUp = () => {};
    /**
     * Draws the replications finished so far if more than are drawn: the first one at once, then at
     * most every REDRAW_EVERY_MS. Whichever replication finishes first is drawn first (the run's
     * replications are all equally valid draws); the page lists which are shown, in index order.
     */
    const showSoFar = () => {
      redraw = undefined;
      if (!live) return;
      const k = got.filter(Boolean).length;
      if (k <= drawn || k === REPLICATIONS) return;
      const wait = drawn === 0 ? 0 : drawnAt + REDRAW_EVERY_MS - performance.now();
      if (wait > 0) {
        redraw = setTimeout(showSoFar, wait);
        return;
      }
      // The first result is rendered at once (one replication's table and charts are a short
      // render); the later ones as a transition, which yields to the user's input.
      const first = drawn === 0;
      drawn = k;
      drawnAt = performance.now();
      const shown = got.filter((r): r is RunResult => r !== undefined);
      const show = () => {
        setResults(shown);
        setShownFor(scenario);
        setPartial(true);
      };
      if (first) show();
      else startTransition(show);
    };
    const timer = setTimeout(async () => {
      // Replications are kept as they finish: a reload mid-run goes on from those already done.
      const { whole: cached, parts: finished } =
        runId === 0 ? await storage.getRun(key) : { whole: undefined, parts: [] };
      void storage.noteRecentRun(key);
      if (!live) return;
      if (cached) {
        showResults(cached);
        return;
      }
      setResumed(finished.filter(Boolean).length);
      finished.forEach((r, k) => {
        got[k] = r;
      });
      showSoFar();
      scenarioPool.current ??= new WorkerPool();
      const pool = scenarioPool.current;
      running.current = true;
      try {
        const out = await pool.runMany(
          [{ key: 'run', scenario, seed: SEED, replications: REPLICATIONS, finished }],
          {
            cancellable: true,
            onProgress: (p) => {
              if (!live) return;
              setProgress(p);
              announcer.current.progress(p.done, p.total);
            },
            onResult: (_, k, r) => {
              if (!live) return;
              got[k] = r;
              showSoFar();
              void storage.savePartialResult(key, k, r);
            },
          },
        );
        if (!live) return;
        clearTimeout(redraw);
        showResults(out.run);
        // Its replications were saved as they came (any refused are saved now); a small header makes them whole.
        void storage.finishResults(key, out.run);
        // Once the page is idle, the workers compile the levers this run did not use (runner/warmUp.ts).
        stopWarmUp = prefetchWhenIdle([async () => pool.warmUp(scenario)], 2000);
      } catch (e) {
        if (live) setError(e instanceof Error ? e.message : String(e));
      } finally {
        if (live) {
          running.current = false;
          releasePool();
        }
      }
    }, RUN_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
      clearTimeout(redraw);
      stopWarmUp();
      running.current = false;
      scenarioPool.current?.cancel();
    };
  }, [scenario, runId, releasePool]);

  // Once the first results are in, keep the app for offline use, and load the other tabs and
  // validate the library while the page is idle, one step per idle period.
  const firstResults = results !== null;
  useEffect(() => {
    if (!firstResults) return;
    keepForOffline();
    return prefetchWhenIdle([
      ...Object.values(lazyPages),
      ...LIBRARY.map((e) => async () => prepareLibraryScenario(e.id)),
    ]);
  }, [firstResults]);

  const [plot, setPlot] = useState<Awaited<typeof timeSeries> | null>(null);
  useEffect(() => {
    let live = true;
    let cancel = () => {};
    // Plot's first chart costs several times the later ones: it is warmed up, unseen and in steps,
    // while the first run goes on, so the first results are not held up by it.
    void timeSeries.then((m) => {
      if (!live) return;
      cancel = prefetchWhenIdle(
        [
          ...m.warmUps.map((w) => async () => w()),
          async () => {
            if (live) setPlot(m);
          },
        ],
        1000,
      );
    });
    return () => {
      live = false;
      cancel();
    };
  }, []);
  const activeChart = useCallback(
    (width: number) =>
      plot!.timeSeriesChart(band(results ?? [], 'active'), {
        title: fill(t('chartByMonth'), { metric: t('activeCustomers') }),
        yLabel: t('people'),
        xLabel: t('monthAxis'),
        width: Math.min(width, 900),
        band: (results?.length ?? 0) > 1,
      }),
    [plot, results, t],
  );
  const npsChart = useCallback(
    (width: number) =>
      plot!.timeSeriesChart(band(results ?? [], 'nps'), {
        title: fill(t('chartByMonth'), { metric: t('nps') }),
        yLabel: t('npsAxis'),
        xLabel: t('monthAxis'),
        width: Math.min(width, 900),
        color: '#bc4b51',
        zero: true,
        band: (results?.length ?? 0) > 1,
      }),
    [plot, results, t],
  );

  const healthChart = useCallback(
    (width: number) =>
      plot!.healthSharesChart(
        HEALTH_BANDS.flatMap((b) =>
          band(results ?? [], HEALTH_METRIC[b]).map((d) => ({
            month: d.month,
            band: b,
            share: 100 * d.mean,
          })),
        ),
        {
          title: fill(t('chartByMonth'), { metric: t('healthShares') }),
          yLabel: t('healthSharesAxis'),
          xLabel: t('monthAxis'),
          width: Math.min(width, 900),
          labels: { good: t('popBand_good'), average: t('popBand_average'), poor: t('popBand_poor') },
        },
      ),
    [plot, results, t],
  );

  // What the editor marks changes against: the scenario's baseline, or the library scenario itself.
  const reference = useMemo(() => {
    const id = opened.file.baseline ?? (LIBRARY.some((e) => e.id === opened.id) ? opened.id : null);
    const r = id ? loadLibraryScenario(id) : null;
    return r?.ok ? { id, file: r.file } : null;
  }, [opened]);

  const audiences = useMemo(() => (fresh ? audienceFigures(results) : undefined), [fresh, results]);
  /** Over the first replications of a run still going: how many, and that the bands are to come. */
  const partialNote =
    partial && results
      ? results.length === 1
        ? t('whatif_oneReplication')
        : fill(t('whatif_someReplications'), { k: results.length, n: REPLICATIONS })
      : null;
  // An exported chart of a run still going says so, as the page does.
  const caption = [
    textIn(validFile.current.name, lang),
    results?.length === 1
      ? fill(t('chartCaptionOneRun'), { seed: SEED })
      : fill(t('chartCaptionRuns'), { reps: results?.length ?? REPLICATIONS, seed: SEED }),
    ...(partialNote ? [partialNote] : []),
  ];
  /** Which results are shown: this version's, all or the first few, or the previous version's. */
  const shownAs = fresh ? '' : partial ? '-partial' : '-stale';

  /** WAI-ARIA tabs: arrows move to the previous or next page (wrapping), Home and End to the ends. */
  const onTabKey = (e: KeyboardEvent, k: Tab) => {
    const at = TABS.indexOf(k);
    const next =
      e.key === 'ArrowRight'
        ? TABS[(at + 1) % TABS.length]
        : e.key === 'ArrowLeft'
          ? TABS[(at - 1 + TABS.length) % TABS.length]
          : e.key === 'Home'
            ? TABS[0]
            : e.key === 'End'
              ? TABS[TABS.length - 1]
              : null;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  /** The skip link: to the run button of the page shown (or the first control there). */
  const skipToRun = (e: MouseEvent) => {
    e.preventDefault();
    const box = document.getElementById(HAS_RUN_CONTROLS.has(tab) ? 'run-controls' : `panel-${tab}`);
    const target =
      box?.querySelector<HTMLElement>('[data-run]:not(:disabled)') ??
      box?.querySelector<HTMLElement>('button:not(:disabled), input:not(:disabled), select') ??
      box;
    if (target && !target.matches('button, input, select, a') && !target.hasAttribute('tabindex'))
      target.setAttribute('tabindex', '-1');
    target?.focus();
  };

  const toggle = () => {
    const next = lang === 'en' ? 'zh' : 'en';
    rememberLang(next);
    setLang(next);
  };

  return (
    <UiContext.Provider value={ui}>
      <DocsContext.Provider value={setDocAnchor}>
        <a
          className="skip-link"
          href={HAS_RUN_CONTROLS.has(tab) ? '#run-controls' : `#panel-${tab}`}
          onClick={skipToRun}
          data-testid="skip-to-run"
        >
          {t('skipToRun')}
        </a>
        <output aria-live="polite" className="visually-hidden" data-testid="live">
          {announcement}
        </output>
        <main>
          <header>
            <div>
              <h1>{t('title')}</h1>
              <p className="subtitle">{t('subtitle')}</p>
            </div>
            <div className="header-buttons">
              <button
                type="button"
                onClick={() => setPresenting((p) => !p)}
                aria-pressed={presenting}
                data-testid="presentation"
              >
                {presenting ? t('presentationOff') : t('presentationOn')}
              </button>{' '}
              <button type="button" onClick={() => setDocAnchor('the-causal-chain')} data-testid="open-docs">
                {t('docsTitle')}
              </button>{' '}
              <button type="button" onClick={toggle} data-testid="lang">
                {t('language')}
              </button>
            </div>
          </header>
          <StorageNotice t={t} lang={lang} file={opened.file} />
          {elsewhere && elsewhere.id === opened.id && (
            <ChangedElsewhereNotice
              t={t}
              onReload={() => {
                storage.adopt(elsewhere);
                setElsewhere(null);
                open({ id: elsewhere.id, file: elsewhere.file });
              }}
              onKeepCopy={() => {
                storage.adopt(elsewhere);
                setElsewhere(null);
                openAsNew({
                  ...opened.file,
                  name: withSuffix(
                    opened.file.name,
                    { en: ` (${STRINGS.en.elsewhere_copyName})`, zh: ` (${STRINGS.zh.elsewhere_copyName})` },
                    lang,
                  ),
                });
              }}
            />
          )}
          <WorkerNotice t={t} />
          {docAnchor && <DocsPanel anchor={docAnchor} onClose={() => setDocAnchor(null)} t={t} />}
          <div className="tabs" role="tablist" aria-label={t('tabsLabel')}>
            {TABS.map((k) => (
              <button
                type="button"
                role="tab"
                key={k}
                id={`tab-${k}`}
                ref={(b) => {
                  tabRefs.current[k] = b;
                }}
                aria-selected={tab === k}
                aria-controls={tab === k ? `panel-${k}` : undefined}
                tabIndex={tab === k ? 0 : -1}
                className={tab === k ? 'active' : ''}
                onClick={() => setTab(k)}
                onKeyDown={(e) => onTabKey(e, k)}
                data-testid={`tab-${k}`}
              >
                {t(`tab_${k}`)}
              </button>
            ))}
          </div>
          {tab !== 'scenario' && (
            <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="panel">
              {tab === 'compare' && (
                <ComparePage
                  t={t}
                  lang={lang}
                  current={{ id: opened.id, name: validFile.current.name, scenario }}
                  mine={mine}
                />
              )}
              {tab === 'population' && <PopulationView t={t} scenario={scenario} seed={SEED} />}
              {tab === 'experiments' && (
                <ExperimentsPage
                  t={t}
                  lang={lang}
                  file={validFile.current}
                  size={{ people: scenario.population.marketSize, months: scenario.horizonMonths }}
                  onChange={edit}
                />
              )}
              {tab === 'lessons' && (
                <LessonsPage
                  t={t}
                  lang={lang}
                  current={{ id: opened.id, file: validFile.current }}
                  presenting={presenting}
                />
              )}
              {tab === 'clv' && (
                <ClvPage
                  t={t}
                  onScenario={(file) => {
                    openAsNew(file);
                    setTab('scenario');
                  }}
                />
              )}
              {tab === 'cases' && (
                <CasesPage
                  t={t}
                  lang={lang}
                  onOpen={(id, file) => {
                    open({ id, file });
                    setTab('scenario');
                  }}
                />
              )}
              {tab === 'validation' && <ValidationPage t={t} lang={lang} />}
            </div>
          )}
          <div
            role="tabpanel"
            id="panel-scenario"
            aria-labelledby="tab-scenario"
            className="panel"
            hidden={tab !== 'scenario'}
          >
            <ScenarioBar
              current={opened}
              lang={lang}
              t={t}
              onOpen={(o) => {
                setProblems(null);
                open(o);
              }}
              onProblems={(source, list) => setProblems({ source, problems: list })}
            />
            <MyScenarios
              mine={mine}
              current={opened.id}
              t={t}
              lang={lang}
              onOpen={(s) => open({ id: s.id, file: s.file })}
              onChange={(list) => setMine(list)}
              onDuplicate={(s) =>
                openAsNew({ ...s.file, name: withSuffix(s.file.name, { en: ' (2)', zh: ' (2)' }, lang) })
              }
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
              <strong>{t('scenario')}:</strong> {textIn(validFile.current.name, lang)} ·{' '}
              {scenario.population.marketSize.toLocaleString()} {t('market')} · {scenario.horizonMonths}{' '}
              {t('months')} · {REPLICATIONS} {t('replications')} · {t('seed')} {SEED}
            </section>
            <button
              type="button"
              className="edit-levers"
              onClick={() => setEditing((e) => !e)}
              data-testid="edit"
            >
              {editing ? t('closeEditor') : t('editLevers')}
            </button>
            <MyBusiness t={t} lang={lang} current={opened} onCalibrated={openAsNew} />
            {/* On a wide screen the editor and the results sit side by side. */}
            <div className={editing ? 'workbench editing' : 'workbench'}>
              {editing && (
                <Editor
                  file={opened.file}
                  reference={reference?.file}
                  lang={lang}
                  t={t}
                  onChange={onEdit}
                  problems={draftProblems}
                  audiences={audiences}
                />
              )}
              <div className="workbench-outputs">
                {error && (
                  <div className="error" role="alert" data-testid="run-error">
                    {t('error')}:
                    <ul>
                      {runErrorLines(error, lang).map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  </div>
                )}
                {resumed > 0 && (
                  <p className="note" data-testid="resumed" data-kept={resumed}>
                    {fill(t('run_resumed'), { kept: resumed, total: REPLICATIONS })}
                  </p>
                )}
                {!fresh && !error && (
                  <div className="progress" data-testid="progress">
                    {t('running')} {progress.done}/{progress.total}
                    <progress max={progress.total} value={progress.done} />
                  </div>
                )}
                <div id={tab === 'scenario' ? 'run-controls' : undefined} className="run-controls">
                  <button
                    type="button"
                    onClick={() => {
                      setFresh(false);
                      setRunId((k) => k + 1);
                    }}
                    data-run
                    data-testid="rerun"
                  >
                    {t('rerun')}
                  </button>
                  <button
                    type="button"
                    aria-pressed={showPeople}
                    onClick={() => setShowPeople((v) => !v)}
                    data-testid="show-people"
                  >
                    {showPeople ? t('hidePeople') : t('showPeople')}
                  </button>
                </div>
                <div className={showPeople && tab === 'scenario' ? 'with-people' : undefined}>
                  {/* Charts are drawn only while their tab shows: drawing hidden charts would take main-thread
            time from a comparison running on another tab. Until new results arrive, the previous
            ones are greyed and carry no figures' test ids (a reader of the page waits for fresh ones). */}
                  {results && tab === 'scenario' && (
                    <div
                      className={fresh ? 'results' : partial ? 'results partial' : 'results stale'}
                      aria-busy={!fresh}
                      data-testid={fresh ? 'results' : partial ? 'partial-results' : 'stale-results'}
                      data-replications={fresh || partial ? results.length : undefined}
                      data-shown={partial ? results.map((r) => r.replication).join(' ') : undefined}
                    >
                      {!fresh && !partial && <p className="note stale-note">{t('staleResults')}</p>}
                      {partialNote && (
                        <p className="note partial-note" data-testid="partial-note">
                          {partialNote}
                        </p>
                      )}
                      {plot && (
                        <section className="charts">
                          <Chart
                            build={activeChart}
                            testId={`chart-active${shownAs}`}
                            name="scenario-active-customers"
                            caption={caption}
                          />
                          <Chart
                            build={npsChart}
                            testId={`chart-nps${shownAs}`}
                            name="scenario-nps"
                            caption={caption}
                          />
                          <div>
                            <Chart
                              build={healthChart}
                              testId={fresh ? 'chart-health' : 'chart-health-stale'}
                              name="scenario-customer-health"
                              caption={caption}
                            />
                            <p className="note">
                              {t('healthSharesNote')}{' '}
                              <Explain id="health" about={t('m_healthPoor')} lang={lang} t={t} />
                            </p>
                          </div>
                        </section>
                      )}
                      <p className="note">{t('bandNote')}</p>
                      <section>
                        <h2>{t('kpis')}</h2>
                        <table className="kpis" data-testid="kpis">
                          <tbody>
                            {summarise(results, HEADLINE_KPIS).map(({ kpi, interval }) => (
                              <tr
                                key={kpi.id}
                                data-kpi={fresh ? kpi.id : undefined}
                                data-mean={fresh ? String(interval.mean) : undefined}
                                data-partial-kpi={partial ? kpi.id : undefined}
                                data-partial-mean={partial ? String(interval.mean) : undefined}
                              >
                                <th>
                                  {t(`kpi_${kpi.id}` as Key)}{' '}
                                  <Explain id={kpi.id} about={t(`kpi_${kpi.id}` as Key)} lang={lang} t={t} />
                                </th>
                                <td>{formatInterval(interval, kpi.unit)}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </section>
                    </div>
                  )}
                  {showPeople && tab === 'scenario' && (
                    <aside className="scenario-people" data-testid="scenario-people">
                      <PopulationView t={t} scenario={scenario} seed={SEED} />
                    </aside>
                  )}
                </div>
              </div>
            </div>
          </div>
        </main>
      </DocsContext.Provider>
    </UiContext.Provider>
  );
}
