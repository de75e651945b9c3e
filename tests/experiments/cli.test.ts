import { describe, expect, it } from 'vitest';
import { describeOutput, parseShard } from '../../src/cli/experiment.ts';
import { evaluateHere } from '../../src/experiments/measure.ts';
import { runExperiment } from '../../src/experiments/run.ts';
import { smallFile } from './helpers.ts';

describe('npm run experiment', () => {
  it('reads --shard as i/n counted from 1, and explains a bad one', () => {
    expect(parseShard('1/4')).toEqual({ index: 0, count: 4 });
    expect(parseShard('4/4')).toEqual({ index: 3, count: 4 });
    expect(parseShard(undefined)).toBeUndefined();
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0'])
      expect(() => parseShard(bad)).toThrow(/--shard must be i\/n with 1 ≤ i ≤ n/);
  });

  it('refuses to shard an optimisation, and says why', async () => {
    const file = smallFile([
      {
        kind: 'optimise',
        id: 'o',
        objective: 'profit',
        monthlyBudget: 5000,
        replications: 2,
        evaluations: 8,
        levers: [{ path: 'levers.emotion.community.levelPct', min: 0, max: 100 }],
      },
    ]);
    await expect(
      runExperiment(file, file.experiments[0], evaluateHere, { shard: { index: 0, count: 2 } }),
    ).rejects.toThrow(/sequential search .* cannot be split into shards/);
  });

  it('prints a shard’s progress and a whole sweep’s table', async () => {
    const file = smallFile([
      {
        kind: 'sweep',
        id: 's',
        outcome: 'nps',
        replications: 2,
        x: { path: 'levers.emotion.community.levelPct', from: 0, to: 60, steps: 2 },
      },
    ]);
    const e = file.experiments[0];
    expect(
      describeOutput(await runExperiment(file, e, evaluateHere, { shard: { index: 1, count: 2 } })),
    ).toBe('shard 2/2: 2 of 4 results');
    const whole = describeOutput(await runExperiment(file, e, evaluateHere));
    expect(whole).toMatch(/levers\.emotion\.community\.levelPct=0\.00 .*\n.*levelPct=60\.0 /);
  });
});
