/** The validation table as text: shared by the command line, the Markdown for docs/model.md and the page. */
import type { Interval } from '../analysis/stats.ts';
import type { CheckResult, FigureSpec, Status, Text } from './types.ts';

export type Lang = keyof Text;

export function formatNumber(x: number, unit: FigureSpec['unit']): string {
  if (!Number.isFinite(x)) return '—';
  switch (unit) {
    case 'share':
      return `${(100 * x).toFixed(1)} %`;
    case 'change':
      return `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)} %`;
    case 'score':
      return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;
    case 'times':
      return `${x.toFixed(2)}×`;
    default:
      return x.toFixed(2);
  }
}

/** "0.52 [0.47, 0.57]" */
export function formatFigure(iv: Interval, unit: FigureSpec['unit']): string {
  const m = formatNumber(iv.mean, unit);
  if (!Number.isFinite(iv.half)) return m;
  return `${m} [${formatNumber(iv.lo, unit)}, ${formatNumber(iv.hi, unit)}]`;
}

export const STATUS_TEXT: Record<Status, Text> = {
  met: { en: 'met', zh: '符合' },
  departure: { en: 'known departure', zh: '已知偏差' },
  notMet: { en: 'not met', zh: '不符合' },
  resolved: { en: 'met (marked as a departure: remove the marking)', zh: '符合（仍标记为偏差：应移除标记）' },
};

/** Its own sentence after a departure's reason (the page shows it on a line of its own). */
const UNCLEAR: Text = {
  en: 'Not clear of the noise: run more replications.',
  zh: '尚未超出噪声：需要更多重复。',
};

/**
 * A check's figures for a page: when every label is "world: quantity" with the same quantity (the
 * three-together checks, one figure per industry baseline), the quantity is said once and each line
 * is just the world and its value; otherwise each line is the whole label.
 */
export interface FigureLines {
  quantity: string | null;
  lines: { label: string; value: string }[];
}

export function figureLines(labels: string[], values: string[]): FigureLines {
  const split = labels.map((l) => /^(.+?)[:：]\s*(.+)$/.exec(l));
  const quantity = split[0]?.[2];
  if (labels.length > 1 && split.every((m) => m && m[2] === quantity))
    return { quantity: quantity ?? null, lines: split.map((m, j) => ({ label: m![1], value: values[j] })) };
  return { quantity: null, lines: labels.map((label, j) => ({ label, value: values[j] })) };
}

export interface Row {
  id: string;
  check: string;
  published: string;
  accepted: string;
  source: string;
  /** One line per figure: "label: value [lo, hi]". */
  model: string[];
  /** The same figures with a quantity shared by all said once. */
  figures: FigureLines;
  status: string;
  /** The departure's reason, then a note that the verdict is within the noise: each a sentence. */
  notes: string[];
  /** The same as one text (the Markdown and terminal tables). */
  note: string;
}

const noteLines = (r: CheckResult, lang: Lang): string[] =>
  [r.departure?.[lang], r.verdict.clear ? undefined : UNCLEAR[lang]].filter((s): s is string => !!s);

export function rows(results: CheckResult[], lang: Lang): Row[] {
  return results.map((r) => ({
    id: r.check.id,
    check: r.check.title[lang],
    published: r.check.published[lang],
    accepted: r.check.accepted[lang],
    source: r.check.source[lang],
    model: r.check.figures.map((f, j) => `${f.label[lang]}: ${formatFigure(r.intervals[j], f.unit)}`),
    figures: figureLines(
      r.check.figures.map((f) => f.label[lang]),
      r.check.figures.map((f, j) => formatFigure(r.intervals[j], f.unit)),
    ),
    status: STATUS_TEXT[r.status][lang],
    notes: noteLines(r, lang),
    note: noteLines(r, lang).join(' '),
  }));
}

const HEAD: Record<Lang, string[]> = {
  en: ['check', 'published figure', 'accepted', 'source', 'model [95 % interval]', 'verdict'],
  zh: ['检验', '公开数据', '接受范围', '来源', '模型 [95%区间]', '结论'],
};

const cell = (s: string) => s.replaceAll('|', '\\|');

export function markdownTable(results: CheckResult[], lang: Lang = 'en'): string {
  const out = [`| ${HEAD[lang].join(' | ')} |`, `|${HEAD[lang].map(() => '---').join('|')}|`];
  for (const r of rows(results, lang)) {
    const verdict = r.note ? `${r.status} — ${r.note}` : r.status;
    out.push(
      `| ${[r.check, r.published, r.accepted, r.source, r.model.join('<br>'), verdict].map(cell).join(' | ')} |`,
    );
  }
  return out.join('\n');
}

/** A plain table for a terminal: one block per check. */
export function textTable(results: CheckResult[], lang: Lang = 'en'): string {
  const [, pub, acc, src, model, verdict] = HEAD[lang];
  return rows(results, lang)
    .map((r) =>
      [
        `${r.check} (${r.id})`,
        `  ${pub}: ${r.published}`,
        `  ${acc}: ${r.accepted}`,
        `  ${src}: ${r.source}`,
        `  ${model}:`,
        ...r.model.map((m) => `    ${m}`),
        `  ${verdict}: ${r.status}${r.note ? ` — ${r.note}` : ''}`,
      ].join('\n'),
    )
    .join('\n\n');
}
