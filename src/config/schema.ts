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
  subjects: z.array(Subject).min(1),
});

const MetricAggregate = z.enum(['sum', 'mean', 'last', 'min', 'max']);

/** The period's values of one declared metric for the subject: their sum, mean, latest, lowest or highest. */
const MetricScore = z.strictObject({
  id: Id,
  label: Text,
  model: z.literal('metric'),
  chart: PeriodKindSchema.default('month'),
  metric: Id,
  aggregate: MetricAggregate.default('sum'),
  subjects: z.array(Subject).min(1),
});

/**
 * What a ratio scores when its denominator is zero or negative: `none` leaves the subject without
 * a score (not ranked that period), `zero` scores 0, `full` gives full marks. Never a silent division.
 */
const OnNonpositive = z.enum(['none', 'zero', 'full']);

/** Numerator sum / denominator sum over the period (S9: rated / served, satisfied / rated). */
const RatioScore = z.strictObject({
  id: Id,
  label: Text,
  model: z.literal('ratio'),
  chart: PeriodKindSchema.default('month'),
  numerator: Id,
  denominator: Id,
  on_nonpositive: OnNonpositive.default('none'),
  subjects: z.array(Subject).min(1),
});

/** Where an indicator reads its value: another score, or a metric aggregated over the period. */
const Source = z.union([
  z.strictObject({ score: Id }),
  z.strictObject({ metric: Id, aggregate: MetricAggregate.default('sum') }),
]);
export type Source = z.infer<typeof Source>;

/** The all-units value a peer ratio divides by: the sum or mean over every subject, or a metric recorded for the top unit. */
const Peer = z.union([z.enum(['sum', 'mean']), z.strictObject({ metric: Id, aggregate: MetricAggregate.default('sum') })]);
export type Peer = z.infer<typeof Peer>;

const indicatorBase = {
  id: Id,
  label: Text,
  weight: z.number().nonnegative(),
  /** Overrides the score's cap for this indicator; `null` leaves it uncapped. */
  cap: z.number().positive().nullable().optional(),
};
const Indicator = z.discriminatedUnion('kind', [
  /** value / scale × weight (mystery shopper mean / 100 × 20). */
  z.strictObject({ ...indicatorBase, kind: z.literal('scaled'), source: Source, scale: z.number().positive().default(100) }),
  /** value / all-units value × weight × factor (30 / 25 × 10 × 0.8 = 9.6). */
  z.strictObject({ ...indicatorBase, kind: z.literal('peer_ratio'), source: Source, peer: Peer, factor: z.number().positive().default(0.8), on_nonpositive: OnNonpositive.default('none') }),
  /** (value / all-units value + increment / all-units increment) × weight × factor × share. */
  z.strictObject({
    ...indicatorBase,
    kind: z.literal('two_part_ratio'),
    source: Source,
    peer: Peer,
    increment: Source,
    increment_peer: Peer,
    factor: z.number().positive().default(0.8),
    share: z.number().positive().default(0.5),
    on_nonpositive: OnNonpositive.default('none'),
  }),
  /** −points per unit of the source (−1 per major responsible complaint); no weight, never capped. */
  z.strictObject({ id: Id, label: Text, kind: z.literal('deduction'), source: Source, points: z.number().positive() }),
]);
export type Indicator = z.infer<typeof Indicator>;

/** Weighted indicators (S10): the total is the sum of the indicators' points. */
const IndicatorsScore = z.strictObject({
  id: Id,
  label: Text,
  model: z.literal('indicators'),
  chart: PeriodKindSchema.default('month'),
  /** Each indicator scores at most cap × its weight (单项指标得分最高得权重分的1.2倍); `null` for no cap. */
  cap: z.number().positive().nullable().default(1.2),
  indicators: z.array(Indicator).min(1),
  /** Units (and everything under them) exempt from an indicator (G: Tibet and the 6S rollout). */
  exemptions: z.array(z.strictObject({ indicator: Id, units: z.array(Id).min(1) })).default([]),
  /** `rescale`: the other weighted indicators are scaled up to the full weight; `full`: the exempt indicator scores its weight. */
  exemption_rule: z.enum(['rescale', 'full']).default('rescale'),
  subjects: z.array(Subject).min(1),
});

/** A rubric (S9): items with maximum points, each read from its own metric; total = sum of the capped items. */
const RubricScore = z.strictObject({
  id: Id,
  label: Text,
  model: z.literal('rubric'),
  chart: PeriodKindSchema.default('month'),
  /** How several values of an item's metric in a period combine (several raters → mean). */
  aggregate: MetricAggregate.default('mean'),
  items: z.array(z.strictObject({ id: Id, label: Text, max: z.number().positive(), metric: Id })).min(1),
  subjects: z.array(Subject).min(1),
});

/** A unit's score from another score of the units at a lower level, or of the staff, beneath it. */
const RollupScore = z.strictObject({
  id: Id,
  label: Text,
  model: z.literal('rollup'),
  chart: PeriodKindSchema.default('month'),
  of: Id,
  /** A level below the subjects, or `staff`. */
  from: Id,
  /** `min` is the barrel rule: a unit is only as good as its weakest part. */
  aggregate: z.enum(['sum', 'mean', 'weighted_mean', 'min']),
  /** weighted_mean only: each part's weight, a metric of the part aggregated over the period. */
  weight: z.strictObject({ metric: Id, aggregate: MetricAggregate.default('last') }).optional(),
  subjects: z.array(Subject).min(1),
});

export const Score = z.discriminatedUnion('model', [LedgerScore, CheckAverageScore, MetricScore, RatioScore, IndicatorsScore, RubricScore, RollupScore]);
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

export const ComplianceRule = z.discriminatedUnion('kind', [InspectionCadence, SurveyCount]);
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
  tables: z.strictObject({
    units: Glob,
    staff: Glob,
    events: Glob,
    surveys: Glob.optional(),
    checks: Glob.optional(),
    inspections: Glob.optional(),
    metrics: Glob.optional(),
  }),
  /** Measured values the metrics table may hold: business volume, people served, votes, rubric items … */
  metrics: z.array(z.strictObject({ id: Id, label: Text })).default([]),
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
