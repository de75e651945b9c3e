/**
 * Experiments saved with a scenario (format 3): sweeps, sensitivity analyses and budget optimisations,
 * defined on the file's own fields by dotted path (e.g. "levers.value.discount.depthPct"), so a
 * colleague who opens the file can rerun them exactly.
 */
import * as z from 'zod';

export const OUTCOME_IDS = [
  'profit',
  'meanClv',
  'retention12',
  'retention24',
  'nps',
  'referralRate',
  'activeEnd',
] as const;
export type OutcomeId = (typeof OUTCOME_IDS)[number];

/** A dotted path to a number of the scenario file, e.g. levers.value.discount.depthPct. */
export const fieldPath = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/, 'must be a dotted path to a number in this file');
/** A short name for an experiment or lesson option. */
export const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'lower-case letters, digits and dashes');
const title = z.strictObject({ en: z.string().max(300), zh: z.string().max(300) }).optional();
const seed = z.union([z.string().max(60), z.int()]).default('1');
const reps = (def: number) => z.int().min(2).max(500).default(def);

const axis = z
  .strictObject({
    path: fieldPath,
    from: z.number(),
    to: z.number(),
    steps: z.int().min(2).max(41),
  })
  .refine((a) => a.from !== a.to, { message: 'from and to must differ', path: ['to'] });

export const sweepSchema = z.strictObject({
  kind: z.literal('sweep'),
  id,
  title,
  outcome: z.enum(OUTCOME_IDS),
  replications: reps(10),
  seed,
  x: axis,
  /** A second parameter makes a heat map. */
  y: axis.optional(),
});

const range = z
  .strictObject({ path: fieldPath, low: z.number(), high: z.number() })
  .refine((p) => p.low < p.high, { message: 'low must be below high', path: ['high'] });

export const sensitivitySchema = z.strictObject({
  kind: z.literal('sensitivity'),
  id,
  title,
  outcome: z.enum(OUTCOME_IDS),
  replications: reps(10),
  seed,
  parameters: z.array(range).min(2).max(30),
  /** Morris elementary effects: trajectories through a grid of `levels` values per parameter. */
  morris: z
    .strictObject({
      trajectories: z.int().min(2).max(50).default(6),
      levels: z.int().min(3).max(10).default(4),
    })
    .prefault({}),
});

const decision = z
  .strictObject({ path: fieldPath, min: z.number(), max: z.number() })
  .refine((p) => p.min < p.max, { message: 'min must be below max', path: ['max'] });

export const optimiseSchema = z.strictObject({
  kind: z.literal('optimise'),
  id,
  title,
  objective: z.enum(['profit', 'meanClv', 'retention24', 'retention12']),
  /** Mean lever spend per month must stay within this (money). */
  monthlyBudget: z.number().min(0).max(1e9),
  replications: reps(8),
  seed,
  levers: z.array(decision).min(1).max(8),
  /** Mixes the search may evaluate (each with all replications). */
  evaluations: z.int().min(8).max(400).default(60),
});

export const experimentSchema = z.discriminatedUnion('kind', [
  sweepSchema,
  sensitivitySchema,
  optimiseSchema,
]);

export type Sweep = z.output<typeof sweepSchema>;
export type Sensitivity = z.output<typeof sensitivitySchema>;
export type Optimise = z.output<typeof optimiseSchema>;
export type Experiment = z.output<typeof experimentSchema>;

/** Every (path, lowest, highest) value an experiment sets, for checking against the file's ranges. */
export function experimentSettings(
  e: Experiment,
): { at: (string | number)[]; path: string; values: number[] }[] {
  switch (e.kind) {
    case 'sweep':
      return [
        { at: ['x'], path: e.x.path, values: [e.x.from, e.x.to] },
        ...(e.y ? [{ at: ['y'], path: e.y.path, values: [e.y.from, e.y.to] }] : []),
      ];
    case 'sensitivity':
      return e.parameters.map((p, k) => ({ at: ['parameters', k], path: p.path, values: [p.low, p.high] }));
    case 'optimise':
      return e.levers.map((p, k) => ({ at: ['levers', k], path: p.path, values: [p.min, p.max] }));
  }
}
