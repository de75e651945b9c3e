import { describe, expect, it } from 'vitest';
import { evaluateHere } from '../../src/experiments/measure.ts';
import { BudgetSearch, halton } from '../../src/experiments/optimise.ts';
import { runExperiment } from '../../src/experiments/run.ts';
import { optimiseSchema } from '../../src/scenario/experimentSchema.ts';
import { toEngine } from '../../src/scenario/schema.ts';
import { smallFile } from './helpers.ts';

describe('the budget search', () => {
  it('finds the known best mix of a concave objective under a binding budget, despite noise', () => {
    // Three levers on 0–10; spend 100 per unit, budget 1000 → x1 + x2 + x3 ≤ 10. Objective
    // 3 ln(1 + x1) + 2 ln(1 + x2): lever 3 is money for nothing. Optimum (Lagrange): x = (6.2, 3.8, 0).
    const e = optimiseSchema.parse({
      kind: 'optimise',
      id: 'known',
      objective: 'profit',
      monthlyBudget: 1000,
      replications: 6,
      evaluations: 200,
      levers: [0, 1, 2].map((k) => ({ path: `levers.x${k}.v`, min: 0, max: 10 })),
    });
    const f = (x: number[]) => 3 * Math.log1p(x[0]) + 2 * Math.log1p(x[1]);
    // The same noise for every mix in replication k: common random numbers.
    const noise = Array.from({ length: 6 }, (_, k) => Math.sin(12.9898 * (k + 1)) * 0.8);
    const search = new BudgetSearch(e, [0, 0, 0]);
    for (let batch = search.ask(); batch.length; batch = search.ask()) {
      search.tell(
        batch.map((c) => {
          const x = e.levers.map((l) => c.point[l.path]);
          const spend = 100 * (x[0] + x[1] + x[2]);
          return { values: noise.map((n) => f(x) + n), spends: noise.map(() => spend) };
        }),
      );
    }
    const best = search.best()!;
    const x = e.levers.map((l) => best.point[l.path]);
    expect(Math.abs(x[0] - 6.2)).toBeLessThan(0.5);
    expect(Math.abs(x[1] - 3.8)).toBeLessThan(0.5);
    expect(x[2]).toBeLessThan(0.3);
    expect(best.spend).toBeLessThanOrEqual(1000);
    expect(f(x)).toBeGreaterThan(0.99 * f([6.2, 3.8, 0])); // an even split (5, 5, 0) falls short of this
    // The convergence curve never goes down, and the runners-up are feasible and worse.
    const seen = search.trace.filter(Number.isFinite);
    for (let k = 1; k < seen.length; k++) expect(seen[k]).toBeGreaterThanOrEqual(seen[k - 1]);
    for (const r of search.runnersUp(3)) {
      expect(r.feasible).toBe(true);
      expect(r.objective.mean).toBeLessThanOrEqual(best.objective.mean);
    }
  });

  it('spreads its first points over the space (Halton)', () => {
    const pts = Array.from({ length: 64 }, (_, i) => halton(i + 1, 2));
    for (const [qx, qy] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ])
      expect(
        Math.abs(pts.filter(([x, y]) => Math.floor(x * 2) === qx && Math.floor(y * 2) === qy).length - 16),
      ).toBeLessThanOrEqual(1);
  });

  it('on the engine: respects the budget, and with no budget keeps every lever at its minimum', async () => {
    const levers = [
      { path: 'levers.emotion.careGestures.perYear', min: 0, max: 12 },
      { path: 'levers.emotion.community.levelPct', min: 0, max: 100 },
    ];
    // Other levers of the default world cost money too: the budget covers all lever spend.
    const base = smallFile([]);
    const spends = await evaluateHere(
      [0, 1, 2].map((k) => ({ scenario: toEngine(base), seed: '1', replication: k })),
      'profit',
    );
    const baseSpend = spends.reduce((a, m) => a + m.spend, 0) / 3;
    // The search measures on replications 0 and 1; a budget is written with two decimals.
    const baseOnTwo = (spends[0].spend + spends[1].spend) / 2;
    const atBase = Number((baseOnTwo + 0.5).toFixed(2));
    const file = smallFile([
      {
        kind: 'optimise',
        id: 'tight',
        objective: 'profit',
        monthlyBudget: Math.round(baseSpend + 1500),
        replications: 3,
        evaluations: 16,
        levers,
      },
      {
        kind: 'optimise',
        id: 'none',
        objective: 'profit',
        monthlyBudget: atBase,
        replications: 2,
        evaluations: 10,
        levers,
      },
    ]);
    const tight = await runExperiment(file, file.experiments[0], evaluateHere);
    if (tight.result?.kind !== 'optimise' || !tight.result.best) throw new Error('no result');
    const searched = tight.result.searched;
    expect(searched.length).toBe(16);
    expect(searched.some((s) => !s.feasible)).toBe(true); // the budget binds
    const bestSearched = searched.filter((s) => s.feasible).sort((a, b) => b.objective - a.objective)[0];
    expect(tight.result.best.point).toEqual(bestSearched.point);
    expect(bestSearched.spend).toBeLessThanOrEqual(Math.round(baseSpend + 1500));

    const none = await runExperiment(file, file.experiments[1], evaluateHere);
    if (none.result?.kind !== 'optimise' || !none.result.best) throw new Error('no result');
    expect(none.result.best.point).toEqual({
      'levers.emotion.careGestures.perYear': 0,
      'levers.emotion.community.levelPct': 0,
    });
    // Only the mix that adds nothing fits: every other one spends more than half a unit a month.
    const feasible = none.result.searched.filter((h) => h.feasible);
    expect(feasible.map((h) => h.point)).toEqual([none.result.best.point]);
    expect(feasible[0].spend).toBeCloseTo(baseOnTwo, 6);
  });
});
