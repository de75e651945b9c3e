import type { Scenario } from '../engine/index.ts';
import { type ChoiceAxis, type Experiment, experimentChoices } from '../scenario/experimentSchema.ts';
import { fieldMeta, setAt } from '../scenario/fields.ts';
import { type ScenarioFile, toEngine } from '../scenario/schema.ts';
import type { Point } from './design.ts';

const pathOf = (p: string) => p.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));

/** An experiment's categorical dimensions, for `scenarioAt` to read their points' choice indices. */
export const choiceAxes = (e: Experiment): ChoiceAxis[] => experimentChoices(e).map((c) => c.axis);

/**
 * The engine scenario with an experiment's values set (integer fields rounded, as a user would). A
 * coordinate on one of `choices` is a choice's index: it sets that lever's audience and the choice's
 * own numbers; the point's numeric values are set after them, so an axis of its own wins.
 */
export function scenarioAt(file: ScenarioFile, point: Point, choices: readonly ChoiceAxis[] = []): Scenario {
  let f = file;
  const fromChoices: [string, number][] = [];
  const numbers: [string, number][] = [];
  for (const [path, value] of Object.entries(point)) {
    const axis = choices.find((c) => c.path === path);
    if (!axis) {
      numbers.push([path, value]);
      continue;
    }
    const choice = axis.choices[value];
    if (!choice) throw new Error(`${path}: there is no choice ${value + 1} of ${axis.choices.length}`);
    const { set, ...audience } = choice;
    f = setAt(f, pathOf(path), audience);
    fromChoices.push(...Object.entries(set));
  }
  for (const [path, value] of [...fromChoices, ...numbers]) {
    const at = pathOf(path);
    f = setAt(f, at, fieldMeta(at).integer ? Math.round(value) : value);
  }
  return toEngine(f);
}
