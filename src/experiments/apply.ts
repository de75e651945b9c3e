import type { Scenario } from '../engine/index.ts';
import { fieldMeta, setAt } from '../scenario/fields.ts';
import { type ScenarioFile, toEngine } from '../scenario/schema.ts';
import type { Point } from './design.ts';

const pathOf = (p: string) => p.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));

/** The engine scenario with an experiment's values set (integer fields rounded, as a user would). */
export function scenarioAt(file: ScenarioFile, point: Point): Scenario {
  let f = file;
  for (const [path, value] of Object.entries(point)) {
    const at = pathOf(path);
    f = setAt(f, at, fieldMeta(at).integer ? Math.round(value) : value);
  }
  return toEngine(f);
}
