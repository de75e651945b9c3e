/**
 * A comparison still running when its page went away (a reload, a closed tab): what was asked (the
 * scenarios as they were run, seed, replications) and each replication kept as it finished, so the
 * next page offers to finish it from there. Replication k always runs with (seed, k), so the figures
 * it ends with are those of a run that was never interrupted. A run whose every replication is kept
 * (the page went away while its results were being filed in the history) needs no offer: the next
 * Compare page files it itself (`fileIfWhole`).
 */
import { useEffect, useState } from 'react';
import type { RunResult, Scenario } from '../engine/index.ts';
import { type LocalText, textIn } from '../scenario/localText.ts';
import { fill, type Key, type Lang } from './i18n.ts';
import { type PastRun, saveRun } from './runHistory.ts';
import { storage } from './storage.ts';

export interface CompareSetup {
  /** Tells this run's kept replications from another's. */
  id: string;
  baseline: string;
  plans: string[];
  names: Record<string, LocalText>;
  /** As run: a scenario edited since still resumes as it was. */
  scenarios: Record<string, Scenario>;
  reps: number;
  seed: string;
}

export interface Unfinished {
  setup: CompareSetup;
  /** Each scenario's finished replications, by index. */
  finished: Record<string, (RunResult | undefined)[]>;
  /** Replications finished, all scenarios together. */
  kept: number;
}

const SETTING = 'compareUnfinished';
const partsKey = (setup: CompareSetup, id: string) => `compare:${setup.id}:${id}`;
const idsOf = (setup: CompareSetup) => [setup.baseline, ...setup.plans];

/** Every replication of every scenario kept: nothing is left to run. */
export const isWhole = (u: Unfinished): boolean => u.kept === u.setup.reps * idsOf(u.setup).length;

/**
 * A finished run as the history keeps it. Its id is the run's own, so filing it twice (once by the
 * page that ran it, once by a page that found it unfinished) replaces rather than repeats it.
 */
export const pastRunOf = (setup: CompareSetup, at: number): PastRun => ({
  id: setup.id,
  at,
  baseline: setup.baseline,
  plans: setup.plans,
  names: setup.names,
  reps: setup.reps,
  seed: setup.seed,
});

export const unfinishedCompare = {
  /** A run begins: noted before its first replication finishes. */
  start: (setup: CompareSetup) => storage.setSetting(SETTING, setup),
  /** One replication finished. */
  keep: (setup: CompareSetup, id: string, k: number, r: RunResult) =>
    storage.savePartialResult(partsKey(setup, id), k, r),
  /** The run ended here (finished, cancelled or failed): nothing is left to resume. */
  async end(setup: CompareSetup): Promise<void> {
    const noted = await storage.getSetting<CompareSetup>(SETTING);
    if (noted?.id === setup.id) await storage.setSetting(SETTING, null);
    await Promise.all(idsOf(setup).map((id) => storage.clearPartialResults(partsKey(setup, id))));
  },
  /** The run a page left unfinished, with what of it finished; null if there is none. */
  async load(): Promise<Unfinished | null> {
    const setup = await storage.getSetting<CompareSetup>(SETTING);
    if (!setup || typeof setup.id !== 'string' || !Array.isArray(setup.plans)) return null;
    const finished: Unfinished['finished'] = {};
    let kept = 0;
    for (const id of idsOf(setup)) {
      finished[id] = (await storage.getPartialResults(partsKey(setup, id))).slice(0, setup.reps);
      kept += finished[id].filter(Boolean).length;
    }
    return { setup, finished, kept };
  },
  /**
   * Files a run the last page finished but had not yet filed in the history, and lets it go; true if
   * there was one. A run with replications still to go is left for the offer below.
   */
  async fileIfWhole(): Promise<boolean> {
    const u = await unfinishedCompare.load();
    if (!u || !isWhole(u)) return false;
    await saveRun(pastRunOf(u.setup, Date.now()), u.finished as Record<string, RunResult[]>);
    await unfinishedCompare.end(u.setup);
    return true;
  },
};

/** On the Compare page: the run the last page left unfinished, to finish from where it stopped or let go. */
export function UnfinishedCompareOffer({
  t,
  lang,
  hidden,
  onResume,
}: {
  t: (k: Key) => string;
  lang: Lang;
  hidden: boolean;
  onResume: (u: Unfinished) => void;
}) {
  const [found, setFound] = useState<Unfinished | null>(null);
  useEffect(() => {
    let live = true;
    void unfinishedCompare.load().then((u) => {
      if (live && u && !isWhole(u)) setFound(u);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!found || hidden) return null;
  const { setup, kept } = found;
  const plans = setup.plans.map((id) => textIn(setup.names[id], lang) || id).join('; ') || '—';
  return (
    <output className="note" data-testid="compare-unfinished" data-kept={kept}>
      {fill(t('compare_unfinished'), {
        baseline: textIn(setup.names[setup.baseline], lang) || setup.baseline,
        plans,
        kept,
        total: setup.reps * (1 + setup.plans.length),
      })}{' '}
      <button
        type="button"
        data-testid="compare-resume"
        onClick={() => {
          setFound(null);
          onResume(found);
        }}
      >
        {t('compare_resume')}
      </button>{' '}
      <button
        type="button"
        data-testid="compare-discard"
        onClick={() => {
          setFound(null);
          void unfinishedCompare.end(setup);
        }}
      >
        {t('compare_discard')}
      </button>
    </output>
  );
}

/** Whether a page left a comparison unfinished (the app then opens on the Compare tab). */
export async function hasUnfinishedCompare(): Promise<boolean> {
  const setup = await storage.getSetting<CompareSetup | null>(SETTING);
  return Boolean(setup?.id);
}
