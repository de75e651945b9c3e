import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/scenario/errors.ts';
import { parseScenarioText } from '../../src/scenario/importer.ts';

const problems = (text: string) => {
  const r = parseScenarioText(text);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('errors people understand', () => {
  it('says what is wrong and where, with the range and unit, in English and Chinese', () => {
    const [p] = problems('{"schemaVersion":2,"levers":{"value":{"discount":{"depthPct":120}}}}');
    expect(formatProblem(p, 'en')).toBe(
      'levers.value.discount.depthPct: must be between 0 and 90 (%), got 120',
    );
    expect(formatProblem(p, 'zh')).toBe('levers.value.discount.depthPct: 应在 0 到 90 之间（%），实际为 120');
  });

  it('lists every problem at once, unknown fields included', () => {
    const ps = problems(
      JSON.stringify({
        schemaVersion: 2,
        horizonMonths: 500,
        colour: 'red',
        staff: { headcount: 'many' },
        levers: { value: { discount: { target: 'everyone' } } },
      }),
    );
    expect(ps.map((p) => p.path).sort()).toEqual(
      ['colour', 'horizonMonths', 'levers.value.discount.target', 'staff.headcount'].sort(),
    );
    expect(ps.find((p) => p.path === 'colour')!.en).toMatch(/not a field/);
    expect(ps.find((p) => p.path === 'staff.headcount')!.en).toBe('must be a number (staff), got "many"');
    for (const p of ps) expect(p.zh.length).toBeGreaterThan(0);
  });

  it('points at the line and column of a JSON syntax error', () => {
    const [p] = problems('{\n  "schemaVersion": 2,\n  "name": "x",\n}');
    expect(p.en).toMatch(/^not valid JSON \(line 4, column 1\)/);
    expect(p.zh).toMatch(/^不是有效的 JSON（第 4 行，第 1 列）：/);
  });

  it('says the line and column in its own words and leaves out the parser’s message, which says them again', () => {
    const text = '{\n  "schemaVersion": 2,\n  "name": "x",\n}';
    let raw = '';
    try {
      JSON.parse(text);
    } catch (e) {
      raw = (e as Error).message;
    }
    expect(raw).toMatch(/position/);
    const [p] = problems(text);
    expect(p.en).toBe(
      'not valid JSON (line 4, column 1): a property name is missing or not in double quotes',
    );
    expect(p.en).not.toContain(raw);
    expect(p.en).not.toMatch(/position|Expected/);
  });

  it('says in Chinese what is wrong with broken JSON, not the parser’s English message', () => {
    const whole = JSON.stringify({ schemaVersion: 2, name: 'a scenario', horizonMonths: 24 }, null, 1);
    for (const text of [
      whole.slice(0, whole.length - 9),
      '{"name": "x",}',
      '{"name": "x"} trailing',
      '{name: 1}',
    ]) {
      const [p] = problems(text);
      expect(p.en, text).toMatch(/^not valid JSON/);
      expect(p.zh, text).toMatch(/^不是有效的 JSON/);
      // Nothing of the parser's English message is left in the Chinese one.
      expect(p.zh.replaceAll('JSON', ''), text).not.toMatch(/[A-Za-z]{3,}/);
    }
    expect(problems(whole.slice(0, 30))[0].zh).toContain('截断');
  });

  it('calls a file cut off after a comma cut off, not a missing property name', () => {
    const whole = JSON.stringify({ schemaVersion: 2, name: 'a scenario', horizonMonths: 24 }, null, 2);
    const cut = whole.slice(0, whole.indexOf('"horizonMonths"'));
    expect(cut.trimEnd().endsWith(',')).toBe(true);
    const [p] = problems(cut);
    expect(p.en).toMatch(/the text ends too early; the file may have been cut off/);
    expect(p.zh).toContain('截断');
    // A property name really missing inside the text is still called that.
    expect(problems('{"name": "x", }  \n')[0].en).toMatch(/property name is missing/);
  });

  it('explains segment shares, schedules after the horizon, and newer formats', () => {
    const seg = problems(
      JSON.stringify({
        schemaVersion: 2,
        horizonMonths: 12,
        levers: { emotion: { careGestures: { schedule: [{ from: 20, to: 24 }] } } },
      }),
    );
    expect(formatProblem(seg[0], 'en')).toBe(
      'levers.emotion.careGestures.schedule.0.from: starts in month 20, after the horizon (12 months)',
    );
    const newer = problems('{"schemaVersion": 7}');
    expect(newer[0].en).toMatch(/newer Loyalty Lab \(format 7\)/);
    expect(problems('')[0].en).toBe('the file is empty');
  });
});
