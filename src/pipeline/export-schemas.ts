/**
 * The downloadable files' rows. The schemas fix each file's columns and their order, and the
 * tests parse the published files with them.
 */
import { z } from 'zod';

export const StandingExportRow = z.strictObject({
  period_id: z.string(),
  period_label: z.string(),
  period_status: z.enum(['final', 'provisional']),
  scope_id: z.string(),
  scope_label: z.string(),
  group_id: z.string(),
  group_name: z.string(),
  entity_kind: z.enum(['unit', 'staff']),
  entity_id: z.string(),
  entity_name: z.string(),
  parent_id: z.string(),
  parent_name: z.string(),
  score: z.number(),
  rank: z.int().positive(),
  rank_count: z.int().positive(),
  previous_rank: z.int().positive().nullable(),
  rank_change: z.int().nullable(),
  target_met: z.boolean().nullable(),
});
export type StandingExportRow = z.infer<typeof StandingExportRow>;

export const FindingExportRow = z.strictObject({
  finding_id: z.string(),
  rule_id: z.string(),
  rule_label: z.string(),
  unit_id: z.string(),
  unit_name: z.string(),
  period_start: z.string(),
  period_end: z.string(),
  observed: z.number(),
  required: z.string(),
  evidence_ids: z.string(),
});
export type FindingExportRow = z.infer<typeof FindingExportRow>;

export const columnsOf = (schema: z.ZodObject): string[] => Object.keys(schema.shape);
