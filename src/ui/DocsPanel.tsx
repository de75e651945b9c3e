import { Marked } from 'marked';
import { useEffect, useMemo, useRef } from 'react';
import modelDoc from '../../docs/model.md?raw';
import { slugify } from '../teaching/anchors.ts';
import type { Key } from './i18n.ts';

/** docs/model.md as HTML, headings carrying the same anchors as on GitHub. Our own text, bundled. */
function renderModelDoc(): string {
  const marked = new Marked({
    renderer: {
      heading({ tokens, depth, text }) {
        return `<h${depth} id="${slugify(text)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
    },
  });
  return marked.parse(modelDoc, { async: false });
}

let rendered: string | null = null;

/** The model documentation in a dialog, scrolled to the asked section. */
export function DocsPanel({
  anchor,
  onClose,
  t,
}: {
  anchor: string;
  onClose: () => void;
  t: (k: Key) => string;
}) {
  const html = useMemo(() => (rendered ??= renderModelDoc()), []);
  const dialog = useRef<HTMLDialogElement>(null);
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    const target = body.current?.querySelector(`[id="${CSS.escape(anchor)}"]`);
    target?.scrollIntoView({ block: 'start' });
    target?.classList.add('highlight');
  }, [anchor]);
  return (
    <dialog ref={dialog} className="docs" onClose={onClose} data-testid="docs" data-anchor={anchor}>
      <div className="docs-bar">
        <strong>{t('docsTitle')}</strong>
        <button type="button" onClick={() => dialog.current?.close()} data-testid="docs-close">
          {t('close')}
        </button>
      </div>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the app's own bundled documentation */}
      <div ref={body} className="docs-body" dangerouslySetInnerHTML={{ __html: html }} />
    </dialog>
  );
}
