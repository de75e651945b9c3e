import { describe, expect, it } from 'vitest';
import { parseScenarioObject } from '../../src/scenario/importer.ts';

const withCare = (audience: unknown) =>
  parseScenarioObject({ schemaVersion: 5, levers: { emotion: { careGestures: { perYear: 4, audience } } } });

describe('a lever’s audience in a scenario file', () => {
  it('reads every kind, with the defaults of the others written out', () => {
    const r = withCare({ kind: 'segment', segment: 'relationship' });
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.scenario.levers.careGestures.audience).toEqual({
        kind: 'segment',
        segment: 'relationship',
        topPct: 20,
        newMonths: 3,
      });
    for (const kind of ['everyone', 'topValue', 'atRisk', 'new'])
      expect(withCare({ kind }).ok, kind).toBe(true);
  });

  it('names a segment that does not exist, with its path, in both languages', () => {
    const r = withCare({ kind: 'segment', segment: 'students' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const p = r.problems.find((x) => x.path === 'levers.emotion.careGestures.audience.segment');
    expect(p?.en).toMatch(
      /"students" is not one of this scenario's segments \(price, value, relationship, convenience\)/,
    );
    expect(p?.zh).toContain('"students"不是本情景的细分群体');
  });

  it('refuses an unknown kind and out-of-range sizes, each at its path', () => {
    const r = withCare({ kind: 'vip', topPct: 0, newMonths: 40 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.problems.map((x) => x.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'levers.emotion.careGestures.audience.kind',
        'levers.emotion.careGestures.audience.topPct',
        'levers.emotion.careGestures.audience.newMonths',
      ]),
    );
    for (const p of r.problems) expect(p.zh.length).toBeGreaterThan(0);
  });
});
