/** What a rule check returns: a problem found, the rule that found it, and the rows that show it. */
import type { Threshold } from '../config/atoms.ts';
import type { Labels } from '../config/labels.ts';
import { sortBy } from '../order.ts';

export type { Evidence } from '../site/model.ts';
export type { Labels } from '../config/labels.ts';
import type { Evidence } from '../site/model.ts';

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
