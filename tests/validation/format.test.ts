import { describe, expect, it } from 'vitest';
import { figureLines, rows } from '../../src/validation/format.ts';
import { CHECKS, type CheckResult, KNOWN_DEPARTURES } from '../../src/validation/index.ts';

describe('a check’s figures on the page', () => {
  it('says a quantity shared by every figure once, with each world and its value', () => {
    const f = figureLines(
      ['Hot-pot: spread − strongest (points)', 'Gym: spread − strongest (points)'],
      ['−1.6 [−2.0, −1.3]', '+0.4 [0.1, 0.7]'],
    );
    expect(f.quantity).toBe('spread − strongest (points)');
    expect(f.lines).toEqual([
      { label: 'Hot-pot', value: '−1.6 [−2.0, −1.3]' },
      { label: 'Gym', value: '+0.4 [0.1, 0.7]' },
    ]);
    expect(figureLines(['火锅：分散方案', '健身：分散方案'], ['a', 'b']).quantity).toBe('分散方案');
  });

  it('keeps whole labels when the figures measure different things', () => {
    const f = figureLines(['NPS: change', 'Referrals: share'], ['1', '2']);
    expect(f.quantity).toBeNull();
    expect(f.lines[0]).toEqual({ label: 'NPS: change', value: '1' });
    expect(figureLines(['retention: x'], ['1']).quantity).toBeNull();
  });
});

describe('what the Validation tab says of a check', () => {
  it('names its sources so a user can follow them: no issue numbers or file paths', () => {
    for (const c of CHECKS)
      for (const lang of ['en', 'zh'] as const)
        for (const text of [c.title, c.published, c.accepted, c.source].map((x) => x[lang]))
          expect(text, c.id).not.toMatch(/issue \d|议题|\.(md|ts)\b|§/i);
    for (const [id, reason] of Object.entries(KNOWN_DEPARTURES))
      for (const lang of ['en', 'zh'] as const)
        expect(reason[lang], id).not.toMatch(/issue \d|议题|\.(md|ts)\b|§/i);
  });

  it('says a verdict within the noise as a sentence of its own after the departure’s reason', () => {
    const check = CHECKS.find((c) => KNOWN_DEPARTURES[c.id])!;
    const result: CheckResult = {
      check,
      replications: 2,
      samples: [],
      intervals: check.figures.map(
        () => ({ mean: 1, lo: 0, hi: 2, half: 1 }) as CheckResult['intervals'][number],
      ),
      verdict: { met: false, clear: false },
      departure: KNOWN_DEPARTURES[check.id],
      status: 'departure',
    };
    const [en] = rows([result], 'en');
    expect(en.notes).toEqual([
      KNOWN_DEPARTURES[check.id].en,
      'Not clear of the noise: run more replications.',
    ]);
    expect(en.note).toBe(`${KNOWN_DEPARTURES[check.id].en} Not clear of the noise: run more replications.`);
    const [zh] = rows([result], 'zh');
    expect(zh.notes).toEqual([KNOWN_DEPARTURES[check.id].zh, '尚未超出噪声：需要更多重复。']);
    expect(rows([{ ...result, verdict: { met: false, clear: true } }], 'en')[0].notes).toEqual([
      KNOWN_DEPARTURES[check.id].en,
    ]);
  });
});
