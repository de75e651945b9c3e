import { describe, expect, it } from 'vitest';
import { diskWorlds, parseValidateArgs } from '../../src/cli/validate.ts';
import { CHECKS, checkById, markdownTable, validate } from '../../src/validation/index.ts';
import { libraryWorlds } from './worlds.ts';

describe('npm run validate', () => {
  it('reads its options, and explains bad ones', () => {
    expect(parseValidateArgs([])).toMatchObject({
      markdown: false,
      lang: 'en',
      reps: undefined,
      checks: CHECKS,
    });
    const o = parseValidateArgs([
      '--markdown',
      '--lang',
      'zh',
      '--reps',
      '3',
      '--only',
      'baseline-nps, discount-clv',
    ]);
    expect(o).toMatchObject({ markdown: true, lang: 'zh', reps: 3 });
    expect(o.checks.map((c) => c.id)).toEqual(['baseline-nps', 'discount-clv']);
    expect(() => parseValidateArgs(['--only', 'nps'])).toThrow(/no validation check "nps"/);
    expect(() => parseValidateArgs(['--lang', 'fr'])).toThrow(/--lang must be en or zh/);
    expect(() => parseValidateArgs(['--reps', '1'])).toThrow(/--reps must be a whole number between 2/);
  });
  it('reads the worlds from disk as the app reads them from its library', () => {
    for (const id of ['baselines/hotel', 'plans/three-dimension-balanced'])
      expect(diskWorlds(id)).toEqual(libraryWorlds(id));
  });
  it('prints a Markdown table with one row per check', () => {
    const results = validate([checkById('strong-plan-nps')], diskWorlds, { reps: 2 });
    const lines = markdownTable(results).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      '| check | published figure | accepted | source | model [95 % interval] | verdict |',
    );
    expect(lines[2]).toMatch(
      /^\| NPS of a strong plan \| .* \| NPS ≤ \+65 \| Temkin Group 2017\/2018 \| NPS, last 3 months: [+−]\d+\.\d \[/,
    );
    expect(markdownTable(results, 'zh').split('\n')[2]).toContain('强力方案的NPS');
  });
});
