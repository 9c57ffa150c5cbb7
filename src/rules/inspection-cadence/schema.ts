import { z } from 'zod';
import { Id, Int, Num, Text, Threshold } from '../../config/atoms.ts';

export const InspectionCadence = z.strictObject({
  id: Id,
  label: Text,
  kind: z.literal('inspection_cadence'),
  level: Id,
  method: z.enum(['onsite', 'video']),
  /** `week`: Monday–Sunday; `hours`: each slot of `hours` hours of each day's `service_hours` (S6 hourly patrol). */
  per: z.enum(['week', 'hours']),
  /** per: hours only, the slot length: 1 for hourly, 2 for every two hours … */
  hours: Int().min(1).max(24).optional(),
  /** per: hours only, the hours the rule covers each day, from the start of hour `from` to the start of hour `to` (6 – 22). */
  service_hours: z.strictObject({ from: Int().min(0).max(23), to: Int().min(1).max(24) }).default({ from: 0, to: 24 }),
  count: Threshold,
  /** Inspections shorter than this many minutes do not count (video slots of at least 5 minutes). */
  min_minutes: Num().nonnegative().default(0),
  /** Phase IDs in which the rule applies; the whole competition when left out. */
  during: z.array(Id).optional(),
  /**
   * Only working days are checked (the holiday calendar, 调休 days worked): per week, a week
   * without a working day (the Spring Festival week) needs nothing; per hours, only the slots of
   * working days. Left false, every week and every day is checked, holidays included (a bus runs).
   */
  working_days_only: z.boolean().default(false),
});
export type InspectionCadence = z.infer<typeof InspectionCadence>;
