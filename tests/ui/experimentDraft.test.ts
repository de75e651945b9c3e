import { describe, expect, it } from 'vitest';
import { parseScenarioObject } from '../../src/scenario/importer.ts';
import { audiencePaths, candidateChoices, numericFields, withSweep } from '../../src/ui/experimentDraft.ts';
import { labelOfPath } from '../../src/ui/experimentLabels.ts';

describe('composing a sweep in the app', () => {
  const r = parseScenarioObject({ schemaVersion: 3 });
  if (!r.ok) throw new Error('default');
  const fields = numericFields(r.file);

  it('offers every lever and world number with its range, not schedules or bookkeeping', () => {
    const depth = fields.find((f) => f.path === 'levers.value.discount.depthPct');
    expect(depth).toMatchObject({ min: 0, max: 90 });
    expect(fields.some((f) => f.path === 'population.segments.0.visitsPerMonth')).toBe(true);
    expect(fields.some((f) => f.path.includes('schedule') || f.path.startsWith('probes'))).toBe(false);
    expect(fields.length).toBeGreaterThan(40);
  });

  it('names every lever number it offers in words in both languages, an audience’s setting too (not “audience.topPct”)', () => {
    const levers = fields.filter((f) => f.path.startsWith('levers.'));
    expect(levers.some((f) => f.path.endsWith('.audience.topPct'))).toBe(true);
    for (const lang of ['en', 'zh'] as const)
      for (const f of levers)
        expect(labelOfPath(f.path, lang), f.path).not.toMatch(/[a-z]\.[a-z]|[a-z][A-Z]/);
    expect(labelOfPath('levers.emotion.careGestures.audience.topPct', 'zh')).toBe(
      '关怀与记忆点 → 覆盖对象: 前百分比',
    );
  });

  it('adds a sweep the importer accepts, and one it refuses with the reason', () => {
    const ok = parseScenarioObject(
      withSweep(r.file, {
        id: 'depth',
        outcome: 'profit',
        replications: 4,
        x: { path: 'levers.value.discount.depthPct', from: 0, to: 30, steps: 4 },
        y: null,
      }),
    );
    expect(ok.ok && ok.file.experiments.map((e) => e.id)).toEqual(['depth']);
    const bad = parseScenarioObject(
      withSweep(r.file, {
        id: 'depth',
        outcome: 'profit',
        replications: 4,
        x: { path: 'levers.value.discount.depthPct', from: 0, to: 95, steps: 4 },
        y: null,
      }),
    );
    expect(!bad.ok && bad.problems[0].en).toMatch(/only takes values from 0 to 90/);
  });

  it('offers every aimed lever’s audience as an axis, and adds a sweep over ticked audiences', () => {
    const paths = audiencePaths(r.file);
    expect(paths).toContain('levers.emotion.careGestures.audience');
    expect(paths).toContain('levers.experience.complaintHandling.audience');
    expect(paths).not.toContain('levers.value.discount.audience');
    const [everyone, top, atRisk] = candidateChoices(r.file);
    const ok = parseScenarioObject(
      withSweep(r.file, {
        id: 'who',
        outcome: 'retention12',
        replications: 4,
        x: { path: 'levers.emotion.careGestures.audience', choices: [everyone, top, atRisk] },
        y: { path: 'levers.emotion.careGestures.perYear', from: 2, to: 12, steps: 3 },
      }),
    );
    if (!ok.ok) throw new Error(ok.problems.map((p) => `${p.path}: ${p.en}`).join('; '));
    const e = ok.file.experiments[0];
    expect(e.kind === 'sweep' && 'choices' in e.x && e.x.choices.map((c) => [c.kind, c.topPct])).toEqual([
      ['everyone', 20],
      ['topValue', 20],
      ['atRisk', 20],
    ]);
  });
});
