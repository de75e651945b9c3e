import { parseScenarioObject } from '../../src/scenario/importer.ts';
import type { ScenarioFile } from '../../src/scenario/schema.ts';

/** A small world (quick under the test runner) with the given experiments. */
export function smallFile(experiments: unknown[], extra: Record<string, unknown> = {}): ScenarioFile {
  const r = parseScenarioObject({
    schemaVersion: 3,
    name: 'experiment test',
    horizonMonths: 30,
    population: { marketSize: 3000 },
    experiments,
    ...extra,
  });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.en}`).join('\n'));
  return r.file;
}
