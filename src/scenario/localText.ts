/**
 * A scenario's name and description: one text the file's author wrote (shown as written in both
 * languages), or an English and a Chinese text, of which the page shows the one in its language.
 */
import * as z from 'zod';

export type TextLang = 'en' | 'zh';

/** `{ en, zh }` with at least one of the two; both preferred. */
export type LocalText = string | { en?: string; zh?: string };

/**
 * The text to show in `lang`: the file's own string, or its text in that language, or — when the
 * file has only the other language — that one (a name in the wrong language beats no name).
 */
export function textIn(text: LocalText | undefined, lang: TextLang): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const other: TextLang = lang === 'en' ? 'zh' : 'en';
  return text[lang] || text[other] || '';
}

/** Both languages' texts, for searches and for checking whether a file has a text at all. */
export function textsOf(text: LocalText | undefined): string[] {
  if (text === undefined) return [];
  if (typeof text === 'string') return [text];
  return [text.en, text.zh].filter((t): t is string => !!t);
}

/**
 * The zod schema of a name or description of at most `max` characters (`min` 1 for a name). The
 * `localText` meta lets errors.ts describe a wrong one as a whole instead of by union branch.
 */
export function localTextSchema(min: number, max: number) {
  const one = z.string().min(min).max(max);
  return z
    .union([
      one,
      z
        .strictObject({ en: one.optional(), zh: one.optional() })
        .refine((t) => t.en !== undefined || t.zh !== undefined, {
          message: 'must have "en" (the English text) or "zh" (the Chinese), or both; it has neither',
          params: { zh: '应包含 "en"（英文文本）或 "zh"（中文文本），或两者都有；此处两者都没有' },
        }),
    ])
    .meta({ localText: true });
}

/**
 * A name with a word added (a copy's "my copy"): one text gets the page's language's word, as it
 * always did; a text per language gets each language's word, so the copy still reads in both.
 */
export function withSuffix(text: LocalText, suffix: { en: string; zh: string }, lang: TextLang): LocalText {
  if (typeof text === 'string') return `${text}${suffix[lang]}`;
  return {
    ...(text.en !== undefined ? { en: `${text.en}${suffix.en}` } : {}),
    ...(text.zh !== undefined ? { zh: `${text.zh}${suffix.zh}` } : {}),
  };
}
