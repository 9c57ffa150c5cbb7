import { z } from 'zod';
import { Id, PeriodSelector, Text, Threshold } from '../../config/atoms.ts';

/** S4 复查: a unit whose score last period met `below` must be checked again this period. */
export const Recheck = z.strictObject({
  id: Id,
  label: Text,
  kind: z.literal('recheck'),
  level: Id,
  score: Id,
  /** Period kinds whose previous period (same kind, by order) decides, e.g. `quarter`. */
  periods: PeriodSelector,
  /** The score that calls for a recheck, e.g. `{ op: '<', value: 85 }`. */
  below: Threshold,
  /** Check kinds that count as the recheck; any kind when left out. */
  checks: z.array(Id).min(1).optional(),
});
export type Recheck = z.infer<typeof Recheck>;
