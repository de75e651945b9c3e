import { describe, expect, it } from 'vitest';
import { fieldMeta, getAt, setAt } from '../../src/scenario/fields.ts';

describe('field metadata for the editor', () => {
  it('reads ranges and units from the schema', () => {
    expect(fieldMeta(['levers', 'value', 'discount', 'depthPct'])).toMatchObject({
      minimum: 0,
      maximum: 90,
      unit: '%',
      integer: false,
    });
    expect(fieldMeta(['horizonMonths'])).toMatchObject({
      minimum: 1,
      maximum: 120,
      unit: 'months',
      integer: true,
    });
    expect(fieldMeta(['levers', 'emotion', 'careGestures', 'cost', 'perEvent'])).toMatchObject({
      minimum: 0,
      unit: 'money',
    });
  });
  it('sets a value at a path without touching the original', () => {
    const a = { levers: { value: { discount: { depthPct: 0 } } }, other: [1] };
    const b = setAt(a, ['levers', 'value', 'discount', 'depthPct'], 20);
    expect(getAt(b, ['levers', 'value', 'discount', 'depthPct'])).toBe(20);
    expect(a.levers.value.discount.depthPct).toBe(0);
    expect(b.other).toBe(a.other);
  });
});
