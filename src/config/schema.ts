/**
 * The competition config (`competition.yaml`): the one source of its types.
 * Imports nothing from the pipeline, so every stage can depend on it.
 */
import { z } from 'zod';

export const LOCALES = ['zh-CN', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/**
 * IDs end up in URLs, file names and CSV cells, so they are plain ASCII codes:
 * no slashes, no dots that could climb a directory, no spaces.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const Id = z
  .string()
  .regex(ID_PATTERN, 'an ID of letters, digits, "-" or "_" (at most 64, no "/", "\\" or ".")');

/** A label given once, or once per locale. */
export const Text = z.union([z.string().min(1), z.partialRecord(Locale, z.string().min(1))]);
export type Text = z.infer<typeof Text>;

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'a real calendar date');

export const ThresholdOp = z.enum(['>=', '>', '<', '<=']);
export type ThresholdOp = z.infer<typeof ThresholdOp>;
/** Every threshold states its inclusivity: "90分以上" is `>= 90`, "低于85分" is `< 85`. */
export const Threshold = z.strictObject({ op: ThresholdOp, value: z.number() });
export type Threshold = z.infer<typeof Threshold>;

/** One file name or glob, or several, relative to the competition folder. */
const Glob = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const Level = z.strictObject({ id: Id, label: Text });

const PeriodTarget = z.strictObject({ score: Id, threshold: Threshold });

const SpanPeriod = z.strictObject({
  id: Id,
  kind: z.enum(['phase', 'half', 'year', 'custom']),
  label: Text,
  start: IsoDate,
  end: IsoDate,
  targets: z.array(PeriodTarget).default([]),
});

/** A period whose score is carried from others, e.g. the year = ½ first half + ½ second half (S2). */
const CombinedPeriod = z.strictObject({
  id: Id,
  kind: z.enum(['phase', 'half', 'year', 'custom']),
  label: Text,
  combine: z.array(z.strictObject({ period: Id, weight: z.number().positive() })).min(1),
  targets: z.array(PeriodTarget).default([]),
});

const Periods = z.strictObject({
  /** Calendar periods generated over the competition's dates. */
  calendar: z.array(z.enum(['month', 'quarter'])).default(['month']),
  list: z.array(z.union([SpanPeriod, CombinedPeriod])).default([]),
});

/** Who a score applies to: a level of the org tree, or `staff`. */
const Subject = Id;

const PeriodKindSchema = z.enum(['month', 'quarter', 'phase', 'half', 'year', 'custom']);

const LedgerScore = z.strictObject({
  id: Id,
  label: Text,
  model: z.literal('ledger'),
  /** The period kind an entity page charts this score by. */
  chart: PeriodKindSchema.default('month'),
  base: z.number().default(0),
  subjects: z.array(Subject).min(1),
});

const CheckAverageScore = z.strictObject({
  id: Id,
  label: Text,
  model: z.literal('check_average'),
  chart: PeriodKindSchema.default('quarter'),
  aggregate: z.enum(['mean', 'last', 'min']).default('mean'),
  /** Which check kinds count; all of them when left out. */
  check_kinds: z.array(Id).optional(),
  /** Whether a check nobody signed off (`signed_by` empty) counts in the score (S3 验收签字). */
  unsigned: z.enum(['count', 'exclude']).default('count'),
  /** Levels, or `staff` for checks that name a person (`staff_id`). */
  subjects: z.array(Subject).min(1),
});

export const Score = z.discriminatedUnion('model', [LedgerScore, CheckAverageScore]);
export type Score = z.infer<typeof Score>;

const Points = z.union([
  z.strictObject({ fixed: z.number().positive() }),
  z.strictObject({ min: z.number().positive(), max: z.number().positive() }),
]);
export type Points = z.infer<typeof Points>;

/** Where a cascaded share of an event lands, seen from the event's subject. */
const CascadeTarget = z.union([
  z.strictObject({ unit: Id }).describe('the subject’s own unit or its ancestor at this level'),
  z.strictObject({ head_of: Id }).describe('the head of that unit'),
]);

const EventType = z.strictObject({
  id: Id,
  label: Text,
  score: Id,
  effect: z.enum(['add', 'deduct']),
  points: Points,
  /** Only events whose status is `verified` move a score (经核实). */
  verified_only: z.boolean().default(false),
  cascade: z.array(z.strictObject({ to: CascadeTarget, points: z.number().positive() })).default([]),
});
export type EventType = z.infer<typeof EventType>;

const SurveyRule = z.strictObject({
  /** How a survey's points are named on an entity page, e.g. 客户满意度回访. */
  label: Text,
  score: Id,
  points: z.strictObject({ satisfied: z.number(), neutral: z.number(), unsatisfied: z.number() }),
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

const Award = z.strictObject({
  id: Id,
  label: Text,
  kind: z.enum(['award', 'penalty']).default('award'),
  ranking: Id,
  period: Id,
  /** Places from the top (awards) or from the bottom (penalties). Ties at the boundary all qualify. */
  places: z.int().positive(),
  amount: z.number().nonnegative().default(0),
  note: Text.optional(),
});
export type Award = z.infer<typeof Award>;

const Notice = z.strictObject({
  id: Id,
  title: Text,
  /** Period kinds or IDs; one notice per finished period that matches. */
  periods: z.array(Id).min(1),
  rankings: z.array(Id).default([]),
  awards: z.array(Id).default([]),
  days_after_end: z.int().nonnegative().default(5),
});
export type Notice = z.infer<typeof Notice>;

const InspectionCadence = z.strictObject({
  id: Id,
  label: Text,
  kind: z.literal('inspection_cadence'),
  level: Id,
  method: z.enum(['onsite', 'video']),
  per: z.literal('week'),
  count: Threshold,
  /** Inspections shorter than this many minutes do not count (video slots of at least 5 minutes). */
  min_minutes: z.number().nonnegative().default(0),
  /** Phase IDs in which the rule applies; the whole competition when left out. */
  during: z.array(Id).optional(),
});

const SurveyCount = z.strictObject({
  id: Id,
  label: Text,
  kind: z.literal('survey_count'),
  level: Id,
  per: z.literal('month'),
  respondents: Threshold,
  during: z.array(Id).optional(),
});

/** Period kinds (`month`, `quarter`, `phase`, `half`, `year`, `custom`) or period IDs. */
const PeriodSelector = z.array(Id).min(1);

/** What counts as having been looked at: a check (of some kinds) or an inspection (of a method). */
const CoveredBy = z.union([
  z.strictObject({ checks: z.array(Id).min(1).optional() }).describe('a check of these kinds; of any kind when left out'),
  z.strictObject({ inspections: z.enum(['onsite', 'video']) }).describe('an inspection of this method'),
]);

/** S4: "each quarter covers all sub-branches and at least 60% of outlets; the year 100%". */
const Coverage = z.strictObject({
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

/** S4 复查: a unit whose score last period met `below` must be checked again this period. */
const Recheck = z.strictObject({
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

/** S3 验收签字: every check of these kinds needs a sign-off (`signed_by`). */
const Signoff = z.strictObject({
  id: Id,
  label: Text,
  kind: z.literal('signoff'),
  checks: z.array(Id).min(1).optional(),
});

/** S4/S9 targets: the score of each unit of a level, in each period selected, meets a threshold. */
const ScoreThreshold = z.strictObject({
  id: Id,
  label: Text,
  kind: z.literal('score_threshold'),
  level: Id,
  score: Id,
  periods: PeriodSelector,
  threshold: Threshold,
});

export const ComplianceRule = z.discriminatedUnion('kind', [InspectionCadence, SurveyCount, Coverage, Recheck, Signoff, ScoreThreshold]);
export type ComplianceRule = z.infer<typeof ComplianceRule>;

export const CompetitionConfig = z.strictObject({
  id: Id,
  name: Text,
  issuer: Text,
  locale: Locale,
  start: IsoDate,
  end: IsoDate,
  /** Decimals shown on pages; ranking always uses full precision. */
  decimals: z.int().min(0).max(4).default(2),
  org: z.strictObject({
    levels: z.array(Level).min(1),
    /** What the people are called: 员工, 医务人员, 驾驶员 … */
    staff_label: Text.default({ 'zh-CN': '员工', en: 'Staff' }),
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
  }),
  periods: Periods,
  scores: z.array(Score).min(1),
  event_types: z.array(EventType).default([]),
  surveys: SurveyRule.optional(),
  rankings: z.array(Ranking).min(1),
  awards: z.array(Award).default([]),
  notices: z.array(Notice).default([]),
  compliance: z.array(ComplianceRule).default([]),
  /** A public build leaves out internal fields such as event notes. */
  audience: z.enum(['public', 'internal']).default('public'),
  max_errors: z.int().positive().default(200),
});
export type CompetitionConfig = z.infer<typeof CompetitionConfig>;
export type PeriodConfig = CompetitionConfig['periods']['list'][number];
export type TableName = keyof CompetitionConfig['tables'];
