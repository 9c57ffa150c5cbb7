import { z } from 'zod';
import { Id, PeriodSelector, Text, Threshold } from '../../config/atoms.ts';

/** S4/S9 targets: the score of each unit of a level, in each period selected, meets a threshold. */
export const ScoreThreshold = z.strictObject({
  id: Id,
  label: Text,
  kind: z.literal('score_threshold'),
  level: Id,
  score: Id,
  periods: PeriodSelector,
  threshold: Threshold,
});
export type ScoreThreshold = z.infer<typeof ScoreThreshold>;
