import { describe, expect, it } from 'vitest';
import { unpairedDifference } from '../../src/analysis/stats.ts';
import { evaluateHere } from '../../src/experiments/measure.ts';
import { mergeOutputs, runExperiment } from '../../src/experiments/run.ts';
import { parseScenarioObject } from '../../src/scenario/importer.ts';
import { smallFile } from './helpers.ts';

const failureSweep = {
  kind: 'sweep',
  id: 'failures',
  outcome: 'activeEnd',
  replications: 6,
  x: { path: 'service.failurePctPerVisit', from: 2, to: 20, steps: 4 },
};

describe('sweeps', () => {
  const file = smallFile([failureSweep]);

  it('with common random numbers, are monotone where the model is: more failures, fewer customers', async () => {
    const out = await runExperiment(file, file.experiments[0], evaluateHere);
    if (out.result?.kind !== 'sweep') throw new Error('no sweep');
    const means = out.result.cells.map((c) => c.value.mean);
    for (let k = 1; k < means.length; k++) expect(means[k]).toBeLessThan(means[k - 1]);
    // Each step's paired difference is tighter than the same comparison with independent seeds.
    const last = out.result.cells.at(-1)!;
    const values = (p: number) => out.values.filter(([t]) => Math.floor(t / 6) === p).map(([, v]) => v);
    const other = await runExperiment(
      smallFile([{ ...failureSweep, seed: 'other' }]),
      smallFile([{ ...failureSweep, seed: 'other' }]).experiments[0],
      evaluateHere,
    );
    const otherLast = other.values.filter(([t]) => Math.floor(t / 6) === 3).map(([, v]) => v);
    const unpaired = unpairedDifference(values(0), otherLast);
    expect(last.vsFirst.hi - last.vsFirst.lo).toBeLessThan(unpaired.hi - unpaired.lo);
  });

  it('split into shards merge into exactly the unsharded run', async () => {
    const two = smallFile([
      {
        ...failureSweep,
        replications: 3,
        y: { path: 'levers.emotion.community.levelPct', from: 0, to: 80, steps: 2 },
      },
    ]);
    const e = two.experiments[0];
    const whole = await runExperiment(two, e, evaluateHere);
    const shards = await Promise.all(
      [2, 0, 1].map((index) => runExperiment(two, e, evaluateHere, { shard: { index, count: 3 } })),
    );
    expect(shards.every((s) => s.result === undefined)).toBe(true);
    expect(JSON.parse(JSON.stringify(mergeOutputs(shards)))).toEqual(JSON.parse(JSON.stringify(whole)));
    if (whole.result?.kind !== 'sweep') throw new Error('no sweep');
    expect(whole.result.cells.length).toBe(8);
    expect(() => mergeOutputs(shards.slice(0, 2))).toThrow(/missing shard\(s\) 2\/3/);
    expect(() => mergeOutputs([shards[0], shards[0], shards[1]])).toThrow(/appears twice/);
    const foreign = { ...shards[1], fingerprint: 'deadbeef' };
    expect(() => mergeOutputs([shards[0], foreign, shards[2]])).toThrow(/different scenario or experiment/);
  });
});

describe('sensitivity', () => {
  it('ranks a parameter with no effect on the outcome last, in the tornado and by Morris μ*', async () => {
    const file = smallFile([
      {
        kind: 'sensitivity',
        id: 'what-matters',
        outcome: 'activeEnd',
        replications: 4,
        parameters: [
          { path: 'service.failurePctPerVisit', low: 2, high: 15 },
          // Fixed costs change profit, never who stays: no effect on active customers at all.
          { path: 'economics.fixedCostsPerMonth', low: 0, high: 50_000 },
          { path: 'levers.emotion.community.levelPct', low: 0, high: 90 },
          { path: 'market.competitorAttractivenessPct', low: 10, high: 60 },
        ],
        morris: { trajectories: 4, levels: 4 },
      },
    ]);
    const out = await runExperiment(file, file.experiments[0], evaluateHere);
    if (out.result?.kind !== 'sensitivity') throw new Error('no result');
    const { tornado, morris } = out.result;
    expect(tornado.at(-1)!.path).toBe('economics.fixedCostsPerMonth');
    expect(tornado.at(-1)!.swing.mean).toBe(0);
    expect(morris.at(-1)!.path).toBe('economics.fixedCostsPerMonth');
    expect(morris.at(-1)!.muStar).toBe(0);
    expect(morris[0].muStar).toBeGreaterThan(0);
    // Failures hurt: its swing (high − low) is negative and clear of zero.
    const failures = tornado.find((r) => r.path === 'service.failurePctPerVisit')!;
    expect(failures.swing.hi).toBeLessThan(0);
  });
});

describe('experiments in scenario files', () => {
  it('are checked against the file: paths must be numbers in it, values inside their ranges', () => {
    const r = parseScenarioObject({
      schemaVersion: 3,
      experiments: [
        { ...failureSweep, x: { path: 'service.failurePctPerVisit', from: 2, to: 120, steps: 3 } },
        { ...failureSweep, id: 'failures', x: { path: 'levers.value.nonsense', from: 0, to: 1, steps: 2 } },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.problems.map((p) => [p.path, p]));
    expect(byPath['experiments.0.x.path'].en).toMatch(/from 0 to 50 \(%\); asked for 120/);
    expect(byPath['experiments.1.id'].en).toMatch(/already called "failures"/);
    expect(byPath['experiments.1.x.path'].en).toMatch(/"levers.value.nonsense" is not a number/);
    expect(byPath['experiments.1.x.path'].zh).toMatch(/不是此情景中的数值字段/);
  });

  it('explain a malformed experiment field by field', () => {
    const r = parseScenarioObject({
      schemaVersion: 3,
      experiments: [
        { kind: 'optimise', id: 'o', objective: 'nps', monthlyBudget: 10, levers: [] },
        { kind: 'guess' },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.problems.map((p) => p.path);
    expect(paths).toContain('experiments.0.objective');
    expect(paths).toContain('experiments.0.levers');
    expect(paths).toContain('experiments.1.kind');
  });
});
