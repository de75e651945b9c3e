import { describe, expect, it } from 'vitest';
import { AIMED_LEVERS, defaultScenario } from '../../src/engine/index.ts';
import { parseScenarioObject } from '../../src/scenario/importer.ts';
import {
  migrate,
  V3_DIMENSIONS,
  v1ToV2,
  v2ToV3,
  v3ToV4,
  v4ToV5,
  v5ToV6,
} from '../../src/scenario/migrations.ts';

describe('migrations', () => {
  const v1 = {
    name: 'Old flat file',
    horizonMonths: 24,
    levers: {
      pricePct: 95,
      discount: { depthPct: 10, target: 'new', schedule: [{ from: 1, to: 3 }] },
      community: { levelPct: 50 },
      complaintHandling: { responseHours: 4 },
      training: { hoursPerStaffPerMonth: 6 },
    },
  };

  it('v1 → v2 groups the flat levers by dimension, keeping their settings', () => {
    expect(v1ToV2(v1)).toEqual({
      name: 'Old flat file',
      horizonMonths: 24,
      schemaVersion: 2,
      levers: {
        value: { pricePct: 95, discount: { depthPct: 10, target: 'new', schedule: [{ from: 1, to: 3 }] } },
        emotion: { community: { levelPct: 50 } },
        experience: { complaintHandling: { responseHours: 4 } },
        organisation: { training: { hoursPerStaffPerMonth: 6 } },
      },
    });
  });

  it('reads a v1 file (no schemaVersion) into the same scenario as its v2 form, and says so', () => {
    const old = parseScenarioObject(v1);
    const now = parseScenarioObject(v1ToV2(v1));
    expect(old.ok && now.ok).toBe(true);
    if (old.ok && now.ok) {
      expect(old.scenario).toEqual(now.scenario);
      expect(old.migratedFrom).toBe(1);
      expect(now.migratedFrom).toBe(2);
      const v3 = parseScenarioObject(v2ToV3(v1ToV2(v1)));
      expect(v3.ok && v3.migratedFrom).toBe(3);
      const v4 = parseScenarioObject(v3ToV4(v2ToV3(v1ToV2(v1))));
      expect(v4.ok && v4.migratedFrom).toBe(4);
      const v5 = parseScenarioObject(v4ToV5(v3ToV4(v2ToV3(v1ToV2(v1)))));
      expect(v5.ok && v5.migratedFrom).toBe(5);
      const v6 = parseScenarioObject(v5ToV6(v4ToV5(v3ToV4(v2ToV3(v1ToV2(v1))))));
      expect(v6.ok && v6.migratedFrom).toBeNull();
      const expected = defaultScenario();
      expect(old.scenario.levers.discount.depthPct).toBe(10);
      expect(old.scenario.levers.pricePct).toBe(95);
      expect(old.scenario.levers.careGestures).toEqual(expected.levers.careGestures);
    }
  });

  it('keeps unknown v1 lever names where they were, so they are reported', () => {
    const r = parseScenarioObject({ levers: { dicsount: { depthPct: 10 } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['levers.dicsount']);
  });

  it('v2 → v3 keeps everything; a v2 file has no experiments', () => {
    const v2 = v1ToV2(v1);
    expect(v2ToV3(v2)).toEqual({ ...v2, schemaVersion: 3 });
    const r = parseScenarioObject(v2);
    expect(r.ok && r.file.experiments).toEqual([]);
  });

  it('v3 → v4 writes out the dimensions setting an old file gets, and keeps one it already has', () => {
    const v3 = v2ToV3(v1ToV2(v1));
    expect(v3ToV4(v3)).toEqual({ ...v3, schemaVersion: 4, dimensions: { ...V3_DIMENSIONS } });
    const r = parseScenarioObject(v3);
    expect(r.ok && r.scenario.dimensions).toEqual(V3_DIMENSIONS);
    // Frozen in the migration: a later change of the engine's defaults must not change a migrated file.
    expect(V3_DIMENSIONS).toEqual({ synergy: 2, betrayal: 0.5 });
    const own = parseScenarioObject({ ...v3, schemaVersion: 4, dimensions: { synergy: 0 } });
    expect(own.ok && own.scenario.dimensions).toEqual({
      synergy: 0,
      betrayal: defaultScenario().dimensions.betrayal,
    });
  });

  it('v4 → v5: an old file’s levers reach everyone, as every lever did before audiences', () => {
    const v4 = v3ToV4(v2ToV3(v1ToV2(v1)));
    expect(v4ToV5(v4)).toEqual({ ...v4, schemaVersion: 5 });
    const r = parseScenarioObject(v4);
    expect(r.ok).toBe(true);
    if (r.ok) for (const name of AIMED_LEVERS) expect(r.scenario.levers[name].audience.kind).toBe('everyone');
  });

  it('v5 → v6: a version-5 file’s one-text name and description stay one text each, shown as written', () => {
    const v5 = {
      ...v4ToV5(v3ToV4(v2ToV3(v1ToV2(v1)))),
      name: 'Discount-heavy plan 折扣主导方案',
      description: 'In English. 中文。',
    };
    expect(v5ToV6(v5)).toEqual({ ...v5, schemaVersion: 6 });
    const r = parseScenarioObject(v5);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.migratedFrom).toBe(5);
      expect(r.file.name).toBe('Discount-heavy plan 折扣主导方案');
      expect(r.file.description).toBe('In English. 中文。');
      expect(r.scenario.name).toBe('Discount-heavy plan 折扣主导方案');
    }
  });

  it('refuses unknown versions', () => {
    expect(migrate({ schemaVersion: 0 }).ok).toBe(false);
    expect(migrate({ schemaVersion: '2' }).ok).toBe(false);
    expect(migrate({ schemaVersion: 7 }).ok).toBe(false);
  });
});
