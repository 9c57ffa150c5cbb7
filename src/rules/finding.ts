/** What a rule check returns: a problem found, the rule that found it, and the rows that show it. */
import { z } from 'zod';
import type { Threshold } from '../config/atoms.ts';
import { sortBy } from '../order.ts';

/** Config names in the build's locale, for the words of a finding (rules see codes, pages show names). */
export interface Labels {
  level(id: string): string;
  period(id: string): string;
  checkKind(id: string): string;
  /** An event type, or `survey` for the survey rule. */
  eventType(id: string): string;
  metric(id: string): string;
}

export const Evidence = z.strictObject({
  table: z.enum(['inspections', 'surveys', 'checks', 'events', 'metrics', 'units', 'awards']),
  id: z.string(),
  date: z.string(),
  /** Catalog key and values that describe the record, e.g. `evidence.inspection`. */
  messageKey: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Evidence = z.infer<typeof Evidence>;

export interface CheckFinding {
  ruleId: string;
  unitId: string;
  periodStart: string;
  periodEnd: string;
  /** The counted value and the threshold it failed. */
  observed: number;
  threshold: Threshold;
  /** Message catalog key; the page words it with `values` in the build's locale. */
  messageKey: string;
  values: Record<string, string | number>;
  evidence: Evidence[];
  /** Tells apart findings of one rule, unit and start date: the period ID, the check ID. */
  key?: string;
}


/** A check as evidence: its kind, score, who scored it and who signed it off. */
export interface CheckRecord {
  id: string;
  date: string;
  kind: string;
  score: number;
  checker: string;
  signed_by: string;
  /** The person checked, for checks that score a person. */
  staff_name: string | null;
}

export const checkEvidence = (checks: readonly CheckRecord[], labels: Labels): Evidence[] =>
  inRecordOrder(checks).map((c) => ({
    table: 'checks' as const,
    id: c.id,
    date: c.date,
    messageKey: c.staff_name === null ? 'evidence.check' : 'evidence.check.staff',
    values: { kind: labels.checkKind(c.kind), score: c.score, checker: c.checker || '—', signedBy: c.signed_by || '—', ...(c.staff_name === null ? {} : { staff: c.staff_name }) },
  }));

/** Evidence in a fixed order (date, then ID), whatever order the rows came in. */
export const inRecordOrder = <T extends { date: string; id: string }>(rows: readonly T[]): T[] =>
  sortBy([...rows], (r) => r.date, (r) => r.id);
