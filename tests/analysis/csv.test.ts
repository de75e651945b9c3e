import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, csvNumber, metricCsvValue, metricScale } from '../../src/analysis/csv.ts';

describe('CSV cells for people', () => {
  it('rounds to six significant digits, keeps every whole digit, and leaves an undefined figure empty', () => {
    expect(csvNumber(0.948213456789)).toBe('0.948213');
    expect(csvNumber(1234567.891)).toBe('1234568');
    expect(csvNumber(57.81234567)).toBe('57.8123');
    expect(csvNumber(-0.000123456789)).toBe('-0.000123457');
    expect(csvNumber(0)).toBe('0');
    expect(csvNumber(Number.NaN)).toBe('');
    expect(csvNumber(12.3456, 2)).toBe('12.35');
    expect(csvNumber(-0.001, 2)).toBe('0');
  });

  it('writes a share as a percentage with two decimals and money to the cent', () => {
    expect(metricScale('renewal12')).toBe('share');
    expect(metricCsvValue('renewal12', 0.578123456)).toBe('57.81');
    expect(metricScale('cost.points')).toBe('money');
    expect(metricCsvValue('profit', 12345.678901)).toBe('12345.68');
    expect(metricCsvValue('satisfaction', 0.71234567)).toBe('0.712346');
    expect(metricCsvValue('active', 3021)).toBe('3021');
  });

  it('quotes text (quotes doubled), leaves numbers bare, and starts the file with a BOM', () => {
    expect(csvField('Plan, "big"')).toBe('"Plan, ""big"""');
    expect(csvField(2.5)).toBe('2.5');
    expect(csvDocument(['方案', 'a,b'], [['"x"', '1']])).toBe('\uFEFF"方案","a,b"\n"x",1\n');
  });
});
