/** Logs as they come: each dirty form is read correctly or reported with its line number. */
import { describe, expect, it } from 'vitest';
import { fitTransactionLog } from '../../../src/analysis/clv/report.ts';
import {
  dayToIso,
  parseAmount,
  parseDay,
  parseTransactionsCsv,
  TransactionReader,
} from '../../../src/analysis/clv/transactions.ts';

const read = (text: string, choice = {}) => {
  const r = parseTransactionsCsv(text, choice);
  if (!r.ok) throw new Error(r.error);
  return r;
};
const days = (r: ReturnType<typeof read>) => Array.from(r.log.day, dayToIso);

describe('dirty logs', () => {
  it('reads currency signs, codes and thousands separators in amounts', () => {
    const r = read(
      'customer,date,amount\na,2024-03-01,"$1,234.50"\nb,2024-03-01,€ 12.00\nc,2024-03-01,"¥1,200"\nd,2024-03-01,12.5 USD\ne,2024-03-01,"1 050.25"\nf,2024-03-01,1\'000.75\n',
    );
    expect(Array.from(r.log.amount)).toEqual([1234.5, 12, 1200, 12.5, 1050.25, 1000.75]);
    expect(r.decimalMark).toBe('.');
  });

  it('reads a semicolon file with decimal commas and dotted thousands', () => {
    const r = read('Kunde;Datum;Betrag\nk1;05.03.2024;1.234,50\nk2;06.03.2024;12,5\nk3;07.03.2024;7\n', {
      customer: 'Kunde',
      date: 'Datum',
      amount: 'Betrag',
    });
    expect(r.decimalMark).toBe(',');
    expect(Array.from(r.log.amount)).toEqual([1234.5, 12.5, 7]);
    expect(days(r)).toEqual(['2024-03-05', '2024-03-06', '2024-03-07']);
  });

  it('takes the calendar day of dates with times and time zones, as written', () => {
    for (const [s, want] of [
      ['2024-03-05T23:30:00+08:00', '2024-03-05'],
      ['2024-03-05T23:30:00.123Z', '2024-03-05'],
      ['2024-03-05 07:05:09 -0500', '2024-03-05'],
      ['2024-03-05 10:00 UTC', '2024-03-05'],
      ['2024/3/5 9:15', '2024-03-05'],
    ] as const)
      expect(dayToIso(parseDay(s, 'ymd')!)).toBe(want);
    expect(dayToIso(parseDay('3/5/2024 10:30 PM', 'mdy')!)).toBe('2024-03-05');
    expect(dayToIso(parseDay('05.03.24 14:00', 'dmy')!)).toBe('2024-03-05');
    expect(parseDay('2024-03-05T25', 'ymd')).toBeNull();
  });

  it('reads Excel serial dates (days since 1899-12-30), with or without a time fraction', () => {
    const r = read('customer,date,amount\na,45356,1\nb,45356.75,2\nc,45357,3\n');
    expect(days(r)).toEqual(['2024-03-05', '2024-03-05', '2024-03-06']);
    // An eight-digit number is YYYYMMDD, not a serial.
    expect(dayToIso(parseDay('20240305', 'ymd')!)).toBe('2024-03-05');
  });

  it("reads a BOM, CRLF line ends, quoted fields and Excel's sep= line", () => {
    const r = read(
      '\uFEFFsep=;\r\n"customer";"date";"amount"\r\n"a";"2024-03-01";"10,00"\r\nb;2024-03-02;5\r\n',
    );
    expect(r.columns).toEqual({ customer: 'customer', date: 'date', amount: 'amount' });
    expect(r.log.customers).toEqual(['a', 'b']);
    expect(Array.from(r.log.amount)).toEqual([10, 5]);
  });

  it('counts exact duplicate rows with their lines, keeps them by default, drops them when asked', () => {
    const text =
      'customer,date,amount,item\na,2024-03-01,5,cd\nb,2024-03-01,5,cd\na,2024-03-01,5,cd\na,2024-03-01,5,dvd\na,2024-03-02,5,cd\n';
    const kept = read(text);
    expect(kept.rows).toBe(5);
    expect(kept.duplicates).toEqual({ count: 1, lines: [{ line: 4, of: 2 }], dropped: false });
    const dropped = read(text, { dropDuplicates: true });
    expect(dropped.rows).toBe(4);
    expect(dropped.skippedByKind.duplicate).toBe(1);
    expect(dropped.skipped).toMatchObject([
      { line: 4, kind: 'duplicate', reason: 'duplicate of an earlier row (line 2)' },
    ]);
  });

  it('skips refunds, in any notation, and counts customers who only refunded', () => {
    const r = read(
      'customer,date,amount\na,2024-03-01,10\na,2024-03-02,-4\nb,2024-03-02,(3.00)\nb,2024-03-03,3.00-\nc,2024-03-04,2\n',
    );
    expect(r.rows).toBe(2);
    expect(r.skippedByKind.refund).toBe(3);
    expect(r.refundOnlyCustomers).toBe(1);
    expect(r.skipped.map((b) => b.line)).toEqual([3, 4, 5]);
    expect(parseAmount('(1,234.00)', '.')).toBe(-1234);
  });

  it('gives the same result however the file is cut into chunks', () => {
    const text =
      '\uFEFFcustomer;date;amount\r\n' +
      Array.from(
        { length: 3000 },
        (_, k) =>
          `c${k % 97};${String(1 + (k % 28)).padStart(2, '0')}.0${1 + (k % 9)}.2023;${k % 50},${k % 10}0`,
      ).join('\r\n') +
      '\r\nbad;line\r\n';
    const whole = read(text);
    for (const size of [1, 7, 1000, 4096]) {
      const r = new TransactionReader();
      for (let k = 0; k < text.length; k += size) r.push(text.slice(k, k + size));
      const chunked = r.end();
      if (!chunked.ok) throw new Error(chunked.error);
      expect(chunked.rows).toBe(whole.rows);
      expect(Array.from(chunked.log.day)).toEqual(Array.from(whole.log.day));
      expect(Array.from(chunked.log.amount)).toEqual(Array.from(whole.log.amount));
      expect(chunked.skipped).toEqual(whole.skipped);
    }
    expect(whole.rows).toBe(3000);
    expect(whole.decimalMark).toBe(',');
    expect(whole.skipped).toMatchObject([{ line: 3002, kind: 'fields' }]);
  });
});

describe('files that cannot be used say why, in both languages', () => {
  const bad = (text: string) => {
    const r = parseTransactionsCsv(text);
    if (r.ok) throw new Error('expected a failure');
    expect(r.zh.length).toBeGreaterThan(3);
    return r.error;
  };

  it('an image, a zip, an empty file, one column, a date column without dates', () => {
    const png = '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0001\u0000';
    expect(bad(png)).toMatch(/not a text file/);
    expect(bad('PK\u0003\u0004\u0014\u0000\u0006\u0000\b\u0000\u0000\u0000!\u0000')).toMatch(
      /not a text file/,
    );
    expect(bad('')).toBe('the file is empty');
    expect(bad('\uFEFF\r\n')).toMatch(/empty|single column/);
    expect(bad('customer\na\nb\n')).toMatch(/single column \("customer"\)/);
    expect(bad('customer,date,amount\na,soon,1\nb,later,2\n')).toBe(
      'the date column "date" holds no dates I can read (e.g. line 2: unreadable date "soon"); choose the date column, or save dates as YYYY-MM-DD',
    );
  });

  it('a calibration end outside the log', () => {
    const text = `customer,date,amount\n${Array.from({ length: 40 }, (_, k) => `c${k},2024-0${1 + (k % 6)}-01,5`).join('\n')}\n`;
    const r = fitTransactionLog(text, {
      calibrationEnd: '2030-01-01',
      annualDiscountRatePct: 10,
      marginPct: 30,
      clvWeeks: 52,
    });
    expect(r).toMatchObject({
      ok: false,
      error: 'the end of calibration must lie inside the log (2024-01-01 – 2024-06-01)',
      zh: '校准期结束日须在记录的时间范围内（2024-01-01 – 2024-06-01）',
    });
  });
});
