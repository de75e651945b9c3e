/**
 * What a plan changes against its baseline, said as the editor says it: "Discount · Depth: 0 % → 20 %",
 * "Discount · on in months: always → months 1–12". Labels and units come from the editor's own
 * tables (editorFields.ts through labelOfPath, the schema's units through fieldMeta), not a copy.
 */
import type { Difference } from '../analysis/scenarioDiff.ts';
import type { Audience, Window } from '../engine/index.ts';
import { unitText } from '../scenario/errors.ts';
import { fieldMeta } from '../scenario/fields.ts';
import { filePath } from '../scenario/importer.ts';
import { choiceLabel, labelOfPath } from './experimentLabels.ts';
import { fill, type Lang, STRINGS } from './i18n.ts';

export interface ChangeText {
  /** The file's dotted path, e.g. "levers.value.discount.depthPct" (a stable key). */
  path: string;
  label: string;
  from: string;
  to: string;
}

/** "visitsPerMonth" → "visits per month": an unlabelled field still reads as words. */
const words = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * A field's name: the editor's label, or for a field the editor does not show, its path's last word
 * (with the item it belongs to: "segments 2 · visits per month").
 */
export function changeLabel(path: string, lang: Lang): string {
  const label = labelOfPath(path, lang, ' · ');
  if (label !== path) return label;
  const parts = path.split('.');
  const last = parts.length - 1;
  const index = Number(parts[last - 1]);
  return Number.isInteger(index) && last >= 2
    ? `${words(parts[last - 2])} ${index + 1} · ${words(parts[last])}`
    : words(parts[last]);
}

/** A number as people write it: at most six significant digits, no trailing zeros. */
const num = (x: number, lang: Lang) =>
  Number(x.toPrecision(6)).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 6 });

/** One side of a change, in the field's own terms (its unit, its choices), never as raw data. */
export function changeValue(path: string, value: unknown, lang: Lang): string {
  const t = STRINGS[lang];
  const key = path.slice(path.lastIndexOf('.') + 1);
  if (value === undefined || value === null) return t.chg_unset;
  if (key === 'schedule' && Array.isArray(value))
    return value.length === 0
      ? t.chg_always
      : (value as Window[]).map((w) => fill(t.chg_months, { from: w.from, to: w.to })).join(', ');
  if (key === 'audience' && typeof value === 'object') return choiceLabel(value as Audience, lang);
  if (key === 'target' && typeof value === 'string') {
    const name = `target_${value}`;
    return name in t ? t[name as keyof typeof t] : value;
  }
  if (typeof value === 'boolean') return value ? t.chg_yes : t.chg_no;
  if (typeof value === 'number') {
    const unit = unitText(fieldMeta(path.split('.')).unit, lang);
    return unit ? `${num(value, lang)} ${unit}` : num(value, lang);
  }
  if (typeof value === 'string') return value;
  // Anything else (a list of numbers, a small object) as its parts, not as JSON.
  if (Array.isArray(value)) return value.map((v, k) => changeValue(`${path}.${k}`, v, lang)).join(', ');
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${words(k)} ${changeValue(`${path}.${k}`, v, lang)}`)
    .join(', ');
}

/** The engine's differences (flat lever paths) as the file's fields, labelled and valued in `lang`. */
export function describeChanges(diffs: Difference[], lang: Lang): ChangeText[] {
  return diffs.map((d) => {
    const path = filePath(d.path);
    const unit = unitText(fieldMeta(path.split('.')).unit, lang);
    // A long unit once, after the new value ("0 → 6 gestures per customer per year"); "%" on both sides.
    const bare = typeof d.from === 'number' && typeof d.to === 'number' && unit && unit !== '%';
    return {
      path,
      label: changeLabel(path, lang),
      from: bare ? num(d.from as number, lang) : changeValue(path, d.from, lang),
      to: changeValue(path, d.to, lang),
    };
  });
}
