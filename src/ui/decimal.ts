/**
 * A number as people type it, in either language: "1,5", "1。5", "１．５", "5 000 000", "5,000,000",
 * "1,234.5" and "−3" are all read; what cannot be read one way only ("1,500": 1500 or 1.5?) is
 * refused with a message rather than guessed. A browser's type=number input reads "1,5" as 15 (or as nothing)
 * without a word, which is why the forms that use this are text inputs.
 */
import type { Text } from '../calibration/reading.ts';

export type Decimal = { ok: true; value: number; text: string } | { ok: false; message: Text };

const GROUPED = /^\d{1,3}(?:[,.' ]\d{3})+$/;

/** Full-width digits and marks to ASCII (NFKC), the ideographic full stop and the minus sign too. */
function normalise(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[。｡]/g, '.')
    .replace(/[−–]/g, '-')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

export function readDecimal(raw: string): Decimal {
  const s = normalise(raw);
  const m = /^([+-]?)(.*)$/.exec(s)!;
  const sign = m[1] === '-' ? -1 : 1;
  let body = m[2].replace(/ (?=\d{3}(?:\D|$))/g, "'");
  const unreadable: Text = {
    en: `“${raw.trim()}” is not a number`,
    zh: `“${raw.trim()}”不是数字`,
  };
  if (body.includes(' ') || !/^[\d,.']+$/.test(body) || !/\d/.test(body))
    return { ok: false, message: unreadable };
  const lastComma = body.lastIndexOf(',');
  const lastDot = body.lastIndexOf('.');
  const marks = (body.match(/[,.]/g) ?? []).length;
  if (lastComma >= 0 && lastDot >= 0) {
    // Both marks: the last one is the decimal mark, the other groups thousands.
    const decimal = lastComma > lastDot ? ',' : '.';
    const [whole, fraction, ...rest] = body.split(decimal);
    if (rest.length || !GROUPED.test(whole) || !/^\d+$/.test(fraction))
      return { ok: false, message: unreadable };
    body = `${whole.replace(/\D/g, '')}.${fraction}`;
  } else if (marks === 1) {
    const [whole, fraction] = body.split(/[,.]/);
    // "1,500" is a thousand and a half in English and one and a half where the comma is the
    // decimal mark; a point is always a decimal mark here (the app speaks English and Chinese).
    if (lastComma >= 0 && /^[1-9]\d{0,2}$/.test(whole) && /^\d{3}$/.test(fraction))
      return {
        ok: false,
        message: {
          en: `“${raw.trim()}” could be ${whole}${fraction} or ${whole}.${fraction}: write it without the comma (${whole}${fraction}) or with a point (${whole}.${fraction})`,
          zh: `“${raw.trim()}”可能是 ${whole}${fraction}，也可能是 ${whole}.${fraction}：请去掉逗号（${whole}${fraction}）或用小数点（${whole}.${fraction}）`,
        },
      };
    if (!/^[\d']*$/.test(whole) || !/^\d+$/.test(fraction) || (whole.includes("'") && !GROUPED.test(whole)))
      return { ok: false, message: unreadable };
    body = `${whole.replace(/\D/g, '') || '0'}.${fraction}`;
  } else if (marks > 1 || body.includes("'")) {
    // Only one kind of mark, several times: it groups thousands.
    if (!GROUPED.test(body)) return { ok: false, message: unreadable };
    body = body.replace(/\D/g, '');
  }
  const value = sign * Number(body);
  if (!Number.isFinite(value)) return { ok: false, message: unreadable };
  return { ok: true, value, text: String(value) };
}
