import { z } from 'zod';
import { Id, Text, Threshold } from '../../config/atoms.ts';

export const SurveyCount = z.strictObject({
  id: Id,
  label: Text,
  kind: z.literal('survey_count'),
  level: Id,
  per: z.literal('month'),
  respondents: Threshold,
  during: z.array(Id).optional(),
});
export type SurveyCount = z.infer<typeof SurveyCount>;
