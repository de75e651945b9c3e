/** A lever's audience in a file (engine: Audience), shared by the scenario's levers and a lesson's options. */
import * as z from 'zod';
import { AIMED_LEVERS, AUDIENCE_KINDS } from '../engine/index.ts';

const sized = (min: number, max: number, unit: string, def: number, integer = false) =>
  (integer ? z.int() : z.number()).min(min).max(max).meta({ unit, minimum: min, maximum: max }).default(def);

/** The fields of an audience, shared with an experiment's audience choices (experimentSchema.ts). */
export const audienceFields = {
  kind: z.enum(AUDIENCE_KINDS).default('everyone'),
  /** For a segment audience: one of population.segments (the file's check says which exist). */
  segment: z.string().max(40).default(''),
  topPct: sized(1, 100, '% of active customers', 20),
  newMonths: sized(1, 24, 'months', 3, true),
};

export const audienceSchema = z.strictObject(audienceFields).prefault({});

/** Audiences by aimed lever name, e.g. { careGestures: { kind: 'topValue', topPct: 20 } }. */
export const audiencesByLever = z.partialRecord(z.enum(AIMED_LEVERS), audienceSchema);
