import { createContext, type RefObject, useContext, useEffect, useMemo, useRef } from 'react';
import { fill, type Key, type Lang, translator } from './i18n.ts';

/**
 * What every part of the page may need without threading it through props: the language, and the
 * page's one polite live region (progress and "results ready" for screen readers).
 */
export interface Ui {
  lang: Lang;
  t: (k: Key) => string;
  /** Says a short message in the live region (replacing the last one). */
  announce: (message: string) => void;
}

export const UiContext = createContext<Ui>({ lang: 'en', t: translator('en'), announce: () => {} });
export const useUi = () => useContext(UiContext);

export interface RunAnnouncer {
  progress: (done: number, total: number) => void;
  ready: () => void;
}

/** Announces a run's progress at each quarter (not every replication: that would drown a reader) and its end. */
export function makeRunAnnouncer(t: (k: Key) => string, announce: (m: string) => void): RunAnnouncer {
  let quarter = -1;
  return {
    progress(done, total) {
      const q = Math.floor((4 * done) / Math.max(1, total));
      if (q === quarter || done >= total) return;
      quarter = q;
      announce(fill(t('announceProgress'), { done, total }));
    },
    ready() {
      quarter = -1;
      announce(t('announceReady'));
    },
  };
}

export function useRunAnnouncer(): RunAnnouncer {
  const { t, announce } = useUi();
  return useMemo(() => makeRunAnnouncer(t, announce), [t, announce]);
}

/**
 * Run and Cancel replace each other on screen; the one that had focus disappears with it. When a run
 * starts or ends and focus has fallen to the page's body, it goes to the button now shown.
 */
export function useKeepFocus(
  running: boolean,
  run: RefObject<HTMLElement | null>,
  cancel: RefObject<HTMLElement | null>,
): void {
  const before = useRef(running);
  useEffect(() => {
    if (before.current === running) return;
    before.current = running;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost) (running ? cancel : run).current?.focus();
  }, [running, run, cancel]);
}
