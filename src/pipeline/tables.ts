/**
 * The CSV tables a competition folder holds, column by column. The loader checks headers
 * against this, and the staging SQL (sql/stg_*.sql) gives each column its type.
 */
import type { TableName } from '../config/schema.ts';

export type ColumnType = 'id' | 'text' | 'date' | 'time' | 'number' | 'count' | 'enum';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  required: boolean;
  /** Allowed values of an enum column. */
  values?: readonly string[];
  /** Internal columns never reach a public build. */
  internal?: boolean;
  help: string;
}

const col = (name: string, type: ColumnType, help: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  type,
  required: true,
  help,
  ...extra,
});
const optional = { required: false } as const;

export const EVENT_STATUSES = ['verified', 'unverified', 'pending'] as const;
export const INSPECTION_METHODS = ['onsite', 'video'] as const;
/** A nomination's history: the latest row (by date, then id) states where it stands. */
export const NOMINATION_STATUSES = ['nominated', 'withdrawn', 'objection_upheld', 'selected'] as const;
export const YES_NO = ['yes', 'no'] as const;
export const APPEAL_DECISIONS = ['upheld', 'rejected', 'adjusted', 'pending'] as const;
/** An objection (异议) to a candidate during a notice's 公示期: an empty decision is still open. */
export const OBJECTION_DECISIONS = ['upheld', 'rejected'] as const;

export const TABLES: Record<TableName, { idColumn: string; columns: ColumnSpec[] }> = {
  units: {
    idColumn: 'unit_id',
    columns: [
      col('unit_id', 'id', 'the unit’s code'),
      col('name', 'text', 'display name'),
      col('name_en', 'text', 'the name in the English edition; empty keeps the name', optional),
      col('level', 'id', 'a level id from org.levels'),
      col('parent_id', 'id', 'the parent unit; empty for the top', optional),
      col('head_staff_id', 'id', 'the staff member who leads the unit', optional),
    ],
  },
  staff: {
    idColumn: 'staff_id',
    columns: [
      col('staff_id', 'id', 'the person’s code'),
      col('name', 'text', 'display name'),
      col('name_en', 'text', 'the name in the English edition (pinyin); empty keeps the name', optional),
      col('unit_id', 'id', 'the unit the person belongs to'),
      col('role', 'text', 'job title', optional),
      col('employee_no', 'text', 'payroll number', { ...optional, internal: true }),
    ],
  },
  events: {
    idColumn: 'event_id',
    columns: [
      col('event_id', 'id', 'unique across all event files'),
      col('date', 'date', 'YYYY-MM-DD, inside the competition'),
      col('type', 'id', 'an event type id from event_types'),
      col('unit_id', 'id', 'the unit the event is about (leave empty when staff_id is set)', optional),
      col('staff_id', 'id', 'the person the event is about (leave empty when unit_id is set)', optional),
      col('points', 'number', 'points set for this case, within the type’s range; empty for fixed-point types', optional),
      col('status', 'enum', 'verified, unverified or pending', { values: EVENT_STATUSES }),
      col('source', 'text', 'where the event came from: a letter, an inspection, a hotline ticket', optional),
      col('note', 'text', 'internal remark; left out of public builds', { ...optional, internal: true }),
      col('amount', 'number', '元: the fine set for this case, or the value of a loss or damage', optional),
      col('problem', 'id', 'a code naming the problem, so that the same problem again is a repeat', optional),
      col('priority', 'enum', 'yes for a priority item named by the higher level, else no or empty', { ...optional, values: YES_NO }),
    ],
  },
  surveys: {
    idColumn: 'survey_id',
    columns: [
      col('survey_id', 'id', 'unique'),
      col('date', 'date', 'the day the calls were made'),
      col('unit_id', 'id', 'the unit whose customers were called'),
      col('satisfied', 'count', 'customers who said 满意'),
      col('neutral', 'count', 'customers who said 一般'),
      col('unsatisfied', 'count', 'customers who said 不满意'),
    ],
  },
  checks: {
    idColumn: 'check_id',
    columns: [
      col('check_id', 'id', 'unique'),
      col('date', 'date', 'the day of the check'),
      col('unit_id', 'id', 'the unit checked (the person’s own unit when staff_id is set)'),
      col('staff_id', 'id', 'the person checked, when the check scores a person rather than the unit', optional),
      col('kind', 'id', 'what sort of check, e.g. quarterly or mystery'),
      col('score', 'number', '0–100'),
      col('checker', 'text', 'who scored it', optional),
      col('signed_by', 'text', 'who signed the result off', optional),
    ],
  },
  inspections: {
    idColumn: 'inspection_id',
    columns: [
      col('inspection_id', 'id', 'unique'),
      col('date', 'date', 'the day of the inspection'),
      col('unit_id', 'id', 'the unit inspected'),
      col('method', 'enum', 'onsite or video', { values: INSPECTION_METHODS }),
      col('minutes', 'number', 'length of the inspection or video slot', optional),
      col('time', 'time', 'the time of day it started, HH:MM (24-hour); needed by hourly cadence rules', optional),
      col('inspector', 'text', 'who inspected', optional),
    ],
  },
  nominations: {
    idColumn: 'nomination_id',
    columns: [
      col('nomination_id', 'id', 'unique'),
      col('date', 'date', 'the day the nomination or its new status was recorded'),
      col('award_id', 'id', 'an award id from the config'),
      col('period_id', 'id', 'the period the award is for'),
      col('unit_id', 'id', 'the nominated unit (leave empty when staff_id is set)', optional),
      col('staff_id', 'id', 'the nominated person (leave empty when unit_id is set)', optional),
      col('status', 'enum', 'nominated, withdrawn, objection_upheld or selected', { values: NOMINATION_STATUSES }),
      col('nominated_by', 'text', 'who nominated or decided', optional),
      col('reference', 'text', 'document number of the decision or objection ruling', optional),
      col('note', 'text', 'internal remark; left out of public builds', { ...optional, internal: true }),
    ],
  },
  approvals: {
    idColumn: 'approval_id',
    columns: [
      col('approval_id', 'id', 'unique'),
      col('date', 'date', 'the day of the written approval'),
      col('rule_id', 'id', 'the eligibility rule id it overrides'),
      col('award_id', 'id', 'the award it applies to; every award when empty', optional),
      col('unit_id', 'id', 'the approved unit (leave empty when staff_id is set)', optional),
      col('staff_id', 'id', 'the approved person (leave empty when unit_id is set)', optional),
      col('reference', 'text', 'the approval’s document number (文号)'),
      col('note', 'text', 'internal remark; left out of public builds', { ...optional, internal: true }),
    ],
  },
  appeals: {
    idColumn: 'appeal_id',
    columns: [
      col('appeal_id', 'id', 'unique'),
      col('event_id', 'id', 'the event appealed against'),
      col('date', 'date', 'the day the appeal was lodged'),
      col('decision', 'enum', 'upheld, rejected, adjusted or pending', { values: APPEAL_DECISIONS }),
      col('points', 'number', 'the new points, when the decision is adjusted', optional),
      col('amount', 'number', 'the new amount (元), when the decision is adjusted', optional),
      col('decided_on', 'date', 'the day of the decision', optional),
      col('note', 'text', 'internal remark; left out of public builds', { ...optional, internal: true }),
    ],
  },
  objections: {
    idColumn: 'objection_id',
    columns: [
      col('objection_id', 'id', 'unique'),
      col('date', 'date', 'the day the objection was received'),
      col('award_id', 'id', 'the award whose candidate list it concerns'),
      col('period_id', 'id', 'the period of that list'),
      col('unit_id', 'id', 'the candidate unit (leave empty when staff_id is set)', optional),
      col('staff_id', 'id', 'the candidate person (leave empty when unit_id is set)', optional),
      col('summary', 'text', 'what the objection says; internal, never published', { ...optional, internal: true }),
      col('decision', 'enum', 'upheld or rejected; empty while it is being looked into', { ...optional, values: OBJECTION_DECISIONS }),
      col('decided_on', 'date', 'the day of the decision; needed with a decision', optional),
    ],
  },
  metrics: {
    idColumn: 'metric_id',
    columns: [
      col('metric_id', 'id', 'unique: this measured value’s code'),
      col('date', 'date', 'the day the value was measured or booked'),
      col('unit_id', 'id', 'the unit measured (leave empty when staff_id is set)', optional),
      col('staff_id', 'id', 'the person measured (leave empty when unit_id is set)', optional),
      col('metric', 'id', 'a metric id from the config’s metrics'),
      col('value', 'number', 'the measured value'),
      col('note', 'text', 'internal remark; left out of public builds', { ...optional, internal: true }),
    ],
  },
};
