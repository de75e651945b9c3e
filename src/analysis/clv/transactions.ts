/**
 * Transaction logs (customer, date, amount) from CSV, for CLV fitting. The reader takes the file in
 * chunks, so a log of any length is read without its whole text in memory. Parsing never throws:
 * bad rows are skipped, counted by kind and listed with their line numbers; a file that cannot be
 * used says why, in English and Chinese.
 *
 * Logs as they come out of tills and spreadsheets: a BOM, CRLF, Excel's `sep=;` line, comma,
 * semicolon or tab separators, amounts with currency signs, thousands separators, decimal commas
 * or accounting negatives, dates with times and time zones, Excel serial dates, exact duplicate
 * rows (counted, listed, and dropped if asked), refunds (skipped; customers with nothing but
 * refunds are counted).
 */

export interface TransactionLog {
  /** Customer id of each distinct customer, in order of first appearance. */
  customers: string[];
  /** Per transaction: customer index, day number (days since 1970-01-01), amount. */
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
}

/** Something said in both languages. */
export interface Said {
  en: string;
  zh: string;
}

export type SkipKind = 'fields' | 'customer' | 'date' | 'amount' | 'refund' | 'duplicate';

export const SKIP_KINDS: Record<SkipKind, Said> = {
  fields: { en: 'too few fields', zh: '字段不足' },
  customer: { en: 'no customer id', zh: '缺少客户编号' },
  date: { en: 'unreadable date', zh: '日期无法识别' },
  amount: { en: 'unreadable amount', zh: '金额无法识别' },
  refund: { en: 'refund (negative amount)', zh: '退款（负金额）' },
  duplicate: { en: 'duplicate of an earlier row', zh: '与前面某行完全重复' },
};

export interface BadRow {
  line: number;
  kind: SkipKind;
  reason: string;
  zh: string;
}

export interface ColumnChoice {
  customer?: string;
  date?: string;
  amount?: string;
  /** How to read d/m/y versus m/d/y dates; detected from the data when not given. */
  dateOrder?: 'ymd' | 'dmy' | 'mdy';
  /**
   * Drop rows identical to an earlier row. Off by default: without an order id, two identical
   * purchases on one day look the same as a repeated export (the CDNOW logs have 19 and 215 such
   * rows, and the published estimates count them). They are counted and listed either way.
   */
  dropDuplicates?: boolean;
}

export interface DuplicateRows {
  count: number;
  /** The first few: the line, and the earlier line it repeats. */
  lines: { line: number; of: number }[];
  dropped: boolean;
}

export type ParseResult =
  | {
      ok: true;
      log: TransactionLog;
      columns: { customer: string; date: string; amount: string };
      rows: number;
      skipped: BadRow[];
      skippedCount: number;
      skippedByKind: Record<SkipKind, number>;
      /** Customers whose every row was a refund (not in the log). */
      refundOnlyCustomers: number;
      /** How amounts were read: '.' or ',' as the decimal mark. */
      decimalMark: '.' | ',';
      duplicates: DuplicateRows;
    }
  | { ok: false; error: string; zh: string };

const NAMES = {
  customer: ['customer', 'customer_id', 'customerid', 'id', 'client', 'client_id', 'user_id', 'member_id'],
  date: ['date', 'day', 'order_date', 'purchase_date', 'timestamp', 'time', 'datetime'],
  amount: ['amount', 'dollars', 'value', 'revenue', 'sales', 'spend', 'total', 'price'],
} as const;
const NAMES_ZH = { customer: '客户', date: '日期', amount: '金额' } as const;

/** The separator of a CSV from its header line: comma, semicolon or tab, whichever splits it most. */
export function detectSeparator(headerLine: string): string {
  return [',', ';', '\t'].reduce(
    (best, c) => (headerLine.split(c).length > headerLine.split(best).length ? c : best),
    ',',
  );
}

/** Splits one CSV line (RFC 4180 quotes; the caller gives complete lines). */
export function splitCsvLine(line: string, sep: string): string[] {
  if (!line.includes('"')) return line.split(sep).map((s) => s.trim());
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
/** Rows read before the date order and decimal mark are decided from them. */
const SAMPLE_ROWS = 2000;
/** Excel's day 0 is 1899-12-30; serial 25569 is 1970-01-01. */
const EXCEL_EPOCH = 25569;

function dayOf(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const t = Date.UTC(y, m - 1, d);
  if (new Date(t).getUTCDate() !== d) return null; // 31 February and the like
  return Math.round(t / 86_400_000);
}

const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp][Mm])?\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`);
const DMY = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})${TIME}$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^(\d{5})(?:\.\d+)?$/;

/**
 * Day number of a date string, or null. ISO dates, YYYYMMDD, d/m/y or m/d/y (two- or four-digit
 * year), each with an optional time and time zone, and Excel serial dates. The day is the calendar
 * date as written: a purchase at 23:30 local time belongs to that day in the shop, whatever its UTC.
 */
export function parseDay(s: string, order: 'ymd' | 'dmy' | 'mdy'): number | null {
  let g: RegExpExecArray | null;
  if ((g = ISO.exec(s))) return dayOf(Number(g[1]), Number(g[2]), Number(g[3]));
  if ((g = COMPACT.exec(s))) return dayOf(Number(g[1]), Number(g[2]), Number(g[3]));
  if ((g = DMY.exec(s))) {
    const [p, q] = [Number(g[1]), Number(g[2])];
    let y = Number(g[3]);
    if (g[3].length === 2) y += y < 70 ? 2000 : 1900;
    return order === 'mdy' ? dayOf(y, p, q) : dayOf(y, q, p);
  }
  if ((g = SERIAL.exec(s))) {
    const serial = Number(g[1]);
    // 1954–2119: a five-digit number in a date column is an Excel serial date.
    if (serial >= 20_000 && serial <= 80_000) return serial - EXCEL_EPOCH;
  }
  return null;
}

/** Guesses d/m/y versus m/d/y from the first fields of slash dates: a first field above 12 means d/m/y. */
function detectOrder(samples: string[]): 'dmy' | 'mdy' {
  for (const s of samples) {
    const g = /^(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}/.exec(s);
    if (g && Number(g[1]) > 12) return 'dmy';
    if (g && Number(g[2]) > 12) return 'mdy';
  }
  return 'dmy';
}

/** '.' or ',' as decimal mark, by which of them ends the sampled amounts followed by 1–2 digits. */
function detectDecimalMark(samples: string[]): '.' | ',' {
  let comma = 0;
  let dot = 0;
  for (const s of samples) {
    if (/,\d{1,2}\)?-?$/.test(s) || /\.\d{3},\d*$/.test(s)) comma++;
    else if (/\.\d{1,2}\)?-?$/.test(s) || /,\d{3}\.\d*$/.test(s)) dot++;
  }
  return comma > dot ? ',' : '.';
}

const NUMBER = /^(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * An amount as written: currency signs and codes, spaces and apostrophes as thousands separators,
 * the other mark's thousands separators, a leading or trailing minus or accounting parentheses.
 */
export function parseAmount(raw: string, decimalMark: '.' | ','): number {
  let s = raw.replace(/[\s\u00a0\u202f']/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(/[$€£¥₹₩₽¢元]|[A-Za-z]{3}$|^[A-Za-z]{1,3}(?=[\d.,-])/g, '');
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  } else if (s.startsWith('+')) s = s.slice(1);
  s = s.replace(/[$€£¥₹₩₽¢元]/g, '');
  s = decimalMark === ',' ? s.replaceAll('.', '').replace(',', '.') : s.replaceAll(',', '');
  if (!NUMBER.test(s)) return Number.NaN;
  const v = Number(s);
  return negative ? -v : v;
}

export function dayToIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** 32-bit FNV-1a of a line, to find exact duplicate rows without keeping their text. */
function hashLine(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

class Int32Grow {
  a = new Int32Array(1 << 16);
  n = 0;
  push(v: number) {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
}
class Float64Grow {
  a = new Float64Array(1 << 16);
  n = 0;
  push(v: number) {
    if (this.n === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
}

const fail = (en: string, zh: string) => ({ ok: false as const, error: en, zh });

/** The first few hundred characters look like a binary file (image, zip, spreadsheet) rather than text. */
function looksBinary(head: string): boolean {
  let odd = 0;
  const n = Math.min(head.length, 1024);
  for (let i = 0; i < n; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) odd++;
  }
  return odd > Math.max(2, n * 0.02);
}

/**
 * Reads a transaction log chunk by chunk: `push` each piece of text as it arrives, then `end`.
 * `lines` and `customersFound` say how far it has got, for a progress bar.
 */
export class TransactionReader {
  private pending = '';
  private started = false;
  private failure: { ok: false; error: string; zh: string } | null = null;
  private header: string[] | null = null;
  private sep = ',';
  private cols = { customer: -1, date: -1, amount: -1 };
  private width = 0;
  private lineNo = 0;
  private sample: { line: string; no: number }[] | null = [];
  private order: 'ymd' | 'dmy' | 'mdy' = 'dmy';
  private decimalMark: '.' | ',' = '.';
  private readonly ids = new Map<string, number>();
  private readonly customers: string[] = [];
  private readonly refunders = new Set<string>();
  private readonly cust = new Int32Grow();
  private readonly days = new Int32Grow();
  private readonly amounts = new Float64Grow();
  private readonly hashes = new Int32Grow();
  private readonly lineNos = new Int32Grow();
  private readonly skipped: BadRow[] = [];
  private readonly dup: DuplicateRows = { count: 0, lines: [], dropped: false };
  private readonly byKind: Record<SkipKind, number> = {
    fields: 0,
    customer: 0,
    date: 0,
    amount: 0,
    refund: 0,
    duplicate: 0,
  };

  constructor(private readonly choice: ColumnChoice = {}) {}

  /** Data lines read so far. */
  get lines(): number {
    return Math.max(0, this.lineNo - 1);
  }

  get customersFound(): number {
    return this.customers.length;
  }

  push(chunk: string): void {
    if (this.failure) return;
    if (!this.started) {
      if (chunk.length === 0) return;
      this.started = true;
      chunk = chunk.replace(/^\uFEFF/, '');
      if (looksBinary(chunk.slice(0, 1024))) {
        this.failure = fail(
          'this is not a text file (an image, a zip or a spreadsheet?): save the log as CSV',
          '这不是文本文件（图片、压缩包或电子表格？）：请把交易记录另存为 CSV',
        );
        return;
      }
    }
    let text = this.pending + chunk;
    let from = 0;
    for (;;) {
      const nl = text.indexOf('\n', from);
      if (nl < 0) break;
      this.line(text.slice(from, nl));
      if (this.failure) return;
      from = nl + 1;
    }
    text = text.slice(from);
    this.pending = text;
  }

  private line(raw: string): void {
    this.lineNo++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (this.header === null) {
      const sepLine = /^sep=(.)$/i.exec(line);
      if (sepLine && this.lineNo === 1) {
        this.sep = sepLine[1];
        return;
      }
      this.openHeader(line);
      return;
    }
    if (line.trim() === '') return;
    if (this.sample) {
      this.sample.push({ line, no: this.lineNo });
      if (this.sample.length >= SAMPLE_ROWS) this.decide();
      return;
    }
    this.row(line, this.lineNo);
  }

  private openHeader(line: string): void {
    if (this.lineNo === 1 || !/^sep=/i.test(line)) {
      if (this.lineNo === 1) this.sep = detectSeparator(line);
    }
    const header = splitCsvLine(line, this.sep).map((h) => h.replace(/^\uFEFF/, ''));
    this.header = header;
    if (header.length < 2) {
      this.failure = fail(
        `the file has a single column ("${line.slice(0, 60)}"): a log needs customer, date and amount columns separated by commas, semicolons or tabs`,
        `文件只有一列（"${line.slice(0, 60)}"）：交易记录需要客户、日期、金额三列，以逗号、分号或制表符分隔`,
      );
      return;
    }
    const lower = header.map((h) => h.toLowerCase());
    const find = (kind: keyof typeof NAMES): number => {
      const wanted = this.choice[kind];
      if (wanted !== undefined) return header.indexOf(wanted);
      for (const name of NAMES[kind]) {
        const k = lower.indexOf(name);
        if (k >= 0) return k;
      }
      return -1;
    };
    this.cols = { customer: find('customer'), date: find('date'), amount: find('amount') };
    const missing = (Object.keys(this.cols) as (keyof typeof NAMES)[]).filter((k) => this.cols[k] < 0);
    if (missing.length) {
      const asked = missing.filter((k) => this.choice[k] !== undefined).map((k) => `"${this.choice[k]}"`);
      const has = header.map((h) => `"${h}"`).join(', ');
      this.failure = fail(
        `cannot find the ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}` +
          (asked.length
            ? ` (asked for ${asked.join(', ')})`
            : ` (looked for ${missing.map((k) => NAMES[k].join('/')).join('; ')})`) +
          `; the header has: ${has}`,
        `找不到${missing.map((k) => NAMES_ZH[k]).join('、')}列${asked.length ? `（指定的是 ${asked.join('、')}）` : ''}；表头为：${has}。请在下方选择列`,
      );
      return;
    }
    this.width = Math.max(this.cols.customer, this.cols.date, this.cols.amount) + 1;
  }

  /** Date order and decimal mark from the first rows, then those rows themselves. */
  private decide(): void {
    const sample = this.sample ?? [];
    this.sample = null;
    const fields = sample.map((s) => splitCsvLine(s.line, this.sep));
    this.order = this.choice.dateOrder ?? detectOrder(fields.map((f) => f[this.cols.date] ?? ''));
    this.decimalMark = detectDecimalMark(fields.map((f) => f[this.cols.amount] ?? ''));
    for (let k = 0; k < sample.length; k++) this.row(sample[k].line, sample[k].no, fields[k]);
  }

  private bad(line: number, kind: SkipKind, detail: string): void {
    this.byKind[kind]++;
    if (this.skipped.length < MAX_LISTED) {
      const k = SKIP_KINDS[kind];
      this.skipped.push({ line, kind, reason: `${k.en}${detail}`, zh: `${k.zh}${detail}` });
    }
  }

  private row(line: string, lineNo: number, split?: string[]): void {
    const f = split ?? splitCsvLine(line, this.sep);
    if (f.length < this.width) {
      this.bad(lineNo, 'fields', ` (${f.length} < ${this.width})`);
      return;
    }
    const id = f[this.cols.customer];
    if (id === '') {
      this.bad(lineNo, 'customer', '');
      return;
    }
    const day = parseDay(f[this.cols.date], this.order);
    if (day === null) {
      this.bad(lineNo, 'date', ` "${f[this.cols.date].slice(0, 40)}"`);
      return;
    }
    const amount = parseAmount(f[this.cols.amount], this.decimalMark);
    if (!Number.isFinite(amount)) {
      this.bad(lineNo, 'amount', ` "${f[this.cols.amount].slice(0, 40)}"`);
      return;
    }
    if (amount < 0) {
      this.bad(lineNo, 'refund', ` ${amount}`);
      if (!this.ids.has(id)) this.refunders.add(id);
      return;
    }
    let c = this.ids.get(id);
    if (c === undefined) {
      c = this.customers.length;
      this.ids.set(id, c);
      this.customers.push(id);
    }
    this.cust.push(c);
    this.days.push(day);
    this.amounts.push(amount);
    this.hashes.push(hashLine(line));
    this.lineNos.push(lineNo);
  }

  end(): ParseResult {
    try {
      if (!this.failure && this.pending !== '') this.line(this.pending);
      this.pending = '';
      if (this.failure) return this.failure;
      if (!this.started || this.header === null) return fail('the file is empty', '文件是空的');
      if (this.sample) this.decide();
      const n = this.cust.n;
      const keep = this.duplicates(n);
      const m = keep ? keep.reduce((a, k) => a + k, 0) : n;
      if (m === 0) {
        const total = Object.values(this.byKind).reduce((a, k) => a + k, 0);
        const first = this.skipped[0];
        if (total > 0 && this.byKind.date === total) {
          const col = this.header[this.cols.date];
          return fail(
            `the date column "${col}" holds no dates I can read (e.g. line ${first.line}: ${first.reason}); choose the date column, or save dates as YYYY-MM-DD`,
            `日期列 "${col}" 中没有可识别的日期（例如第 ${first.line} 行：${first.zh}）；请选择正确的日期列，或把日期存为 YYYY-MM-DD`,
          );
        }
        return fail(
          `no usable rows${total ? `: all ${total} were skipped, e.g. line ${first.line}: ${first.reason}` : ''}`,
          `没有可用的行${total ? `：全部 ${total} 行被跳过，例如第 ${first.line} 行：${first.zh}` : ''}`,
        );
      }
      const pick = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        if (!keep) return a.slice(0, n) as T;
        const out = make(m);
        let j = 0;
        for (let k = 0; k < n; k++) if (keep[k]) out[j++] = a[k];
        return out;
      };
      let refundOnly = 0;
      for (const id of this.refunders) if (!this.ids.has(id)) refundOnly++;
      return {
        ok: true,
        log: {
          customers: this.customers,
          customer: pick(this.cust.a, (k) => new Int32Array(k)),
          day: pick(this.days.a, (k) => new Int32Array(k)),
          amount: pick(this.amounts.a, (k) => new Float64Array(k)),
        },
        columns: {
          customer: this.header[this.cols.customer],
          date: this.header[this.cols.date],
          amount: this.header[this.cols.amount],
        },
        rows: m,
        skipped: this.skipped.sort((a, b) => a.line - b.line),
        skippedCount: Object.values(this.byKind).reduce((a, k) => a + k, 0),
        skippedByKind: { ...this.byKind },
        refundOnlyCustomers: refundOnly,
        decimalMark: this.decimalMark,
        duplicates: {
          ...this.dup,
          lines: this.dup.lines.sort((a, b) => a.line - b.line),
          dropped: !!this.choice.dropDuplicates,
        },
      };
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return fail(`could not be read: ${msg}`, `无法读取：${msg}`);
    }
  }

  /**
   * Rows identical to an earlier row (same text: an export that repeated itself) are dropped.
   * Only rows of one customer on one day can be identical, so they are compared within those
   * groups, by a hash of the line and the amount. Null when there are none.
   */
  private duplicates(n: number): Uint8Array | null {
    const { order, start } = groupByCustomerDay(
      this.cust.a.subarray(0, n),
      this.days.a,
      this.customers.length,
    );
    let keep: Uint8Array | null = null;
    const hashes = this.hashes.a;
    const amounts = this.amounts.a;
    for (let c = 0; c < this.customers.length; c++) {
      let lo = start[c];
      const hi = start[c + 1];
      while (lo < hi) {
        let end = lo + 1;
        while (end < hi && this.days.a[order[end]] === this.days.a[order[lo]]) end++;
        for (let i = lo + 1; i < end; i++) {
          const a = order[i];
          for (let j = lo; j < i; j++) {
            const b = order[j];
            if (keep && !keep[b]) continue;
            if (hashes[a] === hashes[b] && amounts[a] === amounts[b]) {
              this.dup.count++;
              if (this.dup.lines.length < MAX_LISTED)
                this.dup.lines.push({ line: this.lineNos.a[a], of: this.lineNos.a[b] });
              if (this.choice.dropDuplicates) {
                if (!keep) keep = new Uint8Array(n).fill(1);
                keep[a] = 0;
                this.bad(this.lineNos.a[a], 'duplicate', ` (line ${this.lineNos.a[b]})`);
              }
              break;
            }
          }
        }
        lo = end;
      }
    }
    return keep;
  }
}

/**
 * Transactions grouped by customer (a stable counting sort, so a log in date order needs no further
 * sorting) and by day within each customer: linear in the log's length.
 */
export function groupByCustomerDay(
  customer: Int32Array,
  day: Int32Array,
  customers: number,
): { order: Uint32Array; start: Uint32Array } {
  const nt = customer.length;
  const start = new Uint32Array(customers + 1);
  for (let k = 0; k < nt; k++) start[customer[k] + 1]++;
  for (let c = 0; c < customers; c++) start[c + 1] += start[c];
  const fill = start.slice(0, customers);
  const order = new Uint32Array(nt);
  for (let k = 0; k < nt; k++) order[fill[customer[k]]++] = k;
  for (let c = 0; c < customers; c++) {
    const lo = start[c];
    const hi = start[c + 1];
    let sorted = true;
    for (let k = lo + 1; k < hi && sorted; k++) sorted = day[order[k - 1]] <= day[order[k]];
    if (!sorted) {
      // Stable: equal days keep file order.
      const seg = Array.from(order.subarray(lo, hi)).sort((i, j) => day[i] - day[j] || i - j);
      order.set(seg, lo);
    }
  }
  return { order, start };
}

export function parseTransactionsCsv(text: string, choice: ColumnChoice = {}): ParseResult {
  if (typeof text !== 'string' || text.trim() === '') return fail('the file is empty', '文件是空的');
  const r = new TransactionReader(choice);
  r.push(text);
  return r.end();
}

/**
 * The header of a log from its first bytes, for choosing columns before the whole file is read; or
 * why the file cannot be a log (binary, empty, a single column). Missing columns are not an error
 * here: the user may choose them.
 */
export function sniffHeader(
  head: string,
): { ok: true; header: string[] } | { ok: false; error: string; zh: string } {
  const text = head.replace(/^\uFEFF/, '');
  if (text.trim() === '') return fail('the file is empty', '文件是空的');
  if (looksBinary(text.slice(0, 1024)))
    return fail(
      'this is not a text file (an image, a zip or a spreadsheet?): save the log as CSV',
      '这不是文本文件（图片、压缩包或电子表格？）：请把交易记录另存为 CSV',
    );
  const lines = text.split(/\r\n|\n|\r/, 3);
  const sepLine = /^sep=(.)$/i.exec(lines[0]);
  const line = sepLine ? (lines[1] ?? '') : lines[0];
  const header = splitCsvLine(line, sepLine ? sepLine[1] : detectSeparator(line));
  if (header.length < 2)
    return fail(
      `the file has a single column ("${line.slice(0, 60)}"): a log needs customer, date and amount columns separated by commas, semicolons or tabs`,
      `文件只有一列（"${line.slice(0, 60)}"）：交易记录需要客户、日期、金额三列，以逗号、分号或制表符分隔`,
    );
  return { ok: true, header };
}
