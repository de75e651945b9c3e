/**
 * Transaction logs (customer, date, amount) from CSV, for CLV fitting. Parsing never throws: bad rows
 * are skipped and reported with their line numbers; a file that cannot be used says why.
 */

export interface TransactionLog {
  /** Customer id of each distinct customer, in order of first appearance. */
  customers: string[];
  /** Per transaction: customer index, day number (days since 1970-01-01, UTC), amount. */
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
}

export interface BadRow {
  line: number;
  reason: string;
}

export interface ColumnChoice {
  customer?: string;
  date?: string;
  amount?: string;
  /** How to read d/m/y versus m/d/y dates; detected from the data when not given. */
  dateOrder?: 'ymd' | 'dmy' | 'mdy';
}

export type ParseResult =
  | {
      ok: true;
      log: TransactionLog;
      columns: { customer: string; date: string; amount: string };
      rows: number;
      skipped: BadRow[];
      skippedCount: number;
    }
  | { ok: false; error: string };

const NAMES = {
  customer: ['customer', 'customer_id', 'customerid', 'id', 'client', 'client_id', 'user_id', 'member_id'],
  date: ['date', 'day', 'order_date', 'purchase_date', 'timestamp', 'time', 'datetime'],
  amount: ['amount', 'dollars', 'value', 'revenue', 'sales', 'spend', 'total', 'price'],
} as const;

/** The separator of a CSV from its header line: comma, semicolon or tab, whichever splits it most. */
export function detectSeparator(headerLine: string): string {
  return [',', ';', '\t'].reduce(
    (best, c) => (headerLine.split(c).length > headerLine.split(best).length ? c : best),
    ',',
  );
}

/** Splits one CSV line (RFC 4180 quotes; the caller gives complete lines). */
export function splitCsvLine(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

const MAX_LISTED = 20;

/** Day number of a date string, or null. Accepts ISO dates (with an optional time), YYYYMMDD, and d/m/y or m/d/y. */
export function parseDay(s: string, order: 'ymd' | 'dmy' | 'mdy'): number | null {
  let y: number;
  let m: number;
  let d: number;
  let g: RegExpExecArray | null;
  if ((g = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(s))) {
    [y, m, d] = [Number(g[1]), Number(g[2]), Number(g[3])];
  } else if ((g = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) {
    [y, m, d] = [Number(g[1]), Number(g[2]), Number(g[3])];
  } else if ((g = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ][\d:.]+)?$/.exec(s))) {
    const [p, q] = [Number(g[1]), Number(g[2])];
    y = Number(g[3]);
    [d, m] = order === 'mdy' ? [q, p] : [p, q];
  } else return null;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCDate() !== d) return null; // 31 February and the like
  return Math.round(t / 86_400_000);
}

/** Guesses d/m/y versus m/d/y from the first fields of slash dates: a first field above 12 means d/m/y. */
function detectOrder(samples: string[]): 'dmy' | 'mdy' {
  for (const s of samples) {
    const g = /^(\d{1,2})[-/.](\d{1,2})[-/.]\d{4}/.exec(s);
    if (g && Number(g[1]) > 12) return 'dmy';
    if (g && Number(g[2]) > 12) return 'mdy';
  }
  return 'dmy';
}

export function dayToIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function parseTransactionsCsv(text: string, choice: ColumnChoice = {}): ParseResult {
  try {
    if (typeof text !== 'string' || text.trim() === '') return { ok: false, error: 'the file is empty' };
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
    const headerLine = lines[0];
    const sep = detectSeparator(headerLine);
    const header = splitCsvLine(headerLine, sep).map((h) => h.replace(/^\uFEFF/, ''));
    const lower = header.map((h) => h.toLowerCase());
    const find = (kind: keyof typeof NAMES): number => {
      const wanted = choice[kind];
      if (wanted !== undefined) return header.indexOf(wanted);
      for (const name of NAMES[kind]) {
        const k = lower.indexOf(name);
        if (k >= 0) return k;
      }
      return -1;
    };
    const cols = { customer: find('customer'), date: find('date'), amount: find('amount') };
    const missing = (Object.keys(cols) as (keyof typeof cols)[]).filter((k) => cols[k] < 0);
    if (missing.length) {
      const asked = missing.filter((k) => choice[k] !== undefined).map((k) => `"${choice[k]}"`);
      return {
        ok: false,
        error:
          `cannot find the ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}` +
          (asked.length
            ? ` (asked for ${asked.join(', ')})`
            : ` (looked for ${missing.map((k) => NAMES[k].join('/')).join('; ')})`) +
          `; the header has: ${header.map((h) => `"${h}"`).join(', ')}`,
      };
    }
    const order =
      choice.dateOrder ?? detectOrder(lines.slice(1, 2000).map((l) => splitCsvLine(l, sep)[cols.date] ?? ''));
    const ids = new Map<string, number>();
    const customers: string[] = [];
    const cust: number[] = [];
    const days: number[] = [];
    const amounts: number[] = [];
    const skipped: BadRow[] = [];
    let skippedCount = 0;
    const bad = (line: number, reason: string) => {
      skippedCount++;
      if (skipped.length < MAX_LISTED) skipped.push({ line, reason });
    };
    const width = Math.max(cols.customer, cols.date, cols.amount) + 1;
    for (let k = 1; k < lines.length; k++) {
      const line = lines[k];
      if (line.trim() === '') continue;
      const f = splitCsvLine(line, sep);
      const lineNo = k + 1;
      if (f.length < width) {
        bad(lineNo, `has ${f.length} fields, needs at least ${width}`);
        continue;
      }
      const id = f[cols.customer];
      if (id === '') {
        bad(lineNo, 'no customer id');
        continue;
      }
      const day = parseDay(f[cols.date], order);
      if (day === null) {
        bad(lineNo, `unreadable date "${f[cols.date].slice(0, 40)}"`);
        continue;
      }
      const raw = f[cols.amount].replace(/[¥$€£,\s]/g, '');
      const amount = raw === '' ? Number.NaN : Number(raw);
      if (!Number.isFinite(amount)) {
        bad(lineNo, `unreadable amount "${f[cols.amount].slice(0, 40)}"`);
        continue;
      }
      if (amount < 0) {
        bad(lineNo, `negative amount ${amount} (a refund?)`);
        continue;
      }
      let c = ids.get(id);
      if (c === undefined) {
        c = customers.length;
        ids.set(id, c);
        customers.push(id);
      }
      cust.push(c);
      days.push(day);
      amounts.push(amount);
    }
    if (cust.length === 0) {
      return {
        ok: false,
        error: `no usable rows${skippedCount ? `: all ${skippedCount} were skipped, e.g. line ${skipped[0].line}: ${skipped[0].reason}` : ''}`,
      };
    }
    return {
      ok: true,
      log: {
        customers,
        customer: Int32Array.from(cust),
        day: Int32Array.from(days),
        amount: Float64Array.from(amounts),
      },
      columns: { customer: header[cols.customer], date: header[cols.date], amount: header[cols.amount] },
      rows: cust.length,
      skipped,
      skippedCount,
    };
  } catch (e) {
    return { ok: false, error: `could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}
