import { describe, expect, it } from 'vitest';
import { calibrate, evaluateFiguresHere } from '../../src/calibration/calibrate.ts';
import { CALIBRATION_MONTHS, figuresOf } from '../../src/calibration/figures.ts';
import { freeParameters, type ParameterId } from '../../src/calibration/parameters.ts';
import { boxLevenbergMarquardt } from '../../src/calibration/search.ts';
import { cautions, type FigureId, parseTargets, type Target } from '../../src/calibration/targets.ts';
import { describeCalibration } from '../../src/cli/calibrate.ts';
import { series, simulate } from '../../src/engine/index.ts';
import { parseScenarioObject } from '../../src/scenario/importer.ts';
import { toEngine } from '../../src/scenario/schema.ts';
import { modelFigures, smallBaseline, targetsOf, truthWorld } from './helpers.ts';

const problemsOf = (input: unknown) => {
  const r = parseTargets(input);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('targets: bad input is refused before any run, in both languages, naming the fields', () => {
  it('retention 95 % with churn 60 % and three visits a year', () => {
    const ps = problemsOf({
      figures: {
        retention12Pct: { value: 95 },
        churn12Pct: { value: 60 },
        visitsPerCustomerMonth: { value: 0.25 },
      },
    });
    const sum = ps.find((p) => p.path === 'figures.retention12Pct.value' && p.en.includes('add up'));
    expect(sum?.en).toContain('figures.churn12Pct.value');
    expect(sum?.zh).toContain('figures.churn12Pct.value');
    const rare = ps.find((p) => p.en.includes('visits a year'));
    expect(rare?.en).toContain('figures.visitsPerCustomerMonth.value');
    expect(rare?.zh).toMatch(/到访/);
  });

  it('retention and churn that agree only at the edges of their tolerances are fitted, with a caution saying where', () => {
    const cautioned = (ret: [number, number], churn: [number, number]) => {
      const r = parseTargets({
        figures: {
          retention12Pct: { value: ret[0], tolerance: ret[1] },
          churn12Pct: { value: churn[0], tolerance: churn[1] },
        },
      });
      if (!r.ok) throw new Error(r.problems.map((p) => p.en).join('; '));
      return cautions(r.targets);
    };
    const [edge] = cautioned([60, 5], [50, 5]);
    expect(edge.path).toBe('figures.retention12Pct.value');
    expect(edge.en).toContain('only with retention 55 % and churn 45 %');
    expect(edge.en).toContain('figures.churn12Pct.value');
    expect(edge.zh).toContain('留存率 55%、流失率 45%');
    // A narrow band, not a point: retention 57–63 and 46–58 overlap in 57–58.
    expect(cautioned([60, 3], [48, 6])[0].en).toContain('retention 57–58 % and churn 42–43 %');
    // One of the figures met as given (the gap is within one tolerance): nothing to say.
    expect(cautioned([60, 5], [45, 5])).toEqual([]);
    expect(cautioned([60, 5], [38, 5])).toEqual([]);
    expect(cautioned([60, 3], [46, 6])).toEqual([]);
    // Past both tolerances it is a contradiction, refused, not a caution.
    expect(parseTargets({ figures: { retention12Pct: { value: 60 }, churn12Pct: { value: 51 } } }).ok).toBe(
      false,
    );
    expect(
      cautions([
        { id: 'retention12Pct', value: 60, tolerance: 5 },
        { id: 'churn12Pct', value: 51, tolerance: 5 },
      ]),
    ).toEqual([]);
  });

  it('values out of range, unknown figures, a market smaller than the customers, complaints above visits', () => {
    const ps = problemsOf({
      figures: {
        retention12Pct: { value: 120 },
        npsScore: { value: 10, tolerance: -1 },
        visitz: { value: 1 },
        activeCustomers: { value: 5000 },
        marketSize: { value: 3000 },
      },
    });
    const at = (path: string) => ps.find((p) => p.path === path);
    expect(at('figures.retention12Pct.value')?.en).toMatch(/between 1 and 99 \(%\), got 120/);
    expect(at('figures.retention12Pct.value')?.zh).toMatch(/1 到 99/);
    expect(at('figures.npsScore.tolerance')?.en).toMatch(/between 0 and 200/);
    expect(at('figures.visitz')).toBeDefined();
    // Contradictions are checked once every value is in range.
    const market = problemsOf({ figures: { activeCustomers: { value: 5000 }, marketSize: { value: 3000 } } });
    expect(market[0].path).toBe('figures.marketSize.value');
    expect(market[0].en).toContain('figures.activeCustomers.value');
    expect(market[0].zh).toContain('市场规模');
    const complaints = problemsOf({
      figures: {
        activeCustomers: { value: 100 },
        visitsPerCustomerMonth: { value: 1 },
        complaintsPerMonth: { value: 150 },
      },
    });
    expect(complaints.map((p) => p.path)).toEqual(['figures.complaintsPerMonth.value']);
  });

  it('needs a figure to fit, and a positive tolerance', () => {
    expect(problemsOf({ figures: { grossMarginPct: { value: 60 } } })[0].path).toBe('figures');
    expect(problemsOf({ figures: { npsScore: { value: 10, tolerance: 0 } } })[0].path).toBe(
      'figures.npsScore.tolerance',
    );
  });

  it('reports every problem at once: a tolerance of 0 and a contradiction beside a value out of range', () => {
    const ps = problemsOf({
      figures: {
        retention12Pct: { value: 120 },
        npsScore: { value: 10, tolerance: 0 },
        activeCustomers: { value: 5000 },
        marketSize: { value: 3000 },
      },
    });
    expect(ps.map((p) => p.path).sort()).toEqual([
      'figures.marketSize.value',
      'figures.npsScore.tolerance',
      'figures.retention12Pct.value',
    ]);
  });

  it('reads a later year of a longer run the way it reads the first: months from+1…from+12, retention at from+13', () => {
    const file = smallBaseline('restaurant', 1200, 10);
    const long = simulate(toEngine({ ...file, horizonMonths: 36 }), { seed: 'later', replication: 0 });
    const short = simulate(toEngine({ ...file, horizonMonths: CALIBRATION_MONTHS }), {
      seed: 'later',
      replication: 0,
    });
    // The first year does not depend on the horizon, so the check's figures are the projection's first year.
    expect(figuresOf(long)).toEqual(figuresOf(short));
    const from = 36 - CALIBRATION_MONTHS;
    const later = figuresOf(long, from);
    const active = series(long.metrics, long.months, 'active');
    expect(later.activeCustomers).toBeCloseTo(
      active.slice(from, from + 12).reduce((a, b) => a + b, 0) / 12,
      9,
    );
    expect(later.retention12Pct).toBeCloseTo(100 * series(long.metrics, long.months, 'renewal12')[35], 9);
    expect(() => figuresOf(short, 1)).toThrow(/14 simulated months/);
  });

  it('fills default tolerances and frees only the parameters the figures inform', () => {
    const r = parseTargets({ figures: { activeCustomers: { value: 1000 }, npsScore: { value: 10 } } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.targets.map((t) => [t.id, t.tolerance])).toEqual([
      ['activeCustomers', 100],
      ['npsScore', 5],
    ]);
    expect(freeParameters(r.targets).map((p) => p.id)).toEqual(['marketSize', 'staffSkillPct']);
    // A known market is written in; the customer share is searched instead.
    const known = parseTargets({
      figures: { activeCustomers: { value: 1000 }, marketSize: { value: 9000 } },
    });
    expect(known.ok && freeParameters(known.targets).map((p) => p.id)).toEqual(['customerSharePct']);
  });
});

describe('the bounded least-squares search', () => {
  it('finds an interior minimum and stops on a bound the residuals push against', async () => {
    // Residuals (u₀ − 0.3)/0.01 and (u₁ − 1.4)/0.02 + 0.5·u₀: the best u₁ lies beyond the box.
    const f = async (ps: number[][]) => ps.map(([a, b]) => [(a - 0.3) / 0.01, (b - 1.4) / 0.02 + 0.5 * a]);
    const r = await boxLevenbergMarquardt(f, [0.8, 0.2], { maxEvaluations: 200 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(0.3, 3);
    expect(r.x[1]).toBe(1);
    expect(r.jacobian[0][0]).toBeCloseTo(100, 6);
  });

  it('stops at its budget, says so and keeps the best point', async () => {
    const f = async (ps: number[][]) =>
      ps.map(([a, b]) => [Math.sin(9 * a) * 5 + b * 3, (b - 0.7) * (a - 0.2) * 40]);
    const start = [0.9, 0.1];
    const [r0] = await f([start]);
    const r = await boxLevenbergMarquardt(f, start, { maxEvaluations: 7 });
    expect(r.reason).toBe('budget');
    expect(r.converged).toBe(false);
    expect(r.value).toBeLessThanOrEqual(r0.reduce((a, x) => a + x * x, 0));
  });
});

/** Recovery tolerances, stated before the run: relative for sizes and multipliers, points for percentages. */
const STATED: Record<ParameterId, { relative?: number; points?: number }> = {
  marketSize: { relative: 0.15 },
  customerSharePct: { relative: 0.15 },
  visitRate: { relative: 0.1 },
  spend: { relative: 0.05 },
  competitionPct: { points: 15 },
  failurePct: { relative: 0.2 },
  staffSkillPct: { points: 8 },
  wordOfMouth: { relative: 0.35 },
  staffTurnoverPct: { points: 1.5 },
};
const within = (id: ParameterId, found: number, truth: number) => {
  const s = STATED[id];
  return s.relative !== undefined
    ? Math.abs(found / truth - 1) <= s.relative
    : Math.abs(found - truth) <= s.points!;
};

describe('identifiability: figures the model itself produced from known parameters', () => {
  it('recovers every parameter within its stated tolerance, each pinned by its own figure', async () => {
    const base = smallBaseline();
    const truth: Partial<Record<ParameterId, number>> = {
      marketSize: 3500,
      visitRate: 1.4,
      spend: 0.8,
      competitionPct: 30,
      failurePct: 9,
      staffSkillPct: 75,
      wordOfMouth: 1.8,
      staffTurnoverPct: 4,
    };
    const f = await modelFigures(truthWorld(base, truth));
    const targets = targetsOf(f, {
      activeCustomers: 0.05 * f.activeCustomers!,
      visitsPerCustomerMonth: 0.05 * f.visitsPerCustomerMonth!,
      spendPerVisit: 0.03 * f.spendPerVisit!,
      retention12Pct: 2,
      complaintsPerMonth: 0.1 * f.complaintsPerMonth!,
      satisfiedPct: 2,
      referralSharePct: 1.5,
      staffTurnoverPctYear: 8,
    });
    const r = await calibrate(base, targets, evaluateFiguresHere, { seed: 'recovery' });
    const pins: Record<string, FigureId> = {
      marketSize: 'activeCustomers',
      visitRate: 'visitsPerCustomerMonth',
      spend: 'spendPerVisit',
      competitionPct: 'retention12Pct',
      failurePct: 'complaintsPerMonth',
      staffSkillPct: 'satisfiedPct',
      wordOfMouth: 'referralSharePct',
      staffTurnoverPct: 'staffTurnoverPctYear',
    };
    for (const p of r.parameters) {
      expect(p.identifiable, p.id).toBe(true);
      expect(p.pinnedBy, p.id).toBe(pins[p.id]);
      expect(within(p.id, p.value, truth[p.id]!), `${p.id}: ${p.value} vs ${truth[p.id]}`).toBe(true);
      expect(p.atBound).toBeNull();
    }
    expect(r.parameters).toHaveLength(8);
    expect(r.converged).toBe(true);
    // On fresh seeds the fitted world still shows the figures it was given, nearly all within tolerance.
    expect(r.figures.filter((x) => x.within).length).toBeGreaterThanOrEqual(7);
  });

  it('says a figure known only loosely does not pin its parameter', async () => {
    const base = smallBaseline();
    const f = await modelFigures(truthWorld(base, { wordOfMouth: 2 }));
    const targets = targetsOf(f, { referralSharePct: 40 });
    const r = await calibrate(base, targets, evaluateFiguresHere, { seed: 'loose' });
    const wom = r.parameters.find((p) => p.id === 'wordOfMouth')!;
    expect(wom.identifiable).toBe(false);
    expect(wom.pinnedBy).toBeNull();
    expect(r.figures[0].within).toBe(true);
  });

  it('flags figures that cannot be met and the parameter held at its bound', async () => {
    const base = smallBaseline();
    const targets: Target[] = [{ id: 'npsScore', value: 70, tolerance: 3 }];
    const r = await calibrate(base, targets, evaluateFiguresHere, { seed: 'conflict' });
    expect(r.parameters[0]).toMatchObject({ id: 'staffSkillPct', atBound: 'upper' });
    expect(r.conflict).toEqual({ figures: ['npsScore'], parameters: ['staffSkillPct'] });
    // The saved scenario keeps the baseline's horizon and carries the best point found.
    expect(r.file.horizonMonths).toBe(base.horizonMonths);
    expect(r.file.staff.initialSkillPct).toBeCloseTo(98, 6);
    expect(parseScenarioObject(r.file).ok).toBe(true);
    // What the command line prints: the missed figure, the bound, in both languages.
    const text = describeCalibration(r);
    expect(text).toMatch(/✗ npsScore +70\.0 ± 3\.00/);
    expect(text).toMatch(/staffSkillPct [^\n]*\n +Staff serve at 98 % skill[^\n]*It sits at its upper bound/);
    expect(text).toMatch(/cannot be met together with the rest: npsScore \(held at a bound: staffSkillPct\)/);
    expect(text).toMatch(/无法与其余数字同时满足：npsScore/);
  });
});
