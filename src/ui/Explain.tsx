import { useState } from 'react';
import { useDocs } from './docsContext.ts';
import { EXPLAIN } from './explain.ts';
import type { Key, Lang } from './i18n.ts';

/** An ⓘ beside a number or chart: what it means, and the model's section on it. */
export function Explain({ id, lang, t }: { id: string; lang: Lang; t: (k: Key) => string }) {
  const [open, setOpen] = useState(false);
  const openDocs = useDocs();
  const e = EXPLAIN[id];
  if (!e) return null;
  return (
    <span className="explain">
      <button
        type="button"
        className="explain-button"
        aria-expanded={open}
        aria-label={t('explainLabel')}
        onClick={() => setOpen((o) => !o)}
        data-explain={id}
      >
        ⓘ
      </button>
      {open && (
        <span className="explain-text" role="note" data-testid={`explain-${id}`}>
          {e[lang]}{' '}
          <button type="button" className="link" onClick={() => openDocs(e.anchor)}>
            {t('explainMore')}
          </button>
        </span>
      )}
    </span>
  );
}
