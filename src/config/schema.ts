/**
 * The competition config (`competition.yaml`): the one source of its types.
 * Imports nothing from the pipeline, so every stage can depend on it.
 */
import { z } from 'zod';

import { ComplianceRule, Score } from '../rules/index.ts';
import { Award, SoftCap } from '../rules/awards/index.ts';
import { EligibilityRule } from '../rules/eligibility/index.ts';
import { EventType } from '../rules/event-types/index.ts';
import { Id, Int, IsoDate, Label, Locale, Num, Subject, Text, Threshold } from './atoms.ts';

export { Award, ComplianceRule, EligibilityRule, EventType };
export { IsoDate, LOCALES, Locale, Text, ThresholdOp } from './atoms.ts';

/** One file name or glob, or several, relative to the competition folder. */
const Glob = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const Level = z.strictObject({ id: Id, label: Text });

/**
 * Date forms Excel writes besides YYYY-MM-DD, accepted only where the config says so:
 * `slash` 2025/11/3 or 2025/11/03, `unpadded` 2025-11-3, `serial` a day number (45964 is
 * 2025-11-03, as a date cell formatted General shows it).
 */
export const ExcelDateForm = z.enum(['slash', 'unpadded', 'serial']);

/** How one table's files are read: the workbook sheet, and which Excel date forms are accepted. */
const TableFormat = z.strictObject({
  /** The sheet of an .xlsx workbook to read; needed when a workbook has more than one. */
  sheet: z.string().min(1).max(31).optional(),
  /** The forms every date column accepts (a list), or per date column (column → list). */
  dates: z.union([z.array(ExcelDateForm).min(1), z.record(z.string(), z.array(ExcelDateForm).min(1))]).optional(),
});

/**
 * An extra column of units.csv or staff.csv that rules can read: urban or county, region,
 * opening date, headcount category. Declared, so that a misspelt column is refused, not ignored.
 */
const Attribute = z.strictObject({
  id: Id,
  label: Text,
  of: z.enum(['units', 'staff']),
  type: z.enum(['text', 'number', 'date']).default('text'),
  required: z.boolean().default(false),
});
export type Attribute = z.infer<typeof Attribute>;

/**
 * A period's target for a score. With `where`, it applies only to subjects whose attribute has
 * that value (urban outlets ≥ 90, county outlets ≥ 85); the first target that applies wins.
 */
const PeriodTarget = z.strictObject({
  score: Id,
  threshold: Threshold,
  where: z.strictObject({ attribute: Id, equals: z.string().min(1) }).optional(),
});

/** Work a phase asks for by a date, e.g. each department's service commitment by 3/31 (S7, S9). */
const PhaseTask = z.strictObject({ label: Text, due: IsoDate });

const SpanPeriod = z.strictObject({
  id: Id,
  kind: z.enum(['phase', 'half', 'year', 'custom']),
  label: Text,
  start: IsoDate,
  end: IsoDate,
  targets: z.array(PeriodTarget).default([]),
  tasks: z.array(PhaseTask).default([]),
});

/** A period whose score is carried from others, e.g. the year = ½ first half + ½ second half (S2). */
const CombinedPeriod = z.strictObject({
  id: Id,
  kind: z.enum(['phase', 'half', 'year', 'custom']),
  label: Text,
  combine: z.array(z.strictObject({ period: Id, weight: Num().positive() })).min(1),
  targets: z.array(PeriodTarget).default([]),
});

const Periods = z.strictObject({
  /** Calendar periods generated over the competition's dates. */
  calendar: z.array(z.enum(['month', 'quarter'])).default(['month']),
  list: z.array(z.union([SpanPeriod, CombinedPeriod])).default([]),
});





const SurveyRule = z.strictObject({
  /** How a survey's points are named on an entity page, e.g. 客户满意度回访. */
  label: Text,
  score: Id,
  points: z.strictObject({ satisfied: Num(), neutral: Num(), unsatisfied: Num() }),
});

const Ranking = z.strictObject({
  id: Id,
  label: Text,
  score: Id,
  subject: Subject,
  /** Rank inside each unit of this level (e.g. staff within their outlet); the whole competition when left out. */
  within: Id.optional(),
  /** Period kinds (`month`, `quarter`, `phase`, `half`, `year`, `custom`) or period IDs. */
  periods: z.array(Id).min(1),
  order: z.enum(['desc', 'asc']).default('desc'),
});
export type Ranking = z.infer<typeof Ranking>;




/**
 * What a notice is: a ranking notice (排名公示), a candidate notice (拟表彰名单公示, with a 公示期
 * for objections), a bulletin (通报) of findings, of praise (表扬) or of criticism (通报批评), or
 * the final announcement (表彰决定 / 正式公告).
 */
export const NOTICE_KINDS = ['ranking', 'candidates', 'findings', 'praise', 'criticism', 'announcement'] as const;
/** The placeholders a 文号 pattern may use: the notice date's year, its sequence number that year, the period's ID. */
export const NUMBER_PLACEHOLDERS = ['year', 'seq', 'period'] as const;
/** The placeholders of an opening paragraph. */
export const OPENING_PLACEHOLDERS = ['competition', 'issuer', 'period', 'start', 'end', 'title', 'opens', 'closes', 'days'] as const;
/** Whether the notice date is day 1 of its 公示期 (when a working day), or the next working day is. */
export const FIRST_DAYS = ['notice_date', 'next_working_day'] as const;

const Notice = z.strictObject({
  id: Id,
  kind: z.enum(NOTICE_KINDS).default('ranking'),
  title: Text,
  /** Period kinds or IDs; one notice per finished period that matches. */
  periods: z.array(Id).min(1),
  rankings: z.array(Id).default([]),
  awards: z.array(Id).default([]),
  /** Calendar days from the period's end to the notice date. */
  days_after_end: Int().nonnegative().default(5),
  /** Who signs it; the competition's issuer when left out. */
  issuer: Text.optional(),
  /** 文号: a pattern such as 城东银发〔{year}〕{seq}号, or one number as it is. */
  number: Label.optional(),
  /** The first {seq} of each year. */
  first_seq: Int().positive().default(1),
  /** The opening paragraph (现将……予以公示), with placeholders. */
  opening: Text.optional(),
  /** The 公示期 in working days (China's holidays and 调休 counted), for a candidate notice. */
  objection_period: z.strictObject({ working_days: Int().min(1).max(60), first_day: z.enum(FIRST_DAYS).default('notice_date') }).optional(),
  /** Where objections go: phone, e-mail, address … each a label and a value. */
  contacts: z.array(z.strictObject({ label: Text, value: Text })).default([]),
  /** A place for the seal beside the signature. */
  seal: z.boolean().default(true),
  /** How the head of the document looks: plain, or a red header (红头: the issuer in red over a red rule). */
  style: z.enum(['plain', 'red_header']).default('plain'),
  /** A 通报 of findings (kind findings): the compliance rules it reports; every one when left out. */
  findings: z.array(Id).min(1).optional(),
  /** A notice whose every list is empty: left out (skip), or published saying 本期无 (publish). */
  when_empty: z.enum(['skip', 'publish']).default('skip'),
});
export type Notice = z.infer<typeof Notice>;


export const AUDIENCES = ['public', 'internal'] as const;
export const Audience = z.enum(AUDIENCES);
export type Audience = z.infer<typeof Audience>;

/**
 * What the public edition may show of people (SCHEMES.md: a public notice names who is commended
 * or criticised; it does not publish everyone's misconduct log). The internal edition shows all.
 * The defaults keep what earlier versions published; a competition narrows them.
 */
export const STAFF_NAME_POLICIES = ['full', 'masked', 'omitted'] as const;
const PublicEdition = z.strictObject({
  /** full: 张小三; masked: 张*三 (first and last character kept); omitted: the staff code (S0013) instead of a name. */
  staff_names: z.enum(STAFF_NAME_POLICIES).default('full'),
  /** Rankings of staff the public edition publishes; rankings of units always publish. Every one when left out. */
  staff_rankings: z.array(Id).optional(),
  /** Whether each person has a page of their own (their ledger); names are then plain text. */
  staff_pages: z.boolean().default(true),
  /** Whether an event's description (the `source` column: 视频检查…：早退) appears on pages. */
  event_sources: z.boolean().default(true),
  /** Penalty lists (通报批评) that name who is on them; the others give only how many. Every one when left out. */
  criticism: z.array(Id).optional(),
});
export type PublicEdition = z.infer<typeof PublicEdition>;

export const CompetitionConfig = z.strictObject({
  id: Id,
  name: Text,
  issuer: Text,
  locale: Locale,
  start: IsoDate,
  end: IsoDate,
  /**
   * Every date of the calendar (start, end, periods, tasks, and every record's date) lies in this
   * window: a year typed 1009 instead of 2009 is refused instead of laying out a thousand years.
   */
  date_window: z.strictObject({ from: IsoDate, to: IsoDate }).default({ from: '2000-01-01', to: '2100-12-31' }),
  /**
   * The last day whose records are complete (the month is closed): a period ending on or before
   * it is final even if no record falls on its last day; a period ending after it stays
   * provisional whatever the records' dates. Left out, a period is final once the newest record
   * is dated on or after its last day.
   */
  closed_through: IsoDate.optional(),
  /** Decimals shown on pages; ranking always uses full precision. */
  decimals: z.int().min(0).max(4).default(2),
  org: z.strictObject({
    levels: z.array(Level).min(1),
    /** What the people are called: 员工, 医务人员, 驾驶员 … */
    staff_label: Text.default({ 'zh-CN': '员工', en: 'Staff' }),
    attributes: z.array(Attribute).default([]),
  }),
  /** Names for the `kind` codes of the checks table (mystery → 神秘人检查); pages show the code when left out. */
  check_kinds: z.array(z.strictObject({ id: Id, label: Text })).default([]),
  tables: z.strictObject({
    units: Glob,
    staff: Glob,
    events: Glob,
    surveys: Glob.optional(),
    checks: Glob.optional(),
    inspections: Glob.optional(),
    nominations: Glob.optional(),
    approvals: Glob.optional(),
    appeals: Glob.optional(),
    objections: Glob.optional(),
    metrics: Glob.optional(),
  }),
  /** Per table: the .xlsx sheet to read and the Excel date forms accepted (docs/config/core.md, "Excel files"). */
  table_formats: z
    .strictObject({
      units: TableFormat.optional(),
      staff: TableFormat.optional(),
      events: TableFormat.optional(),
      surveys: TableFormat.optional(),
      checks: TableFormat.optional(),
      inspections: TableFormat.optional(),
      nominations: TableFormat.optional(),
      approvals: TableFormat.optional(),
      appeals: TableFormat.optional(),
      objections: TableFormat.optional(),
      metrics: TableFormat.optional(),
    })
    .default({}),
  /** Measured values the metrics table may hold: business volume, people served, votes, rubric items … */
  metrics: z.array(z.strictObject({ id: Id, label: Text })).default([]),
  /** Left out: calendar months only. */
  periods: Periods.prefault({}),
  scores: z.array(Score).min(1),
  event_types: z.array(EventType).default([]),
  surveys: SurveyRule.optional(),
  rankings: z.array(Ranking).min(1),
  awards: z.array(Award).default([]),
  eligibility: z.array(EligibilityRule).default([]),
  soft_caps: z.array(SoftCap).default([]),
  notices: z.array(Notice).default([]),
  /**
   * Holiday calendars of the competition's own (YAML, one per year, as calendar/cn/<year>.yaml):
   * each replaces the calendar Podium ships for its year.
   */
  holidays: z.array(z.string().min(1)).default([]),
  /**
   * The office's record of the notices it posted: copies of a published site's
   * exports/notice-versions.json inside the competition folder, one per edition. A notice whose
   * lists differ from its last recorded version is published as a correction (更正).
   */
  published_notices: z.array(z.string().min(1)).default([]),
  compliance: z.array(ComplianceRule).default([]),
  /** A public build leaves out internal fields such as event notes; `public` says what else it leaves out. */
  audience: Audience.default('public'),
  public: PublicEdition.default(PublicEdition.parse({})),
  max_errors: z.int().positive().max(100_000).default(200),
  /**
   * The most period scores (periods × entities scored) a build lays out; above it the build is
   * refused before scoring starts. The 2,000,000-event benchmark needs under a million.
   */
  row_budget: z.int().positive().default(50_000_000),
  /**
   * Rows on one ranking page: a longer ranking is split into pages of this many rows, with the
   * whole ranking as a CSV download beside them, so that no page grows past what a phone loads.
   * More findings than this get pages per rule (src/pipeline/finding-pages.ts).
   */
  ranking_page_size: z.int().min(10).max(5_000).default(500),
});
export type CompetitionConfig = z.infer<typeof CompetitionConfig>;
export type PeriodConfig = CompetitionConfig['periods']['list'][number];
export type TableName = keyof CompetitionConfig['tables'];
