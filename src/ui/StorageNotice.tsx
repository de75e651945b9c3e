import { useSyncExternalStore } from 'react';
import type { ScenarioFile } from '../scenario/schema.ts';
import { downloadScenario } from './download.ts';
import type { Key, Lang } from './i18n.ts';
import { storage, storageFaults } from './storage.ts';

/**
 * Tells the user, in their language, that the browser's storage failed and what became of their work,
 * and offers to save the current scenario as a file (the one way to keep it when storage is gone).
 */
export function StorageNotice({ t, lang, file }: { t: (k: Key) => string; lang: Lang; file: ScenarioFile }) {
  const faults = useSyncExternalStore(storageFaults.subscribe, storageFaults.current);
  if (faults.length === 0) return null;
  return (
    <output className="error storage-notice" data-testid="storage-notice" data-faults={faults.join(' ')}>
      {faults.map((f) => (
        <p key={f} data-fault={f}>
          {t(`storage_${f}`)}
        </p>
      ))}
      {faults.includes('changedElsewhere') && (
        <>
          <button
            type="button"
            data-testid="storage-keep-mine"
            onClick={() => void storage.keepMine().then(storageFaults.dismiss)}
          >
            {t('storage_keepMine')}
          </button>{' '}
          <button type="button" data-testid="storage-reload" onClick={() => window.location.reload()}>
            {t('storage_reload')}
          </button>{' '}
        </>
      )}
      <button type="button" onClick={() => downloadScenario(file, lang)} data-testid="storage-save-file">
        {t('storage_saveFile')}
      </button>{' '}
      <button type="button" onClick={storageFaults.dismiss} data-testid="storage-dismiss">
        {t('notice_dismiss')}
      </button>
    </output>
  );
}

/**
 * Another tab or window has just saved the scenario this tab shows: the user reloads that version
 * here, or keeps what this tab shows as a copy of its own (neither version is written over).
 */
export function ChangedElsewhereNotice({
  t,
  onReload,
  onKeepCopy,
}: {
  t: (k: Key) => string;
  onReload: () => void;
  onKeepCopy: () => void;
}) {
  return (
    <output className="note storage-notice" data-testid="elsewhere-notice">
      <p>{t('elsewhere_changed')}</p>
      <button type="button" onClick={onReload} data-testid="elsewhere-reload">
        {t('elsewhere_reload')}
      </button>{' '}
      <button type="button" onClick={onKeepCopy} data-testid="elsewhere-keep-copy">
        {t('elsewhere_keepCopy')}
      </button>
    </output>
  );
}
