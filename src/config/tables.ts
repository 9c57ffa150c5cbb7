/**
 * The CSV tables a competition folder holds, column by column: the one place where a column's
 * type, whether it is required or internal, what it references and how a bad value is told are
 * written. The loader checks headers against it; src/pipeline/table-sql.ts generates from it the
 * raw tables, the per-cell validation and the typed columns the staging models read. The rules
 * that span rows otherwise or read the config (dates in order, IDs the config declares) are
 * the tables' own SQL: sql/validate/rules/. What the public edition withholds of a column
 * (`internal`, `person`, `withheldUnless`) is written here too: the typed columns are redacted
 * from it, and the data manifest hashes what is left.
 */
import type { TableName } from './schema.ts';

/** `flag`: yes, no or empty, staged as a boolean (empty is no). */
export type ColumnType = 'id' | 'text' | 'date' | 'time' | 'number' | 'count' | 'enum' | 'flag';

/** A table whose IDs a column names (checked by the generated SQL), or `config`: IDs the config declares (checked by the table's rules, which list them). */
export type Reference = 'units' | 'staff' | 'events' | 'config';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  required: boolean;
  /** Allowed values of an enum column. */
  values?: readonly string[];
  /** Internal columns never reach a public build: the public edition stages them empty. */
  internal?: boolean;
  /**
   * The column names a person, so the public edition shows it as `public.staff_names` says
   * (masked 张*三, or omitted); `code` is the column of the same row holding that person's code,
   * shown instead of an omitted name ('*' without one).
   */
  person?: { code?: string };
  /** The public edition stages the column empty unless this switch of `public` is on. */
  withheldUnless?: 'event_sources';
  /** The English edition's form of another column (name_en of name): staging shows it in that column's place. */
  translates?: string;
  help: string;
  references?: Reference;
  /** The table's rules alone check the values (they can say more than a generated check: the level a parent must be at). */
  checkedByRules?: boolean;
  /** What a bad value is told was expected, where the type alone says too little (the range, the unit). */
  expected?: string;
  /** Bounds of a number, inclusive. */
  min?: number;
  max?: number;
  /** Decimals a number keeps: 6 (points, values), or 2 for money. */
  decimals?: 2 | 6;
  /** The dates a date column may hold: inside the competition, or up to 90 days after it too (what follows the competition: nominations, objections). */
  within?: 'competition' | 'competition and after';
  /** What an empty cell is staged as, instead of NULL. */
  empty?: '' | 0;
}

export interface TableSpec {
  /** Unique in the table, ignoring case (S1 and s1 would be one page on Windows and macOS). */
  idColumn: string;
  /** Where the ID must be unique, when the table is usually many files: across all event files. */
  idScope?: string;
  /** The noun a reference to this table's IDs names in messages: no unit "B". */
  noun: string;
  columns: ColumnSpec[];
  /** A record about one subject names exactly one of unit_id and staff_id. */
  oneSubject?: boolean;
  /** The table takes the extra columns declared in org.attributes, held in one MAP column. */
  attributes?: boolean;
}

const col = (name: string, type: ColumnType, help: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  type,
  required: true,
  help,
  ...extra,
});
const optional = { required: false } as const;
const CUSTOMERS = 'a whole number of customers, 0 or more';

export const EVENT_STATUSES = ['verified', 'unverified', 'pending'] as const;
export const INSPECTION_METHODS = ['onsite', 'video'] as const;
/** A nomination's history: the latest row (by date, then id) states where it stands. */
export const NOMINATION_STATUSES = ['nominated', 'withdrawn', 'objection_upheld', 'selected'] as const;
export const APPEAL_DECISIONS = ['upheld', 'rejected', 'adjusted', 'pending'] as const;
/** An objection (异议) to a candidate during a notice's 公示期: an empty decision is still open. */
export const OBJECTION_DECISIONS = ['upheld', 'rejected'] as const;

const AMOUNT = { min: 0, decimals: 2, expected: 'an amount in 元, 0 or more' } as const;
/** Remarks and names of optional people are staged as '' when empty, so pages need no null checks. */
const blank = { ...optional, empty: '' } as const;
const internalNote = col('note', 'text', 'internal remark; left out of public builds', { ...blank, internal: true });

export const TABLES: Record<TableName, TableSpec> = {
  units: {
    idColumn: 'unit_id',
    noun: 'unit',
    attributes: true,
    columns: [
      col('unit_id', 'id', 'the unit’s code'),
      col('name', 'text', 'display name', { expected: 'a name' }),
      col('name_en', 'text', 'the name in the English edition; empty keeps the name', { ...optional, translates: 'name' }),
      col('level', 'id', 'a level id from org.levels', { references: 'config' }),
      col('parent_id', 'id', 'the parent unit; empty for the top', { ...optional, references: 'units', checkedByRules: true }),
      col('head_staff_id', 'id', 'the staff member who leads the unit', { ...optional, references: 'staff' }),
    ],
  },
  staff: {
    idColumn: 'staff_id',
    noun: 'staff',
    attributes: true,
    columns: [
      col('staff_id', 'id', 'the person’s code'),
      col('name', 'text', 'display name', { expected: 'a name', person: { code: 'staff_id' } }),
      col('name_en', 'text', 'the name in the English edition (pinyin); empty keeps the name', { ...optional, person: { code: 'staff_id' }, translates: 'name' }),
      col('unit_id', 'id', 'the unit the person belongs to', { references: 'units' }),
      col('role', 'text', 'job title', optional),
      col('employee_no', 'text', 'payroll number', { ...optional, internal: true }),
    ],
  },
  events: {
    idColumn: 'event_id',
    idScope: 'across all event files',
    noun: 'event',
    oneSubject: true,
    columns: [
      col('event_id', 'id', 'unique across all event files'),
      col('date', 'date', 'YYYY-MM-DD, inside the competition', { within: 'competition' }),
      col('type', 'id', 'an event type id from event_types', { references: 'config' }),
      col('unit_id', 'id', 'the unit the event is about (leave empty when staff_id is set)', { ...optional, references: 'units' }),
      col('staff_id', 'id', 'the person the event is about (leave empty when unit_id is set)', { ...optional, references: 'staff' }),
      col('points', 'number', 'points set for this case, within the type’s range; empty for fixed-point types', optional),
      col('status', 'enum', 'verified, unverified or pending', { values: EVENT_STATUSES, expected: 'one of verified, unverified, pending' }),
      col('source', 'text', 'where the event came from: a letter, an inspection, a hotline ticket', { ...blank, withheldUnless: 'event_sources' }),
      internalNote,
      col('amount', 'number', '元: the fine set for this case, or the value of a loss or damage', { ...optional, ...AMOUNT }),
      col('problem', 'id', 'a code naming the problem, so that the same problem again is a repeat', optional),
      col('priority', 'flag', 'yes for a priority item named by the higher level, else no or empty', { ...optional, expected: 'yes, no or an empty value' }),
    ],
  },
  surveys: {
    idColumn: 'survey_id',
    noun: 'survey',
    columns: [
      col('survey_id', 'id', 'unique'),
      col('date', 'date', 'the day the calls were made', { within: 'competition' }),
      col('unit_id', 'id', 'the unit whose customers were called', { references: 'units' }),
      col('satisfied', 'count', 'customers who said 满意', { expected: CUSTOMERS }),
      col('neutral', 'count', 'customers who said 一般', { expected: CUSTOMERS }),
      col('unsatisfied', 'count', 'customers who said 不满意', { expected: CUSTOMERS }),
    ],
  },
  checks: {
    idColumn: 'check_id',
    noun: 'check',
    columns: [
      col('check_id', 'id', 'unique'),
      col('date', 'date', 'the day of the check', { within: 'competition' }),
      col('unit_id', 'id', 'the unit checked (the person’s own unit when staff_id is set)', { references: 'units' }),
      col('staff_id', 'id', 'the person checked, when the check scores a person rather than the unit', { ...optional, references: 'staff' }),
      col('kind', 'id', 'what sort of check, e.g. quarterly or mystery'),
      col('score', 'number', '0–100', { min: 0, max: 100, expected: 'a score from 0 to 100' }),
      // Checkers and sign-offs have no code: with names omitted '*' stands in, so a sign-off stays
      // a sign-off (only its presence is ever checked).
      col('checker', 'text', 'who scored it', { ...blank, person: {} }),
      col('signed_by', 'text', 'who signed the result off', { ...blank, person: {} }),
    ],
  },
  inspections: {
    idColumn: 'inspection_id',
    noun: 'inspection',
    columns: [
      col('inspection_id', 'id', 'unique'),
      col('date', 'date', 'the day of the inspection', { within: 'competition' }),
      col('unit_id', 'id', 'the unit inspected', { references: 'units' }),
      col('method', 'enum', 'onsite or video', { values: INSPECTION_METHODS, expected: 'onsite or video' }),
      col('minutes', 'number', 'length of the inspection or video slot', { ...optional, min: 0, expected: 'a number of minutes, 0 or more', empty: 0 }),
      col('time', 'time', 'the time of day it started, HH:MM (24-hour); needed by hourly cadence rules', optional),
      col('inspector', 'text', 'who inspected', { ...blank, person: {} }),
    ],
  },
  nominations: {
    idColumn: 'nomination_id',
    noun: 'nomination',
    oneSubject: true,
    columns: [
      col('nomination_id', 'id', 'unique'),
      col('date', 'date', 'the day the nomination or its new status was recorded', { within: 'competition and after' }),
      col('award_id', 'id', 'an award id from the config', { references: 'config' }),
      col('period_id', 'id', 'the period the award is for', { references: 'config' }),
      col('unit_id', 'id', 'the nominated unit (leave empty when staff_id is set)', { ...optional, references: 'units' }),
      col('staff_id', 'id', 'the nominated person (leave empty when unit_id is set)', { ...optional, references: 'staff' }),
      col('status', 'enum', 'nominated, withdrawn, objection_upheld or selected', { values: NOMINATION_STATUSES, expected: 'nominated, withdrawn, objection_upheld or selected' }),
      col('nominated_by', 'text', 'who nominated or decided', blank),
      col('reference', 'text', 'document number of the decision or objection ruling', blank),
      internalNote,
    ],
  },
  approvals: {
    idColumn: 'approval_id',
    noun: 'approval',
    oneSubject: true,
    columns: [
      col('approval_id', 'id', 'unique'),
      col('date', 'date', 'the day of the written approval', { within: 'competition and after' }),
      col('rule_id', 'id', 'the eligibility rule id it overrides', { references: 'config' }),
      col('award_id', 'id', 'the award it applies to; every award when empty', { ...optional, references: 'config' }),
      col('unit_id', 'id', 'the approved unit (leave empty when staff_id is set)', { ...optional, references: 'units' }),
      col('staff_id', 'id', 'the approved person (leave empty when unit_id is set)', { ...optional, references: 'staff' }),
      col('reference', 'text', 'the approval’s document number (文号)', { expected: 'the approval’s document number' }),
      internalNote,
    ],
  },
  appeals: {
    idColumn: 'appeal_id',
    noun: 'appeal',
    columns: [
      col('appeal_id', 'id', 'unique'),
      col('event_id', 'id', 'the event appealed against', { references: 'events' }),
      col('date', 'date', 'the day the appeal was lodged'),
      col('decision', 'enum', 'upheld, rejected, adjusted or pending', { values: APPEAL_DECISIONS, expected: 'one of upheld, rejected, adjusted, pending' }),
      col('points', 'number', 'the new points, when the decision is adjusted', { ...optional, min: 0, expected: 'a number of points, 0 or more' }),
      col('amount', 'number', 'the new amount (元), when the decision is adjusted', { ...optional, ...AMOUNT }),
      col('decided_on', 'date', 'the day of the decision', optional),
      internalNote,
    ],
  },
  objections: {
    idColumn: 'objection_id',
    noun: 'objection',
    oneSubject: true,
    columns: [
      col('objection_id', 'id', 'unique'),
      col('date', 'date', 'the day the objection was received', { within: 'competition and after' }),
      col('award_id', 'id', 'the award whose candidate list it concerns', { references: 'config' }),
      col('period_id', 'id', 'the period of that list', { references: 'config' }),
      col('unit_id', 'id', 'the candidate unit (leave empty when staff_id is set)', { ...optional, references: 'units' }),
      col('staff_id', 'id', 'the candidate person (leave empty when unit_id is set)', { ...optional, references: 'staff' }),
      col('summary', 'text', 'what the objection says; internal, never published', { ...blank, internal: true }),
      col('decision', 'enum', 'upheld or rejected; empty while it is being looked into', { ...optional, values: OBJECTION_DECISIONS, expected: 'upheld, rejected or empty (still being looked into)' }),
      col('decided_on', 'date', 'the day of the decision; needed with a decision', optional),
    ],
  },
  metrics: {
    idColumn: 'metric_id',
    idScope: 'across all metric files',
    noun: 'metric',
    oneSubject: true,
    columns: [
      col('metric_id', 'id', 'unique: this measured value’s code'),
      col('date', 'date', 'the day the value was measured or booked', { within: 'competition' }),
      col('unit_id', 'id', 'the unit measured (leave empty when staff_id is set)', { ...optional, references: 'units' }),
      col('staff_id', 'id', 'the person measured (leave empty when unit_id is set)', { ...optional, references: 'staff' }),
      col('metric', 'id', 'a metric id from the config’s metrics', { references: 'config' }),
      col('value', 'number', 'the measured value'),
      internalNote,
    ],
  },
};
