import type { AudienceKind } from '../engine/index.ts';
import type { OutcomeId } from '../scenario/experimentSchema.ts';
import { fieldMeta } from '../scenario/fields.ts';
import { aimedLeverPaths, type ScenarioFile } from '../scenario/schema.ts';

/** The audiences of the file's aimed levers, each a categorical dimension a sweep may take. */
export const audiencePaths = aimedLeverPaths;

/** Every number of a scenario file an experiment may vary, with the range the file allows. */
export function numericFields(
  file: ScenarioFile,
): { path: string; value: number; min: number; max: number }[] {
  const out: { path: string; value: number; min: number; max: number }[] = [];
  const walk = (x: unknown, at: (string | number)[]) => {
    if (typeof x === 'number') {
      const m = fieldMeta(at);
      if (m.minimum !== undefined && m.maximum !== undefined)
        out.push({ path: at.join('.'), value: x, min: m.minimum, max: m.maximum });
      return;
    }
    if (x === null || typeof x !== 'object') return;
    if (at[0] === 'experiments' || at[0] === 'lesson' || at[0] === 'case' || at[0] === 'probes') return;
    // Schedules and events are lists of windows, not parameters to sweep.
    if (at.at(-1) === 'schedule' || at.at(-1) === 'events' || at.at(-1) === 'referenceLoyalty') return;
    for (const [k, v] of Object.entries(x)) walk(v, [...at, Array.isArray(x) ? Number(k) : k]);
  };
  walk(file, []);
  return out;
}

/** An audience a user may tick as a choice (the file's fields; the rest take their defaults). */
export interface ChoiceDraft {
  kind: AudienceKind;
  topPct?: number;
  newMonths?: number;
  segment?: string;
}

/** The audiences the composer offers as choices: everyone, the top `topPct` %, at risk, new, each segment. */
export function candidateChoices(file: ScenarioFile, topPct = 20): ChoiceDraft[] {
  return [
    { kind: 'everyone' },
    { kind: 'topValue', topPct },
    { kind: 'atRisk' },
    { kind: 'new', newMonths: 3 },
    ...file.population.segments.map((g) => ({ kind: 'segment' as const, segment: g.id })),
  ];
}

export type AxisDraft =
  | { path: string; from: number; to: number; steps: number }
  | { path: string; choices: ChoiceDraft[] };

export interface SweepDraft {
  id: string;
  outcome: OutcomeId;
  replications: number;
  x: AxisDraft;
  y: AxisDraft | null;
}

/** The file with one more sweep (the importer checks it like any other experiment). */
export function withSweep(file: ScenarioFile, d: SweepDraft): unknown {
  const sweep = {
    kind: 'sweep',
    id: d.id,
    outcome: d.outcome,
    replications: d.replications,
    seed: '1',
    x: d.x,
    ...(d.y ? { y: d.y } : {}),
  };
  return { ...file, experiments: [...file.experiments.filter((e) => e.id !== d.id), sweep] };
}
