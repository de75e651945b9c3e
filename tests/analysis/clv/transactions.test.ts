import { describe, expect, it } from 'vitest';
import { dayToIso, parseDay, parseTransactionsCsv } from '../../../src/analysis/clv/transactions.ts';

describe('transaction logs from CSV', () => {
  it('finds columns by common names and reads common date formats', () => {
    const r = parseTransactionsCsv(
      'ID;Day;Value\n"a";2024-03-01;10\nb;2024/03/02;"1,200.50"\na;20240305;5\n',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.columns).toEqual({ customer: 'ID', date: 'Day', amount: 'Value' });
    expect(Array.from(r.log.day, dayToIso)).toEqual(['2024-03-01', '2024-03-02', '2024-03-05']);
    expect(Array.from(r.log.amount)).toEqual([10, 1200.5, 5]);
    expect(r.log.customers).toEqual(['a', 'b']);
  });

  it('tells d/m/y from m/d/y by the data, or as told', () => {
    expect(dayToIso(parseDay('13/02/2024', 'dmy')!)).toBe('2024-02-13');
    expect(dayToIso(parseDay('02/13/2024', 'mdy')!)).toBe('2024-02-13');
    const r = parseTransactionsCsv('customer,date,amount\na,25/12/2023,1\nb,01/02/2024,2\n');
    expect(r.ok && Array.from(r.log.day, dayToIso)).toEqual(['2023-12-25', '2024-02-01']);
    expect(parseDay('2023-02-31', 'ymd')).toBeNull();
  });

  it('uses the columns the user chose, and names what it could not find', () => {
    const text = 'who,when,how_much\na,2024-01-01,1\n';
    expect(parseTransactionsCsv(text).ok).toBe(false);
    const r = parseTransactionsCsv(text);
    expect(!r.ok && r.error).toBe(
      'cannot find the customer, date, amount columns (looked for customer/customer_id/customerid/id/client/client_id/user_id/member_id; date/day/order_date/purchase_date/timestamp/time/datetime; amount/dollars/value/revenue/sales/spend/total/price); the header has: "who", "when", "how_much"',
    );
    const chosen = parseTransactionsCsv(text, { customer: 'who', date: 'when', amount: 'how_much' });
    expect(chosen.ok).toBe(true);
    const wrong = parseTransactionsCsv(text, { customer: 'client', date: 'when', amount: 'how_much' });
    expect(!wrong.ok && wrong.error).toMatch(/cannot find the customer column \(asked for "client"\)/);
  });

  it('skips bad rows with their line numbers and says how many', () => {
    const r = parseTransactionsCsv(
      'customer,date,amount\na,2024-01-01,10\nb,yesterday,5\nc,2024-01-02,-3\n,2024-01-02,1\nd,2024-01-03\ne,2024-01-04,ten\n',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows).toBe(1);
    expect(r.skippedCount).toBe(5);
    expect(r.skipped).toMatchObject([
      { line: 3, kind: 'date', reason: 'unreadable date "yesterday"', zh: '日期无法识别 "yesterday"' },
      { line: 4, kind: 'refund', reason: 'refund (negative amount) -3' },
      { line: 5, kind: 'customer', reason: 'no customer id' },
      { line: 6, kind: 'fields', reason: 'too few fields (2 < 3)' },
      { line: 7, kind: 'amount', reason: 'unreadable amount "ten"' },
    ]);
    expect(r.skippedByKind).toEqual({ fields: 1, customer: 1, date: 1, amount: 1, refund: 1, duplicate: 0 });
    // c's only row was a refund
    expect(r.refundOnlyCustomers).toBe(1);
  });

  it('says an empty file or one with no usable row is unusable', () => {
    expect(parseTransactionsCsv('')).toEqual({ ok: false, error: 'the file is empty', zh: '文件是空的' });
    const r = parseTransactionsCsv('customer,date,amount\na,never,1\nb,2024-01-01,free\n');
    expect(!r.ok && r.error).toBe('no usable rows: all 2 were skipped, e.g. line 2: unreadable date "never"');
    expect(!r.ok && r.zh).toBe('没有可用的行：全部 2 行被跳过，例如第 2 行：日期无法识别 "never"');
  });

  it('reads a 10 MB log completely', () => {
    const lines = ['customer_id,date,dollars'];
    let k = 0;
    while (lines.length < 450_000) {
      lines.push(
        `c${k % 50_000},2024-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')},${(k % 997) / 10}`,
      );
      k++;
    }
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(10_000_000);
    const r = parseTransactionsCsv(text);
    expect(r.ok && r.rows).toBe(449_999);
    expect(r.ok && r.log.customers.length).toBe(50_000);
  });
});
