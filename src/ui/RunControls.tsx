import { useRef } from 'react';
import type { RunProgress } from '../runner/pool.ts';
import { fill } from './i18n.ts';
import { useKeepFocus, useUi } from './uiContext.ts';

/**
 * A page's run controls, the skip link's target: the Run button, or while a run goes on its
 * progress (done/total, time left) and Cancel. Focus follows from one button to the other.
 */
export function RunControls({
  progress,
  onRun,
  onCancel,
  label,
  disabled = false,
  ids,
  anchor = true,
}: {
  progress: RunProgress | null;
  onRun: () => void;
  onCancel: () => void;
  label: string;
  disabled?: boolean;
  /** Test ids of the run button, the cancel button and the progress bar. */
  ids: { run: string; cancel?: string; progress?: string };
  /** Whether these are the page's main controls, the skip link's target (one per page: it is an id). */
  anchor?: boolean;
}) {
  const { t } = useUi();
  const run = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useKeepFocus(progress !== null, run, cancel);
  return (
    <div id={anchor ? 'run-controls' : undefined} className="run-controls">
      {progress ? (
        <>
          <progress
            max={progress.total}
            value={progress.done}
            data-testid={ids.progress}
            aria-label={t('running')}
          />
          <span>
            {progress.done}/{progress.total}
            {progress.etaSeconds !== null &&
              ` · ${fill(t('timeLeft'), { seconds: Math.ceil(progress.etaSeconds) })}`}
          </span>
          <button type="button" ref={cancel} onClick={onCancel} data-testid={ids.cancel}>
            {t('cancel')}
          </button>
        </>
      ) : (
        <button type="button" ref={run} onClick={onRun} disabled={disabled} data-run data-testid={ids.run}>
          {label}
        </button>
      )}
    </div>
  );
}
