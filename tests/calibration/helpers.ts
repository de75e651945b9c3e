import { readFileSync } from 'node:fs';
import { evaluateFiguresHere } from '../../src/calibration/calibrate.ts';
import { CALIBRATION_MONTHS, type SimulatedFigures } from '../../src/calibration/figures.ts';
import { PARAMETERS, type ParameterId } from '../../src/calibration/parameters.ts';
import type { FigureId, Target } from '../../src/calibration/targets.ts';
import { parseScenarioText } from '../../src/scenario/importer.ts';
import { type ScenarioFile, toEngine } from '../../src/scenario/schema.ts';

/** A shipped baseline, made small (market, staff) so a calibration costs seconds. */
export function smallBaseline(id = 'restaurant', marketSize = 2500, headcount = 20): ScenarioFile {
  const r = parseScenarioText(readFileSync(`scenarios/baselines/${id}.json`, 'utf8'));
  if (!r.ok) throw new Error(`${id} does not parse`);
  return {
    ...r.file,
    population: { ...r.file.population, marketSize },
    staff: { ...r.file.staff, headcount },
  };
}

/** A world with known parameter values. */
export function truthWorld(base: ScenarioFile, truth: Partial<Record<ParameterId, number>>): ScenarioFile {
  return Object.entries(truth).reduce((f, [id, v]) => PARAMETERS[id as ParameterId].apply(f, v), base);
}

/** The model's own figures of a world (mean of `reps` runs on seeds no calibration uses). */
export async function modelFigures(file: ScenarioFile, reps = 8): Promise<SimulatedFigures> {
  const scenario = toEngine({ ...file, horizonMonths: CALIBRATION_MONTHS });
  const runs = await evaluateFiguresHere(
    Array.from({ length: reps }, (_, k) => ({ scenario, seed: 'truth', replication: k })),
  );
  const out: SimulatedFigures = {};
  for (const id of Object.keys(runs[0]) as FigureId[]) out[id] = runs.reduce((a, r) => a + r[id]!, 0) / reps;
  return out;
}

/** Targets from figures, each with the tolerance given. */
export const targetsOf = (figs: SimulatedFigures, tolerances: Partial<Record<FigureId, number>>): Target[] =>
  (Object.entries(tolerances) as [FigureId, number][]).map(([id, tolerance]) => ({
    id,
    value: figs[id]!,
    tolerance,
  }));
