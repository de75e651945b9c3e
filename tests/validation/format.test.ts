import { describe, expect, it } from 'vitest';
import { figureLines } from '../../src/validation/format.ts';

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
