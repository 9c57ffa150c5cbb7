/** npm run schema: rewrites src/config/competition.schema.json from the zod schema. */
import { writeFileSync } from 'node:fs';
import { competitionJsonSchema, JSON_SCHEMA_FILE } from '../src/config/json-schema.ts';

writeFileSync(JSON_SCHEMA_FILE, competitionJsonSchema());
console.log(`wrote ${JSON_SCHEMA_FILE}`);
