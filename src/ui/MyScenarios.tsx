import { useState } from 'react';
import type { Key, Lang } from './i18n.ts';
import { type SavedScenario, storage } from './storage.ts';

interface Props {
  mine: SavedScenario[];
  current: string;
  t: (k: Key) => string;
  lang: Lang;
  onOpen: (s: SavedScenario) => void;
  onChange: (list: SavedScenario[]) => void;
  onDuplicate: (s: SavedScenario) => void;
}

/** The user's own scenarios (kept in this browser): open, rename, duplicate, delete. */
export function MyScenarios({ mine, current, t, onOpen, onChange, onDuplicate }: Props) {
  const [renaming, setRenaming] = useState<string | null>(null);
  if (mine.length === 0) return null;
  return (
    <section className="mine" data-testid="my-scenarios">
      <strong>{t('myScenarios')}</strong>
      <ul>
        {mine.map((s) => (
          <li key={s.id} className={s.id === current ? 'current' : ''}>
            {renaming === s.id ? (
              <input
                defaultValue={s.file.name}
                aria-label={t('rename')}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') e.currentTarget.blur();
                }}
                onBlur={(e) => {
                  const name = e.target.value.trim() || s.file.name;
                  const updated = { ...s, file: { ...s.file, name }, updatedAt: Date.now() };
                  void storage.saveScenario(updated);
                  onChange(mine.map((x) => (x.id === s.id ? updated : x)));
                  if (s.id === current) onOpen(updated);
                  setRenaming(null);
                }}
              />
            ) : (
              <button type="button" className="link-button" onClick={() => onOpen(s)} data-testid="my-open">
                {s.file.name}
              </button>
            )}{' '}
            <button type="button" onClick={() => setRenaming(s.id)}>
              {t('rename')}
            </button>
            <button type="button" onClick={() => onDuplicate(s)}>
              {t('duplicate')}
            </button>
            <button
              type="button"
              onClick={() => {
                if (!window.confirm(`${t('deleteConfirm')} “${s.file.name}”?`)) return;
                void storage.deleteScenario(s.id);
                onChange(mine.filter((x) => x.id !== s.id));
              }}
            >
              {t('delete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
