import { z } from 'zod';
import { Id, PeriodSelector, Text, Threshold } from '../../config/atoms.ts';

/** What counts as having been looked at: a check (of some kinds) or an inspection (of a method). */
const CoveredBy = z.union([
  z.strictObject({ checks: z.array(Id).min(1).optional() }).describe('a check of these kinds; of any kind when left out'),
  z.strictObject({ inspections: z.enum(['onsite', 'video']) }).describe('an inspection of this method'),
]);

/** S4: "each quarter covers all sub-branches and at least 60% of outlets; the year 100%". */
export const Coverage = z.strictObject({
  id: Id,
  label: Text,
  kind: z.literal('coverage'),
  /** The units that must be covered. */
  level: Id,
  /** Coverage is counted inside each unit of this level (each sub-branch covers its outlets); the top level when left out. */
  within: Id.optional(),
  periods: PeriodSelector,
  by: CoveredBy,
  /** Percent of the units covered, e.g. `{ op: '>=', value: 60 }`. Give this or `units`. */
  share: Threshold.optional(),
  /** Number of units covered, e.g. `{ op: '>=', value: 2 }` (at least 2 outlets had a video check). */
  units: Threshold.optional(),
});
export type Coverage = z.infer<typeof Coverage>;
