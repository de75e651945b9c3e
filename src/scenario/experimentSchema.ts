/**
 * Experiments saved with a scenario (format 3): sweeps, sensitivity analyses and budget optimisations,
 * defined on the file's own fields by dotted path (e.g. "levers.value.discount.depthPct"), so a
 * colleague who opens the file can rerun them exactly.
 */
import * as z from 'zod';
import { audienceFields } from './audienceSchema.ts';

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

const numericAxis = z
  .strictObject({
    path: fieldPath,
    from: z.number(),
    to: z.number(),
    steps: z.int().min(2).max(41),
  })
  .refine((a) => a.from !== a.to, { message: 'from and to must differ', path: ['to'] });

/** A dotted path to a lever's audience, e.g. levers.emotion.careGestures.audience. */
export const audiencePath = z
  .string()
  .regex(
    /^levers\.[A-Za-z]+\.[A-Za-z]+\.audience$/,
    'must be the path of a lever’s audience, e.g. levers.emotion.careGestures.audience',
  );

/**
 * One choice of a categorical dimension: an audience (the file's own fields, so a choice reads like
 * the lever's audience), and optionally numbers set with it — e.g. the gestures a year that give each
 * audience the same spend, since an aimed lever's per-customer costs count only its audience.
 */
export const audienceChoiceSchema = z.strictObject({
  ...audienceFields,
  set: z.record(fieldPath, z.number()).default({}),
});

/** A categorical dimension: which audience a lever reaches, one of `choices`. */
export const choiceAxisSchema = z.strictObject({
  path: audiencePath,
  choices: z.array(audienceChoiceSchema).min(2).max(12),
});

/** A sweep's axis: a number from `from` to `to`, or a lever's audience from a list of choices. */
const axis = z.union([numericAxis, choiceAxisSchema]);

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
  /**
   * A categorical decision alongside the numeric ones: a lever's audience, one of a list. The
   * numeric search runs once per choice (each with `evaluations` mixes), and the best of the bests wins.
   */
  audience: choiceAxisSchema.optional(),
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
export type ChoiceAxis = z.output<typeof choiceAxisSchema>;
export type AudienceChoice = z.output<typeof audienceChoiceSchema>;
export type SweepAxis = Sweep['x'];
export type NumericAxis = Exclude<SweepAxis, ChoiceAxis>;

export const isChoiceAxis = (a: SweepAxis | ChoiceAxis): a is ChoiceAxis => 'choices' in a;

/** An experiment's categorical dimensions, where each sits in it (for checks and for messages). */
export function experimentChoices(e: Experiment): { at: (string | number)[]; axis: ChoiceAxis }[] {
  switch (e.kind) {
    case 'sweep':
      return [
        ...(isChoiceAxis(e.x) ? [{ at: ['x'], axis: e.x }] : []),
        ...(e.y && isChoiceAxis(e.y) ? [{ at: ['y'], axis: e.y }] : []),
      ];
    case 'sensitivity':
      return [];
    case 'optimise':
      return e.audience ? [{ at: ['audience'], axis: e.audience }] : [];
  }
}

/**
 * Every (path, lowest, highest) value an experiment sets, for checking against the file's ranges;
 * `at` is where in the experiment the path is written.
 */
export function experimentSettings(
  e: Experiment,
): { at: (string | number)[]; path: string; values: number[] }[] {
  switch (e.kind) {
    case 'sweep':
      return [...axisSettings(['x'], e.x), ...(e.y ? axisSettings(['y'], e.y) : [])];
    case 'sensitivity':
      return e.parameters.map((p, k) => ({
        at: ['parameters', k, 'path'],
        path: p.path,
        values: [p.low, p.high],
      }));
    case 'optimise':
      return [
        ...e.levers.map((p, k) => ({ at: ['levers', k, 'path'], path: p.path, values: [p.min, p.max] })),
        ...(e.audience ? axisSettings(['audience'], e.audience) : []),
      ];
  }
}

function axisSettings(
  at: (string | number)[],
  a: SweepAxis,
): { at: (string | number)[]; path: string; values: number[] }[] {
  if (!isChoiceAxis(a)) return [{ at: [...at, 'path'], path: a.path, values: [a.from, a.to] }];
  return a.choices.flatMap((c, k) =>
    Object.entries(c.set).map(([path, v]) => ({ at: [...at, 'choices', k, 'set', path], path, values: [v] })),
  );
}
