/** Figures as tables show them: compact where a full figure would wrap, the full one kept for hover and CSV. */
import type { Interval } from '../analysis/stats.ts';
import { formatInterval, formatValue, type Kpi } from '../analysis/summary.ts';
import type { Lang } from './i18n.ts';

const compact = {
  en: new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 }),
  zh: new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumSignificantDigits: 3 }),
};

/** One value: money and large counts compact (2.17M, 217万), the rest as formatValue. */
export function formatShort(x: number, unit: Kpi['unit'], lang: Lang): string {
  if (!Number.isFinite(x)) return '—';
  if ((unit === 'money' || unit === 'people') && Math.abs(x) >= 10_000) return compact[lang].format(x);
  return formatValue(x, unit);
}

/** mean [lo, hi], compact; a leading + on differences. */
export function formatIntervalShort(iv: Interval, unit: Kpi['unit'], lang: Lang, signed = false): string {
  const sign = signed && iv.mean >= 0 ? '+' : '';
  const m = `${sign}${formatShort(iv.mean, unit, lang)}`;
  if (!Number.isFinite(iv.half)) return m;
  return `${m} [${formatShort(iv.lo, unit, lang)}, ${formatShort(iv.hi, unit, lang)}]`;
}

/** The full figure, for a cell's title (hover) and for screen readers. */
export function formatIntervalFull(iv: Interval, unit: Kpi['unit'], signed = false): string {
  return `${signed && iv.mean >= 0 ? '+' : ''}${formatInterval(iv, unit)}`;
}

/**
 * A day as ISO 8601 (2026-12-02), the same in both languages and on every system: an exported
 * chart's footer, like the printed report, must not read 12/2/2026 (month first) to a reader who
 * expects 2/12.
 */
export function isoDay(d: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}
