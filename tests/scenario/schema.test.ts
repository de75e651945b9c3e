import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultScenario, RANGES, SEGMENT_RANGES } from '../../src/engine/index.ts';
import { formatProblem } from '../../src/scenario/errors.ts';
import { parseScenarioObject } from '../../src/scenario/importer.ts';
import { scenarioJsonSchema } from '../../src/scenario/jsonSchema.ts';
import { LEVER_GROUPS } from '../../src/scenario/migrations.ts';
import { fromEngine, toEngine } from '../../src/scenario/schema.ts';

/** The file path of an engine field (levers are grouped by dimension in files). */
function filePath(enginePath: string): string[] {
  const parts = enginePath.split('.');
  if (parts[0] === 'levers') {
    const group = Object.keys(LEVER_GROUPS).find((g) => LEVER_GROUPS[g].includes(parts[1]))!;
    return ['levers', group, ...parts.slice(1)];
  }
  return parts;
}

function fileWith(path: string[], value: unknown): Record<string, unknown> {
  const root: Record<string, unknown> = { schemaVersion: 2 };
  let cur = root;
  path.slice(0, -1).forEach((k) => {
    cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  });
  cur[path[path.length - 1]] = value;
  return root;
}

describe('the scenario file schema', () => {
  it('fills every default from the engine’s default scenario', () => {
    const r = parseScenarioObject({ schemaVersion: 2 });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario).toEqual(defaultScenario());
  });

  it('round-trips an engine scenario through a file exactly', () => {
    const s = defaultScenario();
    s.levers.discount.depthPct = 15;
    s.levers.community.schedule = [{ from: 2, to: 9 }];
    const r = parseScenarioObject(JSON.parse(JSON.stringify(fromEngine(s))));
    expect(r.ok && r.scenario).toEqual(s);
  });

  it('agrees with the engine on every range: accepts both ends, rejects just outside, naming the field', () => {
    for (const [enginePath, min, max] of RANGES) {
      const path = filePath(enginePath);
      const dotted = path.join('.');
      for (const ok of [min, max]) {
        const r = parseScenarioObject(fileWith(path, ok));
        // horizon/schedule interplay aside, a value at either end is accepted
        expect(r.ok ? [] : r.problems.filter((p) => p.path === dotted), `${dotted} = ${ok}`).toEqual([]);
      }
      for (const bad of [
        min - Math.max(1, Math.abs(min)) * 0.01 - 0.001,
        max + Math.max(1, Math.abs(max)) * 0.01 + 0.001,
      ]) {
        const r = parseScenarioObject(fileWith(path, bad));
        expect(r.ok, `${dotted} = ${bad} should be rejected`).toBe(false);
        if (!r.ok) expect(r.problems.map((p) => p.path)).toContain(dotted);
      }
    }
  });

  it('agrees with the engine on segment ranges', () => {
    const base = defaultScenario().population.segments;
    for (const [field, min, max] of SEGMENT_RANGES) {
      const segs = structuredClone(base) as unknown as Record<string, unknown>[];
      const keys = field.split('.');
      const set = (v: number) => {
        const target =
          keys.length === 2
            ? (segs[0][keys[0]] as Record<string, number>)
            : (segs[0] as Record<string, number>);
        target[keys[keys.length - 1]] = v;
      };
      set(max + 1);
      const r = parseScenarioObject({ schemaVersion: 2, population: { segments: segs } });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.map((p) => p.path)).toContain(`population.segments.0.${field}`);
      set(min);
    }
  });

  it('publishes a current JSON Schema in scenarios/schema.json', () => {
    const published = JSON.parse(readFileSync('scenarios/schema.json', 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
    expect(
      published.properties.levers.properties.value.properties.discount.properties.depthPct,
    ).toMatchObject({
      minimum: 0,
      maximum: 90,
      unit: '%',
    });
  });

  it('turns a parsed file into the engine scenario with levers flattened', () => {
    const r = parseScenarioObject({ schemaVersion: 2, levers: { emotion: { community: { levelPct: 40 } } } });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(toEngine(r.file).levers.community.levelPct).toBe(40);
      expect(formatProblem({ path: 'a.b', en: 'x', zh: 'y' }, 'zh')).toBe('a.b: y');
    }
  });
});
