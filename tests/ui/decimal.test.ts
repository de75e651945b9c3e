import { describe, expect, it } from 'vitest';
import { readDecimal } from '../../src/ui/decimal.ts';

const value = (s: string) => {
  const r = readDecimal(s);
  return r.ok ? r.value : null;
};

describe('numbers as people type them', () => {
  it('reads a comma, the ideographic full stop and full-width digits as decimal marks', () => {
    expect(value('1,5')).toBe(1.5);
    expect(value('1。5')).toBe(1.5);
    expect(value('１．５')).toBe(1.5);
    expect(value('１，５')).toBe(1.5);
    expect(value('0,500')).toBe(0.5);
    expect(value('−0,25')).toBe(-0.25);
    expect(value('１２０')).toBe(120);
  });

  it('reads thousands grouped by commas, points or spaces when the grouping says so', () => {
    expect(value('5,000,000')).toBe(5_000_000);
    expect(value('5 000 000')).toBe(5_000_000);
    expect(value('1,234.5')).toBe(1234.5);
    expect(value('1.234,5')).toBe(1234.5);
  });

  it('refuses what could be read two ways, saying both readings, in both languages', () => {
    const r = readDecimal('1,500');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message.en).toContain('1500 or 1.500');
    expect(r.message.zh).toContain('1500');
  });

  it('refuses what is not a number', () => {
    for (const s of ['abc', '1,2,3', '1..5', '3 0', '', '1e5']) expect(readDecimal(s).ok).toBe(false);
  });
});
