import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeOutput } from '../../src/cli/experiment.ts';
import { simulate } from '../../src/engine/index.ts';
import { sweepCsv } from '../../src/experiments/analyse.ts';
import { choiceAxes, scenarioAt } from '../../src/experiments/apply.ts';
import { sweepPoints } from '../../src/experiments/design.ts';
import { evaluateHere, measure } from '../../src/experiments/measure.ts';
import { monthlyLeverSpend } from '../../src/experiments/outcomes.ts';
import { mergeOutputs, runExperiment } from '../../src/experiments/run.ts';
import { type Experiment, isChoiceAxis } from '../../src/scenario/experimentSchema.ts';
import { setAt } from '../../src/scenario/fields.ts';
import { parseScenarioObject, parseScenarioText } from '../../src/scenario/importer.ts';
import { type ScenarioFile, toEngine } from '../../src/scenario/schema.ts';
import { sweepCsvText } from '../../src/ui/csvExports.ts';
import { choiceLabel, labelOfPath } from '../../src/ui/experimentLabels.ts';
import { smallFile } from './helpers.ts';

const CARE = 'levers.emotion.careGestures.audience';
const PER_YEAR = 'levers.emotion.careGestures.perYear';
const careSweep = (x: unknown, extra: Record<string, unknown> = {}) => ({
  kind: 'sweep',
  id: 'who',
  outcome: 'profit',
  replications: 3,
  x,
  ...extra,
});
const threeWays = {
  path: CARE,
  choices: [
    { kind: 'everyone', set: { [PER_YEAR]: 2 } },
    { kind: 'topValue', topPct: 20, set: { [PER_YEAR]: 10 } },
    { kind: 'atRisk', set: { [PER_YEAR]: 12 } },
  ],
};

const problemsOf = (experiments: unknown[]) => {
  const r = parseScenarioObject({ schemaVersion: 5, experiments });
  if (r.ok) throw new Error('accepted');
  return Object.fromEntries(r.problems.map((p) => [p.path, p]));
};

describe('a lever’s audience as a sweep axis: the file', () => {
  it('accepts a list of audiences, filling each one’s defaults like the lever’s own audience', () => {
    const file = smallFile([careSweep(threeWays)]);
    const e = file.experiments[0];
    if (e.kind !== 'sweep' || !isChoiceAxis(e.x)) throw new Error('not a choice axis');
    expect(e.x.choices.map((c) => c.kind)).toEqual(['everyone', 'topValue', 'atRisk']);
    expect(e.x.choices[2]).toEqual({
      kind: 'atRisk',
      segment: '',
      topPct: 20,
      newMonths: 3,
      set: { [PER_YEAR]: 12 },
    });
  });

  it('refuses an unknown lever, a path that is no audience, an unknown kind or segment, and a bad setting — each at its path, in both languages', () => {
    // Checked against the file (once every experiment has the right shape).
    const p = problemsOf([
      careSweep({ ...threeWays, path: 'levers.emotion.nonsense.audience' }),
      careSweep(
        { path: CARE, choices: [{ kind: 'everyone' }, { kind: 'atRisk', set: { [PER_YEAR]: 80 } }] },
        { id: 'b' },
      ),
      careSweep(
        { path: CARE, choices: [{ kind: 'everyone' }, { kind: 'segment', segment: 'nobody' }] },
        { id: 'c' },
      ),
    ]);
    expect(p['experiments.0.x.path'].en).toMatch(
      /"levers.emotion.nonsense.audience" is not the audience of a lever in this scenario \(levers that take one: .*levers.emotion.careGestures.audience/,
    );
    expect(p['experiments.0.x.path'].zh).toMatch(/不是此情景中某个杠杆的受众/);
    expect(p['experiments.1.x.choices.1.set.levers.emotion.careGestures.perYear'].en).toMatch(
      /from 0 to 52.*asked for 80/,
    );
    expect(p['experiments.2.x.choices.1.segment'].en).toMatch(
      /"nobody" is not one of this scenario's segments/,
    );
    expect(p['experiments.2.x.choices.1.segment'].zh).toMatch(/不是本情景的细分群体/);
    // Malformed: said field by field, at the shape the axis is closest to.
    const shape = problemsOf([
      careSweep({ ...threeWays, path: 'levers.emotion.careGestures.perYear' }),
      careSweep({ path: CARE, choices: [{ kind: 'everyone' }, { kind: 'vip' }] }, { id: 'b' }),
      careSweep({ path: CARE, choices: [{ kind: 'everyone' }] }, { id: 'c' }),
    ]);
    expect(shape['experiments.0.x.path'].en).toMatch(/must be the path of a lever’s audience/);
    expect(shape['experiments.1.x.choices.1.kind'].en).toMatch(/must be "everyone" or .*got "vip"/);
    expect(shape['experiments.1.x.choices.1.kind'].zh).toMatch(/应为 "everyone" 或/);
    expect(shape['experiments.2.x.choices'].en).toMatch(/at least 2 items/);
    expect(shape['experiments.2.x.choices'].zh).toMatch(/至少 2 项/);
    // A numeric axis still says what is wrong with it, not "invalid input".
    const num = problemsOf([careSweep({ path: PER_YEAR, from: 0, to: 'ten', steps: 3 })]);
    expect(num['experiments.0.x.to'].en).toMatch(/must be a number/);
  });
});

describe('a lever’s audience as a sweep axis: design and application', () => {
  const file = smallFile([
    careSweep(threeWays),
    careSweep(threeWays, {
      id: 'grid',
      y: { path: 'levers.emotion.community.levelPct', from: 0, to: 80, steps: 2 },
    }),
  ]);
  const [line, grid] = file.experiments as Extract<Experiment, { kind: 'sweep' }>[];

  it('gives one point per choice, and choices × values for a grid', () => {
    expect(sweepPoints(line)).toEqual([{ [CARE]: 0 }, { [CARE]: 1 }, { [CARE]: 2 }]);
    const points = sweepPoints(grid);
    expect(points.length).toBe(6);
    expect(points.map((p) => p[CARE])).toEqual([0, 1, 2, 0, 1, 2]);
    expect(points.map((p) => p['levers.emotion.community.levelPct'])).toEqual([0, 0, 0, 80, 80, 80]);
  });

  it('sets exactly the lever’s audience and the choice’s numbers: nothing else changes', () => {
    const base = toEngine(file);
    const at = scenarioAt(file, { [CARE]: 1 }, choiceAxes(line));
    expect(at.levers.careGestures.audience).toEqual({
      kind: 'topValue',
      segment: '',
      topPct: 20,
      newMonths: 3,
    });
    expect(at.levers.careGestures.perYear).toBe(10);
    const { careGestures: _a, ...othersAt } = at.levers;
    const { careGestures: _b, ...othersBase } = base.levers;
    expect(othersAt).toEqual(othersBase);
    expect({ ...at, levers: null }).toEqual({ ...base, levers: null });
    expect({ ...at.levers.careGestures, audience: null, perYear: 0 }).toEqual({
      ...base.levers.careGestures,
      audience: null,
      perYear: 0,
    });
    // A numeric axis of its own wins over a choice's setting.
    expect(scenarioAt(file, { [CARE]: 1, [PER_YEAR]: 4 }, choiceAxes(line)).levers.careGestures.perYear).toBe(
      4,
    );
    expect(() => scenarioAt(file, { [CARE]: 3 }, choiceAxes(line))).toThrow(/no choice 4 of 3/);
  });

  it('split into shards merge into exactly the unsharded run', async () => {
    const whole = await runExperiment(file, grid, evaluateHere);
    const shards = await Promise.all(
      [1, 2, 0].map((index) => runExperiment(file, grid, evaluateHere, { shard: { index, count: 3 } })),
    );
    expect(JSON.parse(JSON.stringify(mergeOutputs(shards)))).toEqual(JSON.parse(JSON.stringify(whole)));
    if (whole.result?.kind !== 'sweep') throw new Error('no sweep');
    expect(whole.result.cells.length).toBe(6);
    expect(whole.result.x).toEqual([0, 1, 2]);
  });
});

describe('the shipped experiment “who should get the care budget?”', () => {
  const text = readFileSync('scenarios/baselines/neighbourhood.json', 'utf8');
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new Error('default scenario');
  // Small enough for the test runner; the comparison is exact, so size does not matter to it.
  const file: ScenarioFile = setAt(
    setAt(parsed.file, ['population', 'marketSize'], 3000),
    ['horizonMonths'],
    24,
  );
  const shipped = file.experiments.find((x) => x.id === 'who-gets-care');

  it('compares everyone, the top 20 % and those at risk, at about the same care spend', () => {
    if (shipped?.kind !== 'sweep' || !isChoiceAxis(shipped.x)) throw new Error('not shipped');
    expect(shipped.x.path).toBe(CARE);
    expect(shipped.x.choices.map((c) => choiceLabel(c, 'en'))).toEqual([
      'everyone',
      'top 20 % by value',
      'at risk',
    ]);
    expect(shipped.x.choices.map((c) => choiceLabel(c, 'zh'))).toEqual([
      '所有客户',
      '消费前 20% 的客户',
      '有流失风险的客户',
    ]);
    // Each choice's intensity is set so that the three spend the same (within 3 %): an aimed lever
    // pays only for its audience, so the comparison is of where the money goes, not how much.
    const spend = shipped.x.choices.map((_, k) => {
      const s = scenarioAt(file, { [CARE]: k }, choiceAxes(shipped));
      const runs = [0, 1, 2].map((rep) => simulate(s, { seed: 'spend', replication: rep }));
      return runs.reduce((a, r) => a + monthlyLeverSpend(r), 0) / runs.length;
    });
    for (const x of spend) expect(Math.abs(x / spend[0] - 1), `spend ${spend.join(', ')}`).toBeLessThan(0.03);
  });

  it('runs, and each choice’s figures are those of its scenario run directly on the same seeds', async () => {
    if (shipped?.kind !== 'sweep' || !isChoiceAxis(shipped.x)) throw new Error('not shipped');
    const e = { ...shipped, replications: 3 };
    const out = await runExperiment(file, e, evaluateHere);
    if (out.result?.kind !== 'sweep') throw new Error('no sweep');
    expect(out.result.cells.length).toBe(3);
    for (const [k, choice] of shipped.x.choices.entries()) {
      const { set, ...audience } = choice;
      let f = setAt(file, ['levers', 'emotion', 'careGestures', 'audience'], audience);
      for (const [path, v] of Object.entries(set)) f = setAt(f, path.split('.'), v);
      const direct = [0, 1, 2].map(
        (rep) => measure({ scenario: toEngine(f), seed: e.seed, replication: rep }, 'profit').outcome,
      );
      expect(out.values.slice(3 * k, 3 * k + 3).map(([, v]) => v)).toEqual(direct);
    }
    // The same seeds for every choice: their differences are paired.
    const csv = sweepCsv(
      e,
      out.result,
      sweepCsvText(
        { label: 'Profit over the horizon', unit: 'money' },
        'en',
        (a) => labelOfPath(a.path, 'en'),
        (c) => choiceLabel(c, 'en'),
      ),
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = csv.slice(1).trim().split('\n');
    expect(rows[0]).toBe(
      '"Care gestures → who it reaches","Profit over the horizon (money): mean","Profit over the horizon (money): 95 % low","Profit over the horizon (money): 95 % high","Δ vs first point (money): mean","Δ vs first point (money): 95 % low","Δ vs first point (money): 95 % high"',
    );
    expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual([
      '"everyone"',
      '"top 20 % by value"',
      '"at risk"',
    ]);
    // Money to the cent.
    expect(rows[2].split(',')[1]).toBe(String(Number(out.result.cells[1].value.mean.toFixed(2))));
    // The command line names the choices too.
    const printed = describeOutput(out).split('\n');
    expect(printed.filter((l) => l.includes(`${CARE}="top 20 % by value"`)).length).toBe(1);
    expect(printed.filter((l) => l.includes(`${CARE}="at risk"`)).length).toBe(1);
  });
});

describe('an optimisation with a categorical decision', () => {
  it('searches the numbers once per choice, and reports each choice’s best and the winner on fresh seeds', async () => {
    const file = smallFile(
      [
        {
          kind: 'optimise',
          id: 'care-mix',
          objective: 'profit',
          monthlyBudget: 3000,
          replications: 2,
          evaluations: 8,
          levers: [{ path: PER_YEAR, min: 0, max: 12 }],
          audience: { path: CARE, choices: [{ kind: 'everyone' }, { kind: 'topValue', topPct: 20 }] },
        },
      ],
      { horizonMonths: 18 },
    );
    const e = file.experiments[0];
    const out = await runExperiment(file, e, evaluateHere);
    if (out.result?.kind !== 'optimise' || !out.result.byChoice) throw new Error('no per-choice result');
    const r = out.result;
    expect(r.byChoice!.map((b) => b.choice)).toEqual([0, 1]);
    // Every mix tried carries its choice: the first search is choice 0's, the second choice 1's.
    const choices = r.searched.map((s) => s.point[CARE]);
    expect(choices.length).toBeLessThanOrEqual(16);
    expect(choices).toEqual([...choices].sort());
    expect(new Set(choices)).toEqual(new Set([0, 1]));
    // The winner is one of the choices' bests, measured on the same fresh seeds as they are.
    expect(r.best).not.toBeNull();
    const won = r.byChoice![r.best!.point[CARE]].best!;
    expect(won.objective).toEqual(r.best!.objective);
    expect(won.point).toEqual(r.best!.point);
    for (const b of r.byChoice!) if (b.best) expect(b.best.spend).toBeLessThanOrEqual(3000 * 1.0001);
    // Each choice's best is what its scenario makes on those seeds.
    const direct = [0, 1].map(
      (rep) =>
        measure(
          {
            scenario: scenarioAt(file, won.point, choiceAxes(e)),
            seed: `${e.seed}:confirm`,
            replication: rep,
          },
          'profit',
        ).outcome,
    );
    expect(won.objective.mean).toBe((direct[0] + direct[1]) / 2);
    expect(r.trace.length).toBe(r.searched.length);
    const printed = describeOutput(out);
    expect(printed).toContain(`the best mix for each choice of ${CARE}`);
    expect(printed).toMatch(/ {4}everyone +\S/);
    expect(printed).toMatch(/ {4}top 20 % by value +\S/);
  });
});
