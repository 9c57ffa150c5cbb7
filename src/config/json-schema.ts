/** The JSON Schema of competition.yaml, for editors' autocompletion; generated from the zod schema. */
import { z } from 'zod';
import { CompetitionConfig } from './schema.ts';

export const JSON_SCHEMA_FILE = 'src/config/competition.schema.json';

export function competitionJsonSchema(): string {
  const schema = z.toJSONSchema(CompetitionConfig, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'Podium competition.yaml' }, null, 2)}\n`;
}
