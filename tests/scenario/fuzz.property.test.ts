/**
 * The importer against hostile and accidental input: random JSON, mutated shipped files, truncated
 * links, huge numbers, NaN, deep nesting, prototype keys. Each must give a valid scenario or readable
 * problems; none may throw, hang or pollute prototypes. 10,000+ inputs in all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type ImportResult, parseScenarioObject, parseScenarioText } from '../../src/scenario/importer.ts';
import { decodeShareLink, encodeShareLink } from '../../src/scenario/share.ts';

const shipped = readdirSync('scenarios', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json') && !f.endsWith('schema.json'))
  .map((f) => readFileSync(`scenarios/${f}`, 'utf8'));

let inputs = 0;

function wellFormed(r: ImportResult): void {
  inputs++;
  if (r.ok) {
    expect(r.scenario.population.marketSize).toBeGreaterThanOrEqual(10);
    return;
  }
  expect(r.problems.length).toBeGreaterThan(0);
  for (const p of r.problems) {
    expect(typeof p.path).toBe('string');
    expect(p.en.length).toBeGreaterThan(0);
    expect(p.zh.length).toBeGreaterThan(0);
  }
}

function noPollution(): void {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Array.prototype).not.toHaveProperty('polluted');
}

/** Sets a random path in a parsed file to a random value: the typical ways people break files. */
const mutation = fc.record({
  file: fc.constantFrom(...shipped),
  path: fc.array(
    fc.oneof(
      fc.constantFrom(
        'levers',
        'value',
        'discount',
        'depthPct',
        'population',
        'segments',
        '0',
        'sharePct',
        'market',
        'events',
        'schedule',
        'case',
        'checks',
        '__proto__',
        'constructor',
        'prototype',
        'schemaVersion',
      ),
      fc.string({ maxLength: 8 }),
    ),
    { minLength: 1, maxLength: 5 },
  ),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom(
      1e308,
      -1e308,
      1e21,
      -0,
      0.1 + 0.2,
      'NaN',
      'Infinity',
      null,
      '',
      [],
      {},
      { polluted: true },
    ),
    fc.double(),
  ),
});

function mutate(text: string, path: string[], value: unknown): string {
  const obj = JSON.parse(text);
  let cur = obj;
  for (const key of path.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object') return JSON.stringify(obj);
    if (!Object.hasOwn(cur, key) || typeof cur[key] !== 'object' || cur[key] === null) {
      Object.defineProperty(cur, key, { value: {}, enumerable: true, writable: true, configurable: true });
    }
    cur = cur[key];
  }
  if (cur !== null && typeof cur === 'object') {
    Object.defineProperty(cur, path[path.length - 1], {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  // JSON.stringify writes NaN and ±Infinity as null, as a file would have them.
  return JSON.stringify(obj);
}

describe('importer fuzzing', () => {
  afterAll(() => {
    expect(inputs).toBeGreaterThanOrEqual(10_000);
  });

  it('survives arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        wellFormed(parseScenarioObject(v));
        wellFormed(parseScenarioText(JSON.stringify(v) ?? ''));
      }),
      { numRuns: 2500, seed: 1 },
    );
    noPollution();
  });

  it('survives arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (t) => wellFormed(parseScenarioText(t))),
      { numRuns: 2000, seed: 2 },
    );
  });

  it('survives mutated shipped files, with prototype keys and extreme numbers', () => {
    fc.assert(
      fc.property(mutation, ({ file, path, value }) => {
        wellFormed(parseScenarioText(mutate(file, path, value)));
      }),
      { numRuns: 3000, seed: 3 },
    );
    noPollution();
  });

  it('survives truncated and corrupted files', () => {
    fc.assert(
      fc.property(fc.constantFrom(...shipped), fc.nat(), fc.nat(), (file, a, b) => {
        wellFormed(parseScenarioText(file.slice(0, a % (file.length + 1))));
        const k = b % file.length;
        wellFormed(
          parseScenarioText(file.slice(0, k) + String.fromCharCode(33 + (a % 90)) + file.slice(k + 1)),
        );
      }),
      { numRuns: 1500, seed: 4 },
    );
  });

  it('survives deep nesting, huge inputs and raw __proto__ keys', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    wellFormed(parseScenarioText(deep));
    wellFormed(
      parseScenarioText(`{"schemaVersion":2,"population":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`),
    );
    wellFormed(parseScenarioText(`{"schemaVersion":2,"name":"${'x'.repeat(3_000_000)}"}`));
    wellFormed(
      parseScenarioText(
        '{"schemaVersion":2,"__proto__":{"polluted":true},"levers":{"__proto__":{"polluted":true}}}',
      ),
    );
    wellFormed(parseScenarioText('{"schemaVersion":2,"constructor":{"prototype":{"polluted":true}}}'));
    wellFormed(parseScenarioText('{"schemaVersion":2,"horizonMonths":1e999}'));
    noPollution();
  });

  it('survives truncated and garbled share links', async () => {
    const r = parseScenarioText(shipped[0]);
    if (!r.ok) throw new Error('shipped file invalid');
    const link = await encodeShareLink(r.file, 'http://localhost/');
    if (!link.ok) throw new Error('link too long');
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.string({ maxLength: 5 }), async (cut, junk) => {
        const truncated = link.url.slice(0, cut % (link.url.length + 1));
        wellFormed(await decodeShareLink(truncated));
        wellFormed(await decodeShareLink(truncated + junk));
      }),
      { numRuns: 1000, seed: 5 },
    );
  });
});
