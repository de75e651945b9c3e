import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerAt, gridLayout, position } from '../../src/ui/population/layout.ts';

describe('the population grid', () => {
  it('puts every customer in its own cell, found again by a click on it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 200, max: 1200 }), (size, w) => {
        const g = gridLayout(size, w, 420);
        expect(g.width).toBeLessThanOrEqual(Math.max(w, 2 * g.cols));
        for (let i = 0; i < size; i += Math.max(1, Math.floor(size / 50))) {
          const [x, y] = position(g, i);
          expect(customerAt(g, size, x, y)).toBe(i);
        }
        expect(customerAt(g, size, -1, 5)).toBe(-1);
      }),
      { seed: 7, numRuns: 60 },
    );
  });

  it('keeps ring neighbours next to each other (serpentine rows)', () => {
    const g = gridLayout(1000, 600, 400);
    for (let i = 0; i < 999; i++) {
      const [x1, y1] = position(g, i);
      const [x2, y2] = position(g, i + 1);
      expect(Math.hypot(x1 - x2, y1 - y2)).toBeCloseTo(g.cell, 6);
    }
  });
});
