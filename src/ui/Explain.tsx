import { useState } from 'react';
import { useDocs } from './docsContext.ts';
import { EXPLAIN } from './explain.ts';
import type { Key, Lang } from './i18n.ts';

/**
 * An ⓘ beside a number or chart: what it means, and the model's section on it. `about` names what
 * it explains in its accessible name: a screen reader lists the page's buttons by name, and seven
 * "What does this mean?" in a row told them apart by nothing.
 */
export function Explain({
  id,
  about,
  lang,
  t,
}: {
  id: string;
  about: string;
  lang: Lang;
  t: (k: Key) => string;
}) {
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
        aria-label={`${t('explainLabel')} ${about}`}
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
