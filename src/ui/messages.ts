/**
 * The engine refuses a scenario it cannot run with English messages ("population.marketSize: must
 * be between 10 and 5000000 (people), got 0"): pure TypeScript with no interface strings. The page
 * says each problem in the user's language, under the field's label in the editor ("Discount ·
 * Depth"), with the file's path beside it.
 */
import { RunCancelled } from '../runner/pool.ts';
import { type Problem, UNIT_ZH } from '../scenario/errors.ts';
import { filePath } from '../scenario/importer.ts';
import { labelOfPath } from './experimentLabels.ts';
import type { Lang } from './i18n.ts';

const unitZh = (u: string | undefined) => (u ? `（${UNIT_ZH[u] ?? u}）` : '');

/** Engine message patterns and their Chinese; `u` is an optional " (unit)". */
const PATTERNS: [RegExp, (...m: string[]) => string][] = [
  [
    /^must be a finite number(?: \((.+)\))?, got (.+)$/,
    (u, v) => `必须是有限的数字${unitZh(u)}，实际为 ${v}`,
  ],
  [
    /^must be between (\S+) and (\S+)(?: \((.+)\))?, got (.+)$/,
    (a, b, u, v) => `必须在 ${a} 到 ${b} 之间${unitZh(u)}，实际为 ${v}`,
  ],
  [/^must be a whole number(?: \((.+)\))?, got (.+)$/, (u, v) => `必须是整数${unitZh(u)}，实际为 ${v}`],
  [/^must be a list of \{from, to\} month windows$/, () => '必须是 {from, to} 月份区间的列表'],
  [
    /^must be whole months with 1 ≤ from ≤ to, got (.+)$/,
    (w) => `必须是满足 1 ≤ from ≤ to 的整月，实际为 ${w}`,
  ],
  [
    /^starts in month (\d+), after the horizon \((\d+) months\)$/,
    (f, h) => `从第 ${f} 个月开始，晚于模拟期（${h} 个月）`,
  ],
  [/^must list between 1 and 16 segments$/, () => '必须包含 1 到 16 个客户细分'],
  [/^at least one weight must be above 0$/, () => '至少有一个权重必须大于 0'],
  [/^shares must sum to 100 %, got (.+)$/, (v) => `各细分占比之和必须为 100%，实际为 ${v}`],
  [/^cannot be exceeded by initialCustomerPct$/, () => '不能小于初始客户占比'],
  [/^is missing$/, () => '缺失'],
  [/^must be "all", "new" or "lapsed", got (.+)$/, (v) => `必须是 "all"、"new" 或 "lapsed"，实际为 ${v}`],
  [
    /^must be priceWar, serviceIncident or competitorEntry, got (.+)$/,
    (v) => `必须是 priceWar、serviceIncident 或 competitorEntry，实际为 ${v}`,
  ],
  [
    /^(\S+) people need about (\d+) MiB, more than the (\d+) MiB allowed here; lower the market size$/,
    (n, need, limit) => `${n} 人约需 ${need} MiB 内存，超过此处允许的 ${limit} MiB；请减小市场规模`,
  ],
];

/** One engine message in the language asked (English as it came; Chinese if its pattern is known). */
export function translateEngineMessage(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  for (const [re, zh] of PATTERNS) {
    const m = re.exec(message);
    if (m) return zh(...m.slice(1));
  }
  return message;
}

/** Whether the engine message has a Chinese form (for tests: every message the engine can say). */
export function hasTranslation(message: string): boolean {
  return PATTERNS.some(([re]) => re.test(message));
}

/** "Discount → Depth (levers.value.discount.depthPct)" for a path of the file. */
export function fieldLabel(path: string, lang: Lang): string {
  const label = labelOfPath(path, lang);
  return label === path ? path : `${label} (${path})`;
}

/** The same for an engine path (levers flat: levers.discount.depthPct). */
export function fieldName(enginePath: string, lang: Lang): string {
  return fieldLabel(filePath(enginePath), lang);
}

/** A file problem as the page shows it: the field's label, its path, the message in the user's language. */
export function problemText(p: Problem, lang: Lang): string {
  return p.path ? `${fieldLabel(p.path, lang)}: ${p[lang]}` : p[lang];
}

/**
 * A run's error as lines to show: an engine refusal ("Invalid scenario:" then one "path: message"
 * per line) becomes one line per problem, labelled and translated; anything else is kept.
 */
export function runErrorLines(message: string, lang: Lang): string[] {
  const lines = message.split('\n');
  if (!/^Invalid scenario:/.test(lines[0] ?? '')) return [message];
  return lines.slice(1).flatMap((line) => {
    const m = /^\s*([^:\s]+): (.*)$/.exec(line);
    return m
      ? [`${fieldName(m[1], lang)}: ${translateEngineMessage(m[2], lang)}`]
      : line.trim()
        ? [line.trim()]
        : [];
  });
}

/** What a page says when its run on the worker pool stops: cancelled, or why it failed. */
export function runStoppedMessage(e: unknown, lang: Lang, cancelled: string): string {
  return e instanceof RunCancelled
    ? cancelled
    : runErrorLines(String(e instanceof Error ? e.message : e), lang).join('; ');
}
