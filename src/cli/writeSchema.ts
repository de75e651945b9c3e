/** npm run schema: writes scenarios/schema.json from the zod schema (a test checks it is current). */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../scenario/jsonSchema.ts';

writeFileSync('scenarios/schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log('wrote scenarios/schema.json');
