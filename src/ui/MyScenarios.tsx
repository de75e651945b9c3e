import { useState } from 'react';
import { textIn } from '../scenario/localText.ts';
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
export function MyScenarios({ mine, current, t, lang, onOpen, onChange, onDuplicate }: Props) {
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
                defaultValue={textIn(s.file.name, lang)}
                aria-label={t('rename')}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') e.currentTarget.blur();
                }}
                onBlur={(e) => {
                  // A name left as it was keeps both languages; a new one is the user's own text.
                  const typed = e.target.value.trim();
                  const name = !typed || typed === textIn(s.file.name, lang) ? s.file.name : typed;
                  const updated = { ...s, file: { ...s.file, name }, updatedAt: Date.now() };
                  void storage.saveScenario(updated);
                  onChange(mine.map((x) => (x.id === s.id ? updated : x)));
                  if (s.id === current) onOpen(updated);
                  setRenaming(null);
                }}
              />
            ) : (
              <button type="button" className="link-button" onClick={() => onOpen(s)} data-testid="my-open">
                {textIn(s.file.name, lang)}
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
                if (!window.confirm(`${t('deleteConfirm')} “${textIn(s.file.name, lang)}”?`)) return;
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
