/** The suite's arithmetic and plumbing: verdicts, figures read off customers, scaling, the lab. */
import { describe, expect, it } from 'vitest';
import { interval } from '../../src/analysis/stats.ts';
import { defaultScenario, series } from '../../src/engine/index.ts';
import { revenueConcentration } from '../../src/validation/checks/industries.ts';
import { formatFigure, markdownTable } from '../../src/validation/format.ts';
import { all, atMost, within } from '../../src/validation/judge.ts';
import { Lab, scaleWorld } from '../../src/validation/lab.ts';
import { arcElasticity, meanWhere, shareWhere, topShareOfBuyers } from '../../src/validation/measures.ts';
import { CHECKS } from '../../src/validation/registry.ts';
import { collect, conclude, measure, plan, status } from '../../src/validation/run.ts';

const iv = (mean: number, half: number) => ({ mean, lo: mean - half, hi: mean + half, half, n: 5 });

describe('verdicts', () => {
  it('meets a range on the estimate and is clear only when the whole interval agrees', () => {
    expect(within(iv(0.5, 0.05), 0.4, 0.6)).toEqual({ met: true, clear: true });
    expect(within(iv(0.58, 0.05), 0.4, 0.6)).toEqual({ met: true, clear: false });
    expect(within(iv(0.7, 0.05), 0.4, 0.6)).toEqual({ met: false, clear: true });
    expect(within(iv(0.62, 0.05), 0.4, 0.6)).toEqual({ met: false, clear: false });
    expect(atMost(iv(80, 1), 65)).toEqual({ met: false, clear: true });
    expect(within(iv(Number.NaN, Number.NaN), 0, 1)).toEqual({ met: false, clear: false });
  });
  it('needs every part met; one clear failure makes a clear failure', () => {
    const yes = { met: true, clear: true };
    const shaky = { met: true, clear: false };
    const no = { met: false, clear: true };
    expect(all(yes, yes)).toEqual({ met: true, clear: true });
    expect(all(yes, shaky)).toEqual({ met: true, clear: false });
    expect(all(shaky, no)).toEqual({ met: false, clear: true });
    expect(all(yes, { met: false, clear: false })).toEqual({ met: false, clear: false });
  });
  it('marks a check by the known-departure table alone', () => {
    const reason = { en: 'why', zh: '原因' };
    expect(status(true, null)).toBe('met');
    expect(status(false, reason)).toBe('departure');
    expect(status(false, null)).toBe('notMet');
    expect(status(true, reason)).toBe('resolved');
    const samples = [[0.66], [0.64], [0.65], [0.67], [0.62], [0.6], [0.66]];
    const met = conclude(
      revenueConcentration,
      samples.map((r) => Array(7).fill(r[0])),
      {},
    );
    expect(met.status).toBe('met');
    const flipped = conclude(revenueConcentration, met.samples, { 'top20-share': reason });
    expect(flipped.status).toBe('resolved');
    expect(flipped.departure).toEqual(reason);
  });
});

describe('figures read off customers', () => {
  it('averages and counts over a selection', () => {
    const v = [1, 2, 3, 4, 10];
    expect(meanWhere(v, (i) => i % 2 === 0)).toBeCloseTo((1 + 3 + 10) / 3, 12);
    expect(meanWhere(v, () => false)).toBeNaN();
    expect(
      shareWhere(
        5,
        (i) => i > 0,
        (i) => v[i] > 2,
      ),
    ).toBe(3 / 4);
  });
  it('measures the top 20 % share among buyers only', () => {
    const revenue = [0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    // ten buyers: the top two hold 19 of 55
    expect(topShareOfBuyers(revenue, 0.2)).toBeCloseTo(19 / 55, 12);
    expect(topShareOfBuyers(new Array(50).fill(3), 0.2)).toBeCloseTo(0.2, 12);
  });
  it('gives the exponent of a power law as its arc elasticity', () => {
    expect(arcElasticity(2 ** 3, 2.2 ** 3, 2, 2.2)).toBeCloseTo(3, 12);
    expect(arcElasticity(5, 5.05, 1, 1.01)).toBeCloseTo(1, 12);
  });
  it('formats a figure with its interval', () => {
    expect(formatFigure(interval([0.5, 0.52, 0.54]), 'ratio')).toMatch(/^0\.52 \[0\.\d\d, 0\.\d\d\]$/);
    expect(formatFigure(interval([-0.02]), 'change')).toBe('−2.0 %');
  });
});

describe('scaling a world', () => {
  it('keeps per-person rates: money and staff that are absolute per month follow the market', () => {
    const s = defaultScenario();
    s.levers.empowerment.surpriseFundPerMonth = 1000;
    const half = scaleWorld(s, s.population.marketSize / 2);
    expect(half.population.marketSize).toBe(10_000);
    expect(half.market.acquisitionSpendPerMonth / half.market.costPerLead / 10_000).toBeCloseTo(
      s.market.acquisitionSpendPerMonth / s.market.costPerLead / 20_000,
      12,
    );
    expect(half.economics.fixedCostsPerMonth).toBe(s.economics.fixedCostsPerMonth / 2);
    expect(half.staff.headcount).toBe(Math.round(s.staff.headcount / 2));
    expect(half.levers.personalisation.cost.fixedPerMonth).toBe(
      s.levers.personalisation.cost.fixedPerMonth / 2,
    );
    expect(half.levers.empowerment.surpriseFundPerMonth).toBe(500);
    expect(s.population.marketSize).toBe(20_000); // the original is untouched
    expect(scaleWorld(s, 20_000)).toEqual(s);
  });
  it('gives a world whose customers behave alike at half the size', () => {
    const s = defaultScenario();
    s.horizonMonths = 12;
    const lab = new Lab(() => s);
    const share = (people: number) => {
      const sim = lab.run(lab.world('any', people, 12), 'scale', 0);
      return series(sim.metrics, 12, 'active')[11] / people;
    };
    expect(share(4_000) / share(8_000)).toBeGreaterThan(0.9);
    expect(share(4_000) / share(8_000)).toBeLessThan(1.1);
  });
});

describe('the lab', () => {
  it('watches every month of a run and computes shared results once', () => {
    const lab = new Lab(() => defaultScenario());
    const seen: number[] = [];
    const sim = lab.run(lab.world('x', 500, 5), 's', 0, {
      before: (s) => seen.push(s.t),
      after: (s) => seen.push(-s.t),
    });
    expect(seen).toEqual([0, -1, 1, -2, 2, -3, 3, -4, 4, -5]);
    expect(sim.done).toBe(true);
    expect(lab.runs).toBe(1);
    let calls = 0;
    const f = () => lab.shared('k', () => ++calls);
    expect([f(), f()]).toEqual([1, 1]);
  });
});

describe('the registry', () => {
  it('gives every check a unique id, both languages and a Markdown row', () => {
    expect(new Set(CHECKS.map((c) => c.id)).size).toBe(CHECKS.length);
    for (const c of CHECKS) {
      for (const t of [
        c.title,
        c.published,
        c.accepted,
        c.source,
        c.design.text,
        ...c.figures.map((f) => f.label),
      ]) {
        expect(t.en.trim().length).toBeGreaterThan(0);
        expect(t.zh.trim().length).toBeGreaterThan(0);
      }
      expect(c.design.worlds.length).toBeGreaterThan(0);
    }
    const fake = conclude(CHECKS[0], [[0.5], [0.52]], {});
    const md = markdownTable([fake]).split('\n');
    expect(md).toHaveLength(3);
    expect(md[2]).toContain('Lewis 2006');
    expect(md[2].split(' | ')).toHaveLength(6);
  });
});

describe('planning a run', () => {
  const fake = (id: string, group: string, replications: number) => ({
    ...CHECKS[0],
    id,
    group,
    design: { ...CHECKS[0].design, replications },
    figures: [CHECKS[0].figures[0]],
    judge: () => ({ met: true, clear: true }),
  });
  const checks = [fake('a', 'g', 2), fake('b', 'g', 3), fake('c', 'h', 1)];
  it('makes one task per replication and group', () => {
    expect(plan(checks)).toEqual([
      { k: 0, ids: ['a', 'b'] },
      { k: 0, ids: ['c'] },
      { k: 1, ids: ['a', 'b'] },
      { k: 2, ids: ['b'] },
    ]);
    expect(plan(checks, () => 1)).toEqual([
      { k: 0, ids: ['a', 'b'] },
      { k: 0, ids: ['c'] },
    ]);
  });
  it('places every output by its replication, whatever order the tasks finished in', () => {
    const tasks = plan(checks);
    const outputs = tasks.map((t) =>
      Object.fromEntries(t.ids.map((id) => [id, [10 * t.k + id.charCodeAt(0)]])),
    );
    const order = [3, 1, 0, 2];
    const shuffled = collect(
      checks,
      order.map((i) => tasks[i]),
      order.map((i) => outputs[i]),
      {},
    );
    expect(shuffled.map((r) => r.samples)).toEqual([[[97], [107]], [[98], [108], [118]], [[99]]]);
    expect(shuffled[1].intervals[0].mean).toBeCloseTo(108, 12);
  });
  it('measures one check over its replications, each with its own k', () => {
    const r = measure({ ...fake('d', 'g', 5), sample: (_lab, k) => [k] }, () => defaultScenario());
    expect(r.samples).toEqual([[0], [1], [2], [3], [4]]);
    expect(r.intervals[0].mean).toBe(2);
    expect(
      measure({ ...fake('d', 'g', 5), sample: (_lab, k) => [k] }, () => defaultScenario(), 2).replications,
    ).toBe(2);
  });
});
