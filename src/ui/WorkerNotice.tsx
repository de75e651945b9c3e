import { useEffect, useState } from 'react';
import { onWorkerLost, type WorkerLoss } from '../runner/pool.ts';
import type { Key } from './i18n.ts';

/** Tells the user that a worker died mid-run, was replaced, and what of the run was kept (or that a fit started again). */
export function WorkerNotice({ t }: { t: (k: Key) => string }) {
  const [loss, setLoss] = useState<WorkerLoss | null>(null);
  useEffect(() => onWorkerLost(setLoss), []);
  if (!loss) return null;
  return (
    <output
      className="note"
      data-testid="worker-notice"
      data-kind={loss.kind ?? 'simulation'}
      data-kept={loss.kept}
      data-lost={loss.lost}
    >
      {loss.kind === 'clv'
        ? t('worker_lostFit')
        : t('worker_lost').replace('{kept}', String(loss.kept)).replace('{total}', String(loss.total))}{' '}
      <button type="button" onClick={() => setLoss(null)}>
        {t('notice_dismiss')}
      </button>
    </output>
  );
}
