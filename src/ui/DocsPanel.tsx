import { Marked } from 'marked';
import { useEffect, useMemo, useRef } from 'react';
import modelDoc from '../../docs/model.md?raw';
import { slugify } from '../teaching/anchors.ts';
import { readFlowchart } from '../teaching/flowchart.ts';
import type { Key } from './i18n.ts';
import { useUi } from './uiContext.ts';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * docs/model.md as HTML, headings carrying the same anchors as on GitHub. Our own text, bundled.
 * Its Mermaid chart, which GitHub draws, is shown as the list of what drives what (flowchart.ts).
 */
function renderModelDoc(): string {
  const marked = new Marked({
    renderer: {
      heading({ tokens, depth, text }) {
        return `<h${depth} id="${slugify(text)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      code({ text, lang }) {
        if (lang !== 'mermaid') return false;
        const items = readFlowchart(text).map(
          (l) =>
            `<li><strong>${escapeHtml(l.effect)}</strong> ← ${l.causes.map(escapeHtml).join(' · ')}</li>`,
        );
        return `<ul class="causal-chain" data-testid="causal-chain">${items.join('')}</ul>\n`;
      },
    },
  });
  return focusableTables(marked.parse(modelDoc, { async: false }));
}

/**
 * Each table made a labelled tab stop: on a phone the wide ones scroll sideways, and a scroll
 * container must be reachable by keyboard and named (axe: scrollable-region-focusable), as on the
 * Cases tab. The name is its section's heading, numbered when a section has more than one table.
 */
export function focusableTables(html: string): string {
  let section = '';
  let count = 0;
  return html.replace(/<h[1-6] id="[^"]*">([\s\S]*?)<\/h[1-6]>|<table>/g, (m, heading?: string) => {
    if (heading !== undefined) {
      section = heading.replace(/<[^>]*>/g, '').trim();
      count = 0;
      return m;
    }
    count += 1;
    const name = count > 1 ? `${section} (${count})` : section;
    return `<table tabindex="0" aria-label="${name.replace(/"/g, '&quot;')}">`;
  });
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
  const { lang } = useUi();
  const html = useMemo(() => (rendered ??= renderModelDoc()), []);
  const dialog = useRef<HTMLDialogElement>(null);
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    const target = body.current?.querySelector(`[id="${CSS.escape(anchor)}"]`);
    if (d && target) {
      const top =
        d.querySelector('.docs-bar')?.getBoundingClientRect().bottom ?? d.getBoundingClientRect().top;
      // The bar stays on top of the dialog's scrolling text: the section's heading goes just under
      // it, not to the dialog's edge, where the bar would hide it and the first line seen would be
      // the section's middle.
      d.scrollTop += target.getBoundingClientRect().top - top - 8;
      target.classList.add('highlight');
    }
  }, [anchor]);
  return (
    <dialog ref={dialog} className="docs" onClose={onClose} data-testid="docs" data-anchor={anchor}>
      <div className="docs-bar">
        <div>
          <strong>{t('docsTitle')}</strong>
          {/* In the bar, so it is seen wherever the reference opens (it opens at a section). */}
          {lang === 'zh' && (
            <p className="note docs-language" data-testid="docs-language">
              {t('docsEnglishOnly')}
            </p>
          )}
        </div>
        <button type="button" onClick={() => dialog.current?.close()} data-testid="docs-close">
          {t('close')}
        </button>
      </div>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the app's own bundled documentation */}
      <div ref={body} className="docs-body" lang="en" dangerouslySetInnerHTML={{ __html: html }} />
    </dialog>
  );
}
