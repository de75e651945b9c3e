import * as z from 'zod';
import { SCHEMA_VERSION, scenarioFileSchema } from './schema.ts';

/** The JSON Schema of scenario files (what a file may contain), for editors' validation and autocomplete. */
export function scenarioJsonSchema(): object {
  return {
    ...z.toJSONSchema(scenarioFileSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'Loyalty Lab scenario',
    description: `A Loyalty Lab scenario file (format ${SCHEMA_VERSION}). Generated from src/scenario/schema.ts: do not edit.`,
  };
}
