/**
 * The site model as zod schemas: everything a page shows, already computed and written as JSON by
 * the export stage, which checks each file against its schema as it writes it (`checkedModel`), so
 * a page never renders a shape it was not written for. The types of src/site/model.ts are these
 * schemas' types. Objects are strict: a field the schema does not name (an internal field leaking
 * into a public edition) stops the build rather than reaching a page.
 * Labels arrive already in the build's locale; numbers arrive unformatted.
 */
import { z } from 'zod';
import { Locale, ThresholdOp } from '../config/atoms.ts';
import { NOTICE_KINDS } from '../config/schema.ts';
import { PeriodKind } from '../config/periods.ts';
import { Evidence } from '../rules/finding.ts';
import { RuleText } from '../rules/kind.ts';

const Values = z.record(z.string(), z.union([z.string(), z.number()]));
const Status = z.enum(['final', 'provisional']);
const Span = { start: z.string(), end: z.string() };

export const TargetInfo = z.strictObject({ scoreId: z.string(), op: ThresholdOp, value: z.number() });
export type TargetInfo = z.infer<typeof TargetInfo>;

export const PeriodInfo = z.strictObject({
  id: z.string(),
  kind: PeriodKind,
  label: z.string(),
  ...Span,
  /**
   * final: ended on or before closed_through (the data date when the config gives none);
   * provisional: still open. Unstarted periods are left out.
   */
  status: Status,
  /** Labels of the periods this one is carried from, with weights (e.g. year = ½ H1 + ½ H2). */
  combine: z.array(z.strictObject({ periodId: z.string(), label: z.string(), weight: z.number() })),
  targets: z.array(TargetInfo),
});
export type PeriodInfo = z.infer<typeof PeriodInfo>;

/** What one unit of a score is; a count is shown as a whole number. */
export const ScoreUnit = z.enum(['points', 'percent', 'yuan', 'count']);
export type ScoreUnit = z.infer<typeof ScoreUnit>;

export const RankingInfo = z.strictObject({
  id: z.string(),
  label: z.string(),
  scoreId: z.string(),
  scoreLabel: z.string(),
  /** What the score is counted in, as on entity pages; null when its model does not say. */
  scoreUnit: ScoreUnit.nullable(),
  /** `staff` or a level id. */
  subject: z.string(),
  subjectLabel: z.string(),
  /** Level label of the groups ranks are counted within; null when ranked across the competition. */
  withinLabel: z.string().nullable(),
  order: z.enum(['desc', 'asc']),
  periodIds: z.array(z.string()),
});
export type RankingInfo = z.infer<typeof RankingInfo>;

export const EntityRef = z.strictObject({
  kind: z.enum(['unit', 'staff']),
  id: z.string(),
  name: z.string(),
  /** Site-relative path, e.g. `units/U01/`; join with the base via `href()`. */
  path: z.string(),
  /** For a unit named beside a person or a department: the names of the units above it, nearest first, without a top unit above everyone. */
  above: z.array(z.string()).optional(),
});
export type EntityRef = z.infer<typeof EntityRef>;

export const StandingRow = z.strictObject({
  entity: EntityRef,
  /** The unit above: the outlet of a department, the unit of a staff member. */
  parent: EntityRef.nullable(),
  score: z.number(),
  rank: z.number(),
  rankCount: z.number(),
  /** Rank in the previous period of the same kind; null when not ranked there. */
  previousRank: z.number().nullable(),
  /** Positive when the entity climbed. */
  rankChange: z.number().nullable(),
  /** Null when the period sets no target for this score. */
  targetMet: z.boolean().nullable(),
});
export type StandingRow = z.infer<typeof StandingRow>;

export const RankingGroup = z.strictObject({
  /** Null when ranked across the whole competition. */
  group: EntityRef.nullable(),
  rows: z.array(StandingRow),
});
export type RankingGroup = z.infer<typeof RankingGroup>;

/** Where one page lies in a list split into pages (`ranking_page_size` rows each): a ranking, a rule's findings. */
export const Paging = z.strictObject({
  /** 1 for the first page. */
  page: z.number(),
  /** The first and last row of every page, counted from 1 across the whole list. */
  pages: z.array(z.strictObject({ first: z.number(), last: z.number() })),
  /** The whole list as a download (site-relative), when it is split into pages; else null. */
  download: z.string().nullable(),
});
export type Paging = z.infer<typeof Paging>;

export const RankingPage = z.strictObject({
  period: PeriodInfo,
  ranking: RankingInfo,
  target: TargetInfo.nullable(),
  /** This page's rows only, under their groups; a group split across pages heads each part. */
  groups: z.array(RankingGroup),
  paging: Paging,
});
export type RankingPage = z.infer<typeof RankingPage>;

export const ScoreHistoryPoint = z.strictObject({
  periodId: z.string(),
  periodLabel: z.string(),
  kind: PeriodKind,
  ...Span,
  score: z.number(),
  /** Rank in the first ranking of this score and subject that covers the period; null if none. */
  rank: z.number().nullable(),
  rankCount: z.number().nullable(),
  status: Status,
  /** Only when the score's floor or cap changed it: which, and the score before it (扣完为止: −2 → 0). */
  bound: z.strictObject({ rule: z.enum(['floor', 'cap']), raw: z.number() }).optional(),
});
export type ScoreHistoryPoint = z.infer<typeof ScoreHistoryPoint>;

export const ScoreHistory = z.strictObject({
  scoreId: z.string(),
  scoreLabel: z.string(),
  /** Period kind the chart draws as a line: month for ledger scores, quarter for checks. */
  chartKind: PeriodKind,
  points: z.array(ScoreHistoryPoint),
  /** What one unit of the score is, as its model defines it; null when the model does not say (a metric, a count). */
  unit: ScoreUnit.nullable(),
  /** Phase targets as steps across the chart. */
  targets: z.array(z.strictObject({ ...Span, op: ThresholdOp, value: z.number(), phaseLabel: z.string() })),
  /**
   * The points of each indicator or rubric item behind a composite score, newest period first; a
   * floor or cap of an indicator is a line of its own, so each period's lines add up to its score.
   */
  parts: z.array(z.strictObject({ periodId: z.string(), periodLabel: z.string(), lines: z.array(z.strictObject({ label: z.string(), points: z.number() })) })),
});
export type ScoreHistory = z.infer<typeof ScoreHistory>;

/**
 * A unit's children (or its own staff) × the periods of a score's chart kind: one row per child
 * with a score in any of them. Left out (with `omitted` saying how many) beyond what a page can
 * draw; the ranking pages list everyone.
 */
export const Heatmap = z.strictObject({
  scoreId: z.string(),
  scoreLabel: z.string(),
  unit: ScoreUnit.nullable(),
  kind: PeriodKind,
  /** What the rows are: the children's level (部门) or the staff label. */
  rowsLabel: z.string(),
  /** `start` lets the chart write a month short (Jan, 1月) where a full label would not fit. */
  periods: z.array(z.strictObject({ id: z.string(), label: z.string(), start: z.string() })),
  /** Best first in the latest period (src/site/heatmap-rows.ts), the order the page draws them in. */
  rows: z.array(z.strictObject({ entity: EntityRef, scores: z.array(z.number().nullable()) })),
  /** Rows beyond HEATMAP_ROWS, not drawn; 0 when every child is a row. */
  omitted: z.number(),
  /** Which way the score is better, as the site's rankings of it order it (src/site/heatmap-rows.ts): the rows' order and the colours' direction. */
  order: z.enum(['desc', 'asc']),
});
export type Heatmap = z.infer<typeof Heatmap>;

/**
 * One size of the peers' layer of a peer chart: a file of the site shared by every page of the
 * ranking (src/pipeline/peer-drawings.ts), and the x domain it was drawn on, for the page's own layer.
 */
export const PeerDrawing = z.strictObject({
  /** Relative to the site: `charts/peers/…svg`. */
  file: z.string(),
  domain: z.tuple([z.number(), z.number()]),
  /** The drawing's height: more than the usual when many equal scores pile their dots high. */
  height: z.number(),
});
export type PeerDrawing = z.infer<typeof PeerDrawing>;

/**
 * Where an entity stands among everyone in its ranking for one period, as its page shows it. The
 * peers' scores themselves stay in the shared drawings and table, so that a page does not change
 * when only someone else's score does (README, Decisions, "Peer charts in two layers").
 */
export const PeerStanding = z.strictObject({
  rankingLabel: z.string(),
  periodLabel: z.string(),
  /** This entity's score. */
  score: z.number(),
  count: z.number(),
  median: z.number(),
  /** Whether the chart counts scores in ranges (a histogram) rather than drawing a dot each. */
  binned: z.boolean(),
  drawings: z.strictObject({ wide: PeerDrawing, narrow: PeerDrawing }),
  /** Relative to the site: the CSV of every peer's score, or of the ranges' counts. */
  table: z.string(),
});
export type PeerStanding = z.infer<typeof PeerStanding>;

/**
 * The head of an entity page for one score: where it stands now and how it got there, computed
 * at export (src/site/entity-summary.ts) so that the page only words it.
 */
export const ScoreSummary = z.strictObject({
  scoreId: z.string(),
  scoreLabel: z.string(),
  unit: ScoreUnit.nullable(),
  /** The newest period of the summary's kind the entity has a score in. */
  latest: ScoreHistoryPoint,
  /** Places climbed since the previous period of the same kind (negative: fell); null when not ranked in both. */
  rankChange: z.number().nullable(),
  /** How far the score is from the nearest better rank, always ≥ 0; null at the top or when not ranked. */
  gapUp: z.number().nullable(),
  /** The latest period's target for this entity, whether the score meets it, and how far it is from it. */
  target: z.strictObject({ op: ThresholdOp, value: z.number(), met: z.boolean(), gap: z.number() }).nullable(),
  /** The rank in every period of the summary's kind, oldest first, for the sparkline; null where not ranked. */
  ranks: z.array(z.strictObject({ periodLabel: z.string(), rank: z.number().nullable(), rankCount: z.number().nullable() })),
  /** Everyone in the latest period's ranking, for the peer chart; null when not ranked or the ranking is not published. */
  peers: PeerStanding.nullable(),
});
export type ScoreSummary = z.infer<typeof ScoreSummary>;

/** An appeal (申诉) and its decision, shown beside the event it names. */
export const AppealRef = z.strictObject({
  id: z.string(),
  decision: z.enum(['upheld', 'rejected', 'adjusted', 'pending']),
  decidedOn: z.string().nullable(),
});
export type AppealRef = z.infer<typeof AppealRef>;

/** One line in an entity's ledger: what moved its score, and why. */
export const Posting = z.strictObject({
  date: z.string(),
  sourceTable: z.enum(['events', 'surveys', 'checks']),
  sourceId: z.string(),
  typeLabel: z.string(),
  scoreId: z.string(),
  points: z.number(),
  /** `subject` when the event names this entity; otherwise the cascade step that reached it; `tally` for an event counted by an event_tally score. */
  role: z.enum(['subject', 'cascade_unit', 'cascade_head', 'survey', 'check', 'tally']),
  /** The entity the event named, when this posting came through a cascade. */
  via: EntityRef.nullable(),
  source: z.string(),
  /** Only in internal builds. */
  note: z.string().optional(),
  /** Set when a repeat or a priority item multiplied the event (S5 加倍考核). */
  multiplier: z.strictObject({ factor: z.number(), repeat: z.boolean(), priority: z.boolean() }).optional(),
  /** The appeal lodged against the event, when there is one. */
  appeal: AppealRef.optional(),
});
export type Posting = z.infer<typeof Posting>;

/** A per-event fine (S5), on its subject's page. */
export const FineLine = z.strictObject({
  date: z.string(),
  eventId: z.string(),
  typeLabel: z.string(),
  rule: z.enum(['fixed', 'range', 'per_point']),
  points: z.number().nullable(),
  rate: z.number().nullable(),
  multiplier: z.number(),
  amount: z.number(),
  appeal: AppealRef.optional(),
});
export type FineLine = z.infer<typeof FineLine>;

export const EntityPage = z.strictObject({
  entity: EntityRef,
  levelLabel: z.string(),
  role: z.string().nullable(),
  /** The payroll number; only in the internal edition. */
  employeeNo: z.string().optional(),
  parent: EntityRef.nullable(),
  /** Ancestors from the top down, for the breadcrumb. */
  ancestors: z.array(EntityRef),
  head: EntityRef.nullable(),
  children: z.array(EntityRef.extend({ levelLabel: z.string() })),
  members: z.array(EntityRef),
  histories: z.array(ScoreHistory),
  /** One per score the entity has a history in, in the histories' order. */
  summaries: z.array(ScoreSummary),
  /** Newest first, at most LISTED_POSTINGS_PER_SCORE per score (src/pipeline/entity-pages.ts). */
  postings: z.array(Posting),
  /** Per score over the bound, how many of its postings the page leaves out. */
  unlistedPostings: z.array(z.strictObject({ scoreId: z.string(), count: z.number() })),
  /** The site path of the CSV with every posting, when any score is over the bound. */
  postingsDownload: z.string().nullable(),
  /** Events about this entity that moved no score (unverified, pending), kept visible. */
  ignoredEvents: z.array(
    z.strictObject({ date: z.string(), eventId: z.string(), typeLabel: z.string(), status: z.string(), source: z.string(), appeal: AppealRef.optional() }),
  ),
  /** Per-event fines, newest first, and their totals per period; absent when no event type carries a fine. */
  fines: z
    .strictObject({
      lines: z.array(FineLine),
      totals: z.array(z.strictObject({ periodId: z.string(), periodLabel: z.string(), events: z.number(), amount: z.number() })),
    })
    .optional(),
  phases: z.array(z.strictObject({ id: z.string(), label: z.string(), ...Span })),
  /** On a unit page: each score of its children (or staff) month by month. */
  heatmaps: z.array(Heatmap),
});
export type EntityPage = z.infer<typeof EntityPage>;

/** One line of the entity directory (`entities.json`): who exists, and where they sit. */
export const DirectoryEntry = z.strictObject({
  entity: EntityRef,
  /** The unit's level (网点, 部门) or the staff label. */
  kindLabel: z.string(),
  /** The units above, nearest first, without a top unit shared by everyone (营业室 · 城东支行营业部). */
  unitPath: z.array(z.string()),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

export const Finding = z.strictObject({
  id: z.string(),
  ruleId: z.string(),
  ruleLabel: z.string(),
  entity: EntityRef,
  periodStart: z.string(),
  periodEnd: z.string(),
  /** Message catalog key and its values; the page words it in the build's locale. */
  messageKey: z.string(),
  values: Values,
  evidence: z.array(Evidence),
  /** The page that lists it (site-relative): the findings index, or a page of its rule's findings. */
  page: z.string(),
});
export type Finding = z.infer<typeof Finding>;

/** One page of a rule's findings, when the findings are too many for the findings index. */
export const FindingsPage = z.strictObject({
  rule: z.strictObject({ id: z.string(), label: z.string() }),
  findings: z.array(Finding),
  paging: Paging,
});
export type FindingsPage = z.infer<typeof FindingsPage>;

/** What the findings index says of a rule: how many findings, in which periods, on which pages. */
export const FindingRule = z.strictObject({
  id: z.string(),
  label: z.string(),
  count: z.number(),
  /** How many pages its own list takes (findings/<rule>/…); 0 when the findings index lists its findings itself. */
  pages: z.number(),
  /** Each period its findings fall in, in order: how many, and the first one (the page of the rule's list it is on, and its ID) to link to. */
  periods: z.array(z.strictObject({ ...Span, count: z.number(), page: z.number(), firstId: z.string() })),
});
export type FindingRule = z.infer<typeof FindingRule>;

/** A finding as a 通报 lists it: with the units above its unit. */
export const NoticeFinding = Finding.extend({ parent: EntityRef.nullable() });
export type NoticeFinding = z.infer<typeof NoticeFinding>;

export const NoticeRow = z.strictObject({
  /** Rank in the ranking; null for an award the leadership selected without a score. */
  rank: z.number().nullable(),
  entity: EntityRef,
  parent: EntityRef.nullable(),
  score: z.number().nullable(),
  /** This entry's amount when the section's amounts vary (fines by formula). */
  amount: z.number().nullable(),
  /** The quota group (a district, a category) when the award has one list per group. */
  group: z.string().nullable(),
  /** Failed eligibility rules a written approval overrode, with its reference number. */
  approvals: z.array(z.strictObject({ rule: z.string(), reference: z.string() })),
});
export type NoticeRow = z.infer<typeof NoticeRow>;

/** A failed eligibility rule (its label, and the unit above whose record failed it), or an upheld objection (label null). */
export const IneligibleReason = z.strictObject({ label: z.string().nullable(), via: z.string().nullable() });
export type IneligibleReason = z.infer<typeof IneligibleReason>;

export const NoticeSection = z.strictObject({
  kind: z.enum(['ranking', 'award', 'penalty']),
  label: z.string(),
  /** The amount of every entry when it is the same for all; null when none or when it varies. */
  amount: z.number().nullable(),
  amountVaries: z.boolean(),
  /** Who the amount goes to: 每名 is said of people, 每个单位 of units. */
  recipients: z.enum(['staff', 'unit']),
  rows: z.array(NoticeRow),
  /** How many are on a penalty list the public edition does not name (config.public.criticism); their rows are left out. */
  unnamed: z.number(),
  /** More winners than places because of a tie at the boundary. */
  tieOverflow: z.boolean(),
  /** The scores that broke a tie at the boundary, in order; empty when none had to. */
  tieBreaks: z.array(z.string()),
  /** Candidates removed whatever their score, with the reasons. */
  ineligible: z.array(z.strictObject({ entity: EntityRef, parent: EntityRef.nullable(), score: z.number().nullable(), reasons: z.array(IneligibleReason) })),
  /** Per quota group: the winners an upheld objection removed, and those who moved up into their places. */
  movedUp: z.array(z.strictObject({ removed: z.array(EntityRef), replacements: z.array(EntityRef) })),
});
export type NoticeSection = z.infer<typeof NoticeSection>;

export const ObjectionRecord = z.strictObject({
  id: z.string(),
  receivedOn: z.string(),
  award: z.string(),
  entity: EntityRef,
  /** What the objection said: internal. */
  summary: z.string(),
  decision: z.enum(['upheld', 'rejected']).nullable(),
  decidedOn: z.string().nullable(),
});
export type ObjectionRecord = z.infer<typeof ObjectionRecord>;

export const NoticeResult = z.strictObject({ rank: z.number().nullable(), score: z.number().nullable(), amount: z.number().nullable() });
export type NoticeResult = z.infer<typeof NoticeResult>;

export const NoticeKind = z.enum(NOTICE_KINDS);
export type NoticeKind = z.infer<typeof NoticeKind>;
const NoticeStatus = z.enum(['open', 'closed', 'final']).nullable();

export const Notice = z.strictObject({
  id: z.string(),
  kind: NoticeKind,
  /** 文号, from the notice's pattern; null when it has none. */
  number: z.string().nullable(),
  title: z.string(),
  issuer: z.string(),
  /** Never after the as-of date. */
  date: z.string(),
  period: PeriodInfo,
  /** The opening paragraph, placeholders filled. */
  opening: z.string().nullable(),
  /** The 公示期: its first and last working day. */
  objectionWindow: z.strictObject({ first: z.string(), last: z.string(), workingDays: z.number() }).nullable(),
  /** Where the 公示期 stands on the as-of date: 公示中, 公示结束, 已发布正式结果. Null without one. */
  status: NoticeStatus,
  /** Where objections go. */
  contacts: z.array(z.strictObject({ label: z.string(), value: z.string() })),
  /**
   * Objections to the notice's award lists: how many were received, decided and upheld, and in the
   * internal edition only, each of them; null when the competition keeps no objections table or the
   * notice takes none.
   */
  objections: z.strictObject({ received: z.number(), resolved: z.number(), upheld: z.number(), records: z.array(ObjectionRecord) }).nullable(),
  /** 1 as first published; each correction (更正) the next (src/pipeline/notice-versions.ts). */
  version: z.number(),
  /** What the latest correction changed against the version before; empty for version 1. */
  corrections: z.array(z.strictObject({ section: z.string(), name: z.string(), before: NoticeResult.nullable(), after: NoticeResult.nullable() })),
  /** The earlier versions, oldest first, each at its own address. */
  earlier: z.array(z.strictObject({ version: z.number(), date: z.string(), path: z.string() })),
  /** A place for the seal beside the signature. */
  seal: z.boolean(),
  /** The document's head: plain, or a red header (红头) with the issuer in red over a red rule. */
  style: z.enum(['plain', 'red_header']),
  sections: z.array(NoticeSection),
  /** A 通报 of findings (kind `findings`): each finding of its period it reports; empty for other kinds. */
  findings: z.array(NoticeFinding),
});
export type Notice = z.infer<typeof Notice>;

/**
 * An earlier version of a corrected notice, as it was published: a whole notice (its own title,
 * 文号, date, opening and lists, names as the current edition gives them), and the version that
 * supersedes it.
 */
export const EarlierNotice = Notice.extend({ current: z.strictObject({ version: z.number(), path: z.string() }) });
export type EarlierNotice = z.infer<typeof EarlierNotice>;

export const MethodologySection = z.strictObject({
  /** A catalog key such as `method.heading.score`, filled from `headingValues`. */
  headingKey: z.string(),
  headingValues: Values,
  items: z.array(RuleText),
});
export type MethodologySection = z.infer<typeof MethodologySection>;

export const Download = z.strictObject({
  file: z.string(),
  format: z.enum(['csv', 'json', 'xlsx', 'parquet']),
  rows: z.number(),
  descriptionKey: z.string(),
});
export type Download = z.infer<typeof Download>;

/** A changed entity: its page when it still exists, else only its key (`unit:U01`). */
export const ChangedEntity = z.strictObject({ key: z.string(), ref: EntityRef.nullable() });
export type ChangedEntity = z.infer<typeof ChangedEntity>;

/** A row added, changed or removed since the last published build, by ID. */
export const RowChange = z.strictObject({
  id: z.string(),
  date: z.string().nullable(),
  /** The unit or person the row is about, when it names one. */
  entity: ChangedEntity.nullable(),
});
export type RowChange = z.infer<typeof RowChange>;

/** What changed since the last published build (src/pipeline/data-manifest.ts); empty lists on a first build. */
export const DataChanges = z.strictObject({
  /** The data date of the build compared with; null when none was published there. */
  previousAsOf: z.string().nullable(),
  /** Per table the rows added, changed and removed; on the page each list is cut to its first rows, `counts` stays whole. */
  tables: z.array(
    z.strictObject({
      table: z.string(),
      counts: z.strictObject({ added: z.number().int(), changed: z.number().int(), removed: z.number().int() }),
      added: z.array(RowChange),
      changed: z.array(RowChange),
      removed: z.array(RowChange),
    }),
  ),
  newPeriods: z.array(z.strictObject({ id: z.string(), label: z.string() })),
  /** How many entities' scores or ranks moved; `entities` may list only the first of them. */
  entityCount: z.number().int(),
  entities: z.array(
    z.strictObject({
      entity: ChangedEntity,
      changes: z.array(
        z.strictObject({
          what: z.enum(['score', 'rank']),
          label: z.string(),
          periodId: z.string(),
          periodLabel: z.string(),
          before: z.number().nullable(),
          after: z.number().nullable(),
        }),
      ),
    }),
  ),
  /** Notices newly published, and published notices whose result moved (corrected: a 更正 is due). */
  notices: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      /** Null when the notice is no longer published. */
      path: z.string().nullable(),
      corrected: z.boolean(),
      rows: z.array(z.strictObject({ section: z.string(), entity: ChangedEntity, before: NoticeResult.nullable(), after: NoticeResult.nullable() })),
      /** Changed records dated inside the notice's period or about an entity whose result moved. */
      causes: z.array(RowChange.extend({ table: z.string() })),
      /** How many causes there are; `causes` may list only the first of them. */
      causeCount: z.number().int(),
    }),
  ),
});
export type DataChanges = z.infer<typeof DataChanges>;

export const CalendarPhase = z.strictObject({
  id: z.string(),
  label: z.string(),
  ...Span,
  /** Against the data date. */
  state: z.enum(['done', 'current', 'upcoming']),
  tasks: z.array(z.strictObject({ label: z.string(), due: z.string(), duePassed: z.boolean() })),
});
export type CalendarPhase = z.infer<typeof CalendarPhase>;

export const SiteModel = z.strictObject({
  locale: Locale,
  base: z.string(),
  competition: z.strictObject({ id: z.string(), name: z.string(), issuer: z.string(), ...Span }),
  /** The newest date in the data: everything on the site is as of this day. */
  asOf: z.string(),
  decimals: z.number(),
  audience: z.enum(['public', 'internal']),
  currentPhase: PeriodInfo.nullable(),
  /** How far the data date is into the current phase, both ends counted: day 1 is its first day. */
  currentPhaseDays: z.strictObject({ elapsed: z.number(), total: z.number() }).nullable(),
  phases: z.array(PeriodInfo),
  /** Every phase, started or not, with the tasks it sets and their deadlines. */
  calendar: z.array(CalendarPhase),
  periods: z.array(PeriodInfo),
  rankings: z.array(RankingInfo),
  /** Every (period, ranking) pair that has a page, and how many pages its rows take. */
  rankingPages: z.array(z.strictObject({ periodId: z.string(), rankingId: z.string(), pages: z.number() })),
  home: z.strictObject({
    leaders: z.array(z.strictObject({ ranking: RankingInfo, period: PeriodInfo, rows: z.array(StandingRow) })),
    movers: z.strictObject({ ranking: RankingInfo, period: PeriodInfo, up: z.array(StandingRow), down: z.array(StandingRow) }).nullable(),
    latestNotices: z.array(z.strictObject({ id: z.string(), title: z.string(), date: z.string() })),
  }),
  counts: z.strictObject({ units: z.number(), staff: z.number(), events: z.number(), findings: z.number() }),
  /** The rules with findings, in the order they first appear; their `pages` say whether the findings index lists them all. */
  findingRules: z.array(FindingRule),
  noticeIndex: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      date: z.string(),
      periodLabel: z.string(),
      kind: NoticeKind,
      number: z.string().nullable(),
      status: NoticeStatus,
      version: z.number(),
    }),
  ),
  methodology: z.array(MethodologySection),
  downloads: z.array(Download),
  unitIds: z.array(z.string()),
  staffIds: z.array(z.string()),
});
export type SiteModel = z.infer<typeof SiteModel>;

/** The schema of each file of the model, by its path: a ranking page or an entity page by its folder. */
const MODEL_FILES: Record<string, z.ZodType> = {
  'site.json': SiteModel,
  'entities.json': z.array(DirectoryEntry),
  'findings.json': z.array(Finding),
  findings: FindingsPage,
  'notices.json': z.array(Notice),
  'earlier-notices.json': z.array(EarlierNotice),
  'changes.json': DataChanges,
  rankings: RankingPage,
  units: EntityPage,
  staff: EntityPage,
};

/** The schema a model file is written against, by its path inside the model (`units/U01.json`). */
export function modelSchema(file: string): z.ZodType {
  const schema = MODEL_FILES[file.split('/')[0]!];
  if (schema === undefined) throw new Error(`site model ${file}: no schema in src/site/schema.ts says what this file holds`);
  return schema;
}

/**
 * The value, once it is known to be what its file of the model may hold; else an error naming the
 * file and every field that is not (a bug in Podium: the export built a shape the pages do not read).
 */
export function checkedModel<T>(file: string, value: T): T {
  const result = modelSchema(file).safeParse(value);
  if (!result.success) throw new Error(`site model ${file} does not match its schema (src/site/schema.ts):\n${z.prettifyError(result.error)}`);
  return value;
}
