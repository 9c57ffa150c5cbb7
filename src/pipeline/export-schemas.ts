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

/** The audit trail: what each rule contributed to a score, and the records behind it. */
export const ScorePartExportRow = z.strictObject({
  period_id: z.string(),
  score_id: z.string(),
  entity_kind: z.enum(['unit', 'staff']),
  entity_id: z.string(),
  rule_id: z.string(),
  amount: z.number(),
  /** Sorted record IDs (events, surveys, checks), separated by spaces. */
  source_ids: z.string(),
});
export type ScorePartExportRow = z.infer<typeof ScorePartExportRow>;

/** One per-event fine (S5). */
export const FineExportRow = z.strictObject({
  event_id: z.string(),
  date: z.string(),
  type_id: z.string(),
  type_label: z.string(),
  entity_kind: z.enum(['unit', 'staff']),
  entity_id: z.string(),
  entity_name: z.string(),
  rule: z.enum(['fixed', 'range', 'per_point']),
  points: z.number().nullable(),
  rate: z.number().nullable(),
  multiplier: z.number(),
  amount: z.number(),
  repeat: z.boolean(),
  priority: z.boolean(),
  appeal_id: z.string(),
  appeal_decision: z.string(),
});
export type FineExportRow = z.infer<typeof FineExportRow>;

/** Fines per period and entity. */
export const FineTotalExportRow = z.strictObject({
  period_id: z.string(),
  period_label: z.string(),
  entity_kind: z.enum(['unit', 'staff']),
  entity_id: z.string(),
  entity_name: z.string(),
  events: z.int().nonnegative(),
  amount: z.number(),
});
export type FineTotalExportRow = z.infer<typeof FineTotalExportRow>;

/**
 * One candidate of an award or penalty list in a period: won, admitted by a tie at the boundary,
 * removed by an upheld objection, or ineligible by a rule (its ids in `rule`, its words in `reason`).
 */
export const AWARD_STATUSES = ['won', 'tie_admitted', 'removed_by_objection', 'ineligible'] as const;
export const AwardExportRow = z.strictObject({
  award_id: z.string(),
  award_label: z.string(),
  kind: z.enum(['award', 'penalty']),
  period_id: z.string(),
  period_label: z.string(),
  entity_kind: z.enum(['unit', 'staff']),
  entity_id: z.string(),
  entity_name: z.string(),
  parent_name: z.string(),
  quota_group: z.string(),
  /** Rank in the award's ranking; null for a selection made without a score. */
  place: z.int().positive().nullable(),
  score: z.number().nullable(),
  amount: z.number().nullable(),
  status: z.enum(AWARD_STATUSES),
  rule: z.string(),
  reason: z.string(),
});
export type AwardExportRow = z.infer<typeof AwardExportRow>;

export const columnsOf = (schema: z.ZodObject): string[] => Object.keys(schema.shape);
