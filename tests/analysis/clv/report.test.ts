import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clvCsv, csvHeader, fitTransactionLog } from '../../../src/analysis/clv/report.ts';

const cdnow = readFileSync('scenarios/data/cdnow/cdnow_sample_elog.csv', 'utf8');
const opts = { annualDiscountRatePct: 10, marginPct: 30, clvWeeks: 52 };

describe('the fit report', () => {
  it('gives the published CDNOW fit with every diagnostic and a CLV for each customer', () => {
    const r = fitTransactionLog(cdnow, { ...opts, calibrationEnd: '1997-09-30' });
    if (!r.ok) throw new Error(r.error);
    const { report } = r;
    expect(report.customers).toBe(2357);
    expect(report.bg.params.r).toBeCloseTo(0.2426, 3);
    expect(report.gg?.params.p).toBeCloseTo(6.2489, 2);
    expect(report.histogram.reduce((a, h) => a + h.actual, 0)).toBe(2357);
    expect(report.tracking.at(-1)!.actual).toBeGreaterThan(report.tracking[0].actual);
    expect(report.calibrationWeek).toBeGreaterThan(38);
    expect(report.calibrationWeek).toBeLessThan(40);
    expect(report.clv.length).toBe(2357);
    const csv = clvCsv(report.clv).trim().split('\n');
    expect(csv[0]).toBe(
      'customer,probability_alive,expected_purchases,expected_value,clv,clv_low_90,clv_high_90',
    );
    expect(csv.length).toBe(2358);
  });

  it('explains what is wrong instead of failing', () => {
    expect(fitTransactionLog('', opts)).toEqual({ ok: false, error: 'the file is empty', zh: '文件是空的' });
    const oneDay = 'customer,date,amount\n1,2020-01-01,5\n2,2020-01-01,6\n';
    expect(fitTransactionLog(oneDay, opts)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/one day/),
    });
    const few = 'customer,date,amount\n1,2020-01-01,5\n1,2020-03-01,6\n2,2020-02-01,6\n';
    expect(fitTransactionLog(few, opts)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/only 1 customer bought before the end of calibration; at least 20/),
    });
    expect(fitTransactionLog(cdnow, { ...opts, calibrationEnd: '2001-01-01' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/must lie inside the log \(1997-01-01 – 1998-06-30\)/),
    });
    expect(csvHeader('id;day;value\n1;2;3')).toEqual(['id', 'day', 'value']);
  });
});
