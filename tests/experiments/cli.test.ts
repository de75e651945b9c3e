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

describe('npm run simulate -- PLAN --baseline BASE --attribute OUTCOME', () => {
  it('prints each part with its interval, the interaction and the total, and writes the same as CSV', async () => {
    const { attributionTable, parseOutcome } = await import('../../src/cli/attribution.ts');
    const { attribute, attributionCsv } = await import('../../src/experiments/attribution.ts');
    const { small, with_ } = await import('../helpers.ts');
    expect(parseOutcome('nps')).toBe('nps');
    expect(() => parseOutcome('happiness')).toThrow(/--attribute must be one of profit, .*retention12/);
    const baseline = small(2000, 18);
    const plan = with_(baseline, (s) => {
      s.levers.community.levelPct = 60;
      s.levers.training.hoursPerStaffPerMonth = 8;
    });
    const a = await attribute(baseline, plan, 'retention12', 1, 3, evaluateHere);
    const table = attributionTable(a, { baseline: 'B', plan: 'P' });
    expect(table).toMatch(/^P against B: retention12, 3 replications, seed 1/);
    for (const label of ['value 价值', 'emotion 情感', 'experience 体验', 'organisation 组织保障'])
      expect(table).toContain(label);
    const emotion = a.rows.find((r) => r.part === 'emotion')!.value;
    expect(table).toMatch(new RegExp(`emotion 情感 +${emotion.mean.toFixed(1)} \\[`));
    expect(table).toMatch(/of which interaction 协同 +-?\d/);
    expect(table).toMatch(/total difference 总差异 +-?\d/);
    const csv = attributionCsv(a, { baseline: 'B', plan: 'P' }).trimEnd().split('\n');
    expect(csv[0]).toBe(
      'baseline,plan,outcome,seed,replications,part,mean,lo,hi,alone_mean,alone_lo,alone_hi',
    );
    expect(csv.map((l) => l.split(',')[5]).slice(1)).toEqual([
      ...['value', 'emotion', 'experience', 'organisation', 'interaction', 'total'],
    ]);
    const row = csv.find((l) => l.includes(',emotion,'))!.split(',');
    expect(Number(row[6])).toBe(emotion.mean);
    // Value is not changed by the plan: exactly zero, alone too.
    expect(csv.find((l) => l.includes(',value,'))).toMatch(/,value,0,0,0,0,0,0$/);
  });
});
