/**
 * The site model: everything a page shows, already computed by the pipeline and written as
 * JSON by the export stage. Pages read it through the functions at the bottom and only render.
 * Labels arrive already in the build's locale; numbers arrive unformatted.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Locale, NOTICE_KINDS, ThresholdOp } from '../config/schema.ts';
import type { PeriodKind } from '../config/periods.ts';
import { SITE_FIELD_PREFIX } from '../render/model-reads.mjs';

export interface PeriodInfo {
  id: string;
  kind: PeriodKind;
  label: string;
  start: string;
  end: string;
  /**
   * final: ended on or before closed_through (the data date when the config gives none);
   * provisional: still open. Unstarted periods are left out.
   */
  status: 'final' | 'provisional';
  /** Labels of the periods this one is carried from, with weights (e.g. year = ½ H1 + ½ H2). */
  combine: { periodId: string; label: string; weight: number }[];
  targets: TargetInfo[];
}

export interface TargetInfo {
  scoreId: string;
  op: ThresholdOp;
  value: number;
}

export interface RankingInfo {
  id: string;
  label: string;
  scoreId: string;
  scoreLabel: string;
  /** What the score is counted in, as on entity pages; null when its model does not say. */
  scoreUnit: ScoreUnit | null;
  /** `staff` or a level id. */
  subject: string;
  subjectLabel: string;
  /** Level label of the groups ranks are counted within; null when ranked across the competition. */
  withinLabel: string | null;
  order: 'desc' | 'asc';
  periodIds: string[];
}

export interface EntityRef {
  kind: 'unit' | 'staff';
  id: string;
  name: string;
  /** Site-relative path, e.g. `units/U01/`; join with the base via `href()`. */
  path: string;
  /** For a unit named beside a person or a department: the names of the units above it, nearest first, without a top unit above everyone. */
  above?: string[];
}

export interface StandingRow {
  entity: EntityRef;
  /** The unit above: the outlet of a department, the unit of a staff member. */
  parent: EntityRef | null;
  score: number;
  rank: number;
  rankCount: number;
  /** Rank in the previous period of the same kind; null when not ranked there. */
  previousRank: number | null;
  /** Positive when the entity climbed. */
  rankChange: number | null;
  /** Null when the period sets no target for this score. */
  targetMet: boolean | null;
}

export interface RankingGroup {
  /** Null when ranked across the whole competition. */
  group: EntityRef | null;
  rows: StandingRow[];
}

export interface RankingPage {
  period: PeriodInfo;
  ranking: RankingInfo;
  target: TargetInfo | null;
  /** This page's rows only, under their groups; a group split across pages heads each part. */
  groups: RankingGroup[];
  paging: RankingPaging;
}

/** Where one page lies in a ranking split into pages (`ranking_page_size` rows each). */
export interface RankingPaging {
  /** 1 for the first page. */
  page: number;
  /** The first and last row of every page, counted from 1 across the whole ranking. */
  pages: { first: number; last: number }[];
  /** The whole ranking as a download (site-relative), when it is split into pages; else null. */
  download: string | null;
}

export interface ScoreHistoryPoint {
  periodId: string;
  periodLabel: string;
  kind: PeriodKind;
  start: string;
  end: string;
  score: number;
  /** Rank in the first ranking of this score and subject that covers the period; null if none. */
  rank: number | null;
  rankCount: number | null;
  status: 'final' | 'provisional';
  /** Only when the score's floor or cap changed it: which, and the score before it (扣完为止: −2 → 0). */
  bound?: { rule: 'floor' | 'cap'; raw: number };
}

/** What one unit of a score is; a count is shown as a whole number. */
export type ScoreUnit = 'points' | 'percent' | 'yuan' | 'count';

/** The points a score's chart draws: those of its chart kind, since sums over different spans never share an axis. */
export const chartedPoints = (history: ScoreHistory): ScoreHistory['points'] => history.points.filter((point) => point.kind === history.chartKind);

/** A score's points in a block per period kind (months, quarters, phases, halves, the year), in the order the kinds first come. */
export function pointsByKind(history: ScoreHistory): [kind: string, points: ScoreHistory['points']][] {
  const byKind = new Map<string, ScoreHistory['points']>();
  for (const point of history.points) byKind.set(point.kind, [...(byKind.get(point.kind) ?? []), point]);
  return [...byKind];
}

export interface ScoreHistory {
  scoreId: string;
  scoreLabel: string;
  /** Period kind the chart draws as a line: month for ledger scores, quarter for checks. */
  chartKind: PeriodKind;
  points: ScoreHistoryPoint[];
  /** What one unit of the score is, as its model defines it; null when the model does not say (a metric, a count). */
  unit: ScoreUnit | null;
  /** Phase targets as steps across the chart. */
  targets: { start: string; end: string; op: ThresholdOp; value: number; phaseLabel: string }[];
}

/**
 * The head of an entity page for one score: where it stands now and how it got there, computed
 * by the pipeline (src/pipeline/entity-summary.ts) so that the page only words it.
 */
export interface ScoreSummary {
  scoreId: string;
  scoreLabel: string;
  unit: ScoreUnit | null;
  /** The newest period of the summary's kind the entity has a score in. */
  latest: ScoreHistoryPoint;
  /** Places climbed since the previous period of the same kind (negative: fell); null when not ranked in both. */
  rankChange: number | null;
  /** How far the score is from the nearest better rank, always ≥ 0; null at the top or when not ranked. */
  gapUp: number | null;
  /** The latest period's target for this entity, whether the score meets it, and how far it is from it. */
  target: { op: ThresholdOp; value: number; met: boolean; gap: number } | null;
  /** The rank in every period of the summary's kind, oldest first, for the sparkline; null where not ranked. */
  ranks: { periodLabel: string; rank: number | null; rankCount: number | null }[];
  /** Everyone in the latest period's ranking, for the peer chart; null when not ranked or the ranking is not published. */
  peers: PeerDistribution | null;
}

/** The scores of one ranking in one period (src/pipeline/peer-distribution.ts). */
export interface PeerDistribution {
  rankingLabel: string;
  periodLabel: string;
  /** This entity's score. */
  score: number;
  count: number;
  median: number;
  /** Every score in ascending order, while few enough to draw a dot each; else null. */
  scores: number[] | null;
  /** Equal-width bins of the scores when there are too many for dots; else null. */
  bins: { from: number; to: number; count: number }[] | null;
}

/** One line in an entity's ledger: what moved its score, and why. */
export interface Posting {
  date: string;
  sourceTable: 'events' | 'surveys' | 'checks';
  sourceId: string;
  typeLabel: string;
  scoreId: string;
  points: number;
  /** `subject` when the event names this entity; otherwise the cascade step that reached it; `tally` for an event counted by an event_tally score. */
  role: 'subject' | 'cascade_unit' | 'cascade_head' | 'survey' | 'check' | 'tally';
  /** The entity the event named, when this posting came through a cascade. */
  via: EntityRef | null;
  source: string;
  /** Only in internal builds. */
  note?: string;
  /** Set when a repeat or a priority item multiplied the event (S5 加倍考核). */
  multiplier?: { factor: number; repeat: boolean; priority: boolean };
  /** The appeal lodged against the event, when there is one. */
  appeal?: AppealRef;
}

/** An appeal (申诉) and its decision, shown beside the event it names. */
export interface AppealRef {
  id: string;
  decision: 'upheld' | 'rejected' | 'adjusted' | 'pending';
  decidedOn: string | null;
}

/** A per-event fine (S5), on its subject's page. */
export interface FineLine {
  date: string;
  eventId: string;
  typeLabel: string;
  rule: 'fixed' | 'range' | 'per_point';
  points: number | null;
  rate: number | null;
  multiplier: number;
  amount: number;
  appeal?: AppealRef;
}

export interface EntityPage {
  entity: EntityRef;
  levelLabel: string;
  role: string | null;
  /** The payroll number; only in the internal edition. */
  employeeNo?: string;
  parent: EntityRef | null;
  /** Ancestors from the top down, for the breadcrumb. */
  ancestors: EntityRef[];
  head: EntityRef | null;
  children: (EntityRef & { levelLabel: string })[];
  members: EntityRef[];
  histories: ScoreHistory[];
  /** One per score the entity has a history in, in the histories' order. */
  summaries: ScoreSummary[];
  /** Newest first. */
  postings: Posting[];
  /** Events about this entity that moved no score (unverified, pending), kept visible. */
  ignoredEvents: { date: string; eventId: string; typeLabel: string; status: string; source: string; appeal?: AppealRef }[];
  /** Per-event fines, newest first, and their totals per period; absent when no event type carries a fine. */
  fines?: { lines: FineLine[]; totals: { periodId: string; periodLabel: string; events: number; amount: number }[] };
  phases: { id: string; label: string; start: string; end: string }[];
}

/** One line of the entity directory (`entities.json`): who exists, and where they sit. */
export interface DirectoryEntry {
  entity: EntityRef;
  /** The unit's level (网点, 部门) or the staff label. */
  kindLabel: string;
  /** The units above, nearest first, without a top unit shared by everyone (营业室 · 城东支行营业部). */
  unitPath: string[];
}

export interface Evidence {
  table: 'inspections' | 'surveys' | 'checks' | 'events' | 'metrics' | 'units' | 'awards';
  id: string;
  date: string;
  /** Catalog key and values that describe the record, e.g. `evidence.inspection`. */
  messageKey: string;
  values: Record<string, string | number>;
}

export interface Finding {
  id: string;
  ruleId: string;
  ruleLabel: string;
  entity: EntityRef;
  /** Human period such as the week 2025-04-07 – 2025-04-13 or the month 2025-04. */
  periodStart: string;
  periodEnd: string;
  /** Message catalog key and its values; the page words it in the build's locale. */
  messageKey: string;
  values: Record<string, string | number>;
  evidence: Evidence[];
}

export interface NoticeRow {
  /** Rank in the ranking; null for an award the leadership selected without a score. */
  rank: number | null;
  entity: EntityRef;
  parent: EntityRef | null;
  score: number | null;
  /** This entry's amount when the section's amounts vary (fines by formula). */
  amount: number | null;
  /** The quota group (a district, a category) when the award has one list per group. */
  group: string | null;
  /** Failed eligibility rules a written approval overrode, with its reference number. */
  approvals: { rule: string; reference: string }[];
}

export interface NoticeSection {
  kind: 'ranking' | 'award' | 'penalty';
  label: string;
  /** The amount of every entry when it is the same for all; null when none or when it varies. */
  amount: number | null;
  amountVaries: boolean;
  /** Who the amount goes to: 每名 is said of people, 每个单位 of units. */
  recipients: 'staff' | 'unit';
  rows: NoticeRow[];
  /** How many are on a penalty list the public edition does not name (config.public.criticism); their rows are left out. */
  unnamed: number;
  /** More winners than places because of a tie at the boundary. */
  tieOverflow: boolean;
  /** The scores that broke a tie at the boundary, in order; empty when none had to. */
  tieBreaks: string[];
  /** Candidates removed whatever their score, with the reasons. */
  ineligible: { entity: EntityRef; parent: EntityRef | null; score: number | null; reasons: IneligibleReason[] }[];
  /** Per quota group: the winners an upheld objection removed, and those who moved up into their places. */
  movedUp: { removed: EntityRef[]; replacements: EntityRef[] }[];
}

/** A failed eligibility rule (its label, and the unit above whose record failed it), or an upheld objection (label null). */
export interface IneligibleReason {
  label: string | null;
  via: string | null;
}

export interface Notice {
  id: string;
  kind: NoticeKind;
  /** 文号, from the notice's pattern; null when it has none. */
  number: string | null;
  title: string;
  issuer: string;
  /** Never after the as-of date. */
  date: string;
  period: PeriodInfo;
  /** The opening paragraph, placeholders filled. */
  opening: string | null;
  /** The 公示期: its first and last working day. */
  objectionWindow: { first: string; last: string; workingDays: number } | null;
  /** Where the 公示期 stands on the as-of date: 公示中, 公示结束, 已发布正式结果. Null without one. */
  status: 'open' | 'closed' | 'final' | null;
  /** Where objections go. */
  contacts: { label: string; value: string }[];
  /**
   * Objections to the notice's award lists: how many were received, decided and upheld, and in the
   * internal edition only, each of them; null when the competition keeps no objections table or the
   * notice takes none.
   */
  objections: { received: number; resolved: number; upheld: number; records: ObjectionRecord[] } | null;
  /** 1 as first published; each correction (更正) the next (src/pipeline/notice-versions.ts). */
  version: number;
  /** What the latest correction changed against the version before; empty for version 1. */
  corrections: { section: string; name: string; before: NoticeResult | null; after: NoticeResult | null }[];
  /** The earlier versions, oldest first, each at its own address. */
  earlier: { version: number; date: string; path: string }[];
  /** A place for the seal beside the signature. */
  seal: boolean;
  /** The document's head: plain, or a red header (红头) with the issuer in red over a red rule. */
  style: 'plain' | 'red_header';
  sections: NoticeSection[];
}

/** A notice before its versions are known (they depend on the site it replaces). */
export type NoticeDraft = Omit<Notice, 'version' | 'corrections' | 'earlier'>;

/** An earlier version of a corrected notice, as it was published: its lists, names as the current edition gives them. */
export interface EarlierNotice {
  noticeId: string;
  version: number;
  title: string;
  number: string | null;
  date: string;
  issuer: string;
  period: PeriodInfo;
  currentPath: string;
  sections: { label: string; rows: { name: string; rank: number | null; score: number | null; amount: number | null }[] }[];
}

export interface ObjectionRecord {
  id: string;
  receivedOn: string;
  award: string;
  entity: EntityRef;
  /** What the objection said: internal. */
  summary: string;
  decision: 'upheld' | 'rejected' | null;
  decidedOn: string | null;
}

export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface MethodologyItem {
  /** Message catalog key; `values` fill its placeholders. */
  key: string;
  values: Record<string, string | number>;
}

export interface MethodologySection {
  /** A catalog key such as `method.heading.score`, filled from `headingValues`. */
  headingKey: string;
  headingValues: Record<string, string | number>;
  items: MethodologyItem[];
}

export interface Download {
  file: string;
  format: 'csv' | 'json' | 'xlsx' | 'parquet';
  rows: number;
  descriptionKey: string;
}

/** A changed entity: its page when it still exists, else only its key (`unit:U01`). */
export interface ChangedEntity {
  key: string;
  ref: EntityRef | null;
}

/** A row added, changed or removed since the last published build, by ID. */
export interface RowChange {
  id: string;
  date: string | null;
  /** The unit or person the row is about, when it names one. */
  entity: ChangedEntity | null;
}

export interface NoticeResult {
  rank: number | null;
  score: number | null;
  amount: number | null;
}

/** What changed since the last published build (src/pipeline/data-manifest.ts); empty lists on a first build. */
export interface DataChanges {
  /** The data date of the build compared with; null when none was published there. */
  previousAsOf: string | null;
  tables: { table: string; added: RowChange[]; changed: RowChange[]; removed: RowChange[] }[];
  newPeriods: { id: string; label: string }[];
  entities: { entity: ChangedEntity; changes: { what: 'score' | 'rank'; label: string; periodId: string; periodLabel: string; before: number | null; after: number | null }[] }[];
  /** Notices newly published, and published notices whose result moved (corrected: a 更正 is due). */
  notices: {
    id: string;
    title: string;
    /** Null when the notice is no longer published. */
    path: string | null;
    corrected: boolean;
    rows: { section: string; entity: ChangedEntity; before: NoticeResult | null; after: NoticeResult | null }[];
    /** Changed records dated inside the notice's period or about an entity whose result moved. */
    causes: (RowChange & { table: string })[];
  }[];
}

export interface CalendarPhase {
  id: string;
  label: string;
  start: string;
  end: string;
  /** Against the data date. */
  state: 'done' | 'current' | 'upcoming';
  tasks: { label: string; due: string; duePassed: boolean }[];
}

export interface SiteModel {
  locale: Locale;
  base: string;
  competition: { id: string; name: string; issuer: string; start: string; end: string };
  /** The newest date in the data: everything on the site is as of this day. */
  asOf: string;
  decimals: number;
  audience: 'public' | 'internal';
  /** Whether staff have pages of their own; when not, their names are plain text. */
  staffPages: boolean;
  currentPhase: PeriodInfo | null;
  /** How far the data date is into the current phase, both ends counted: day 1 is its first day. */
  currentPhaseDays: { elapsed: number; total: number } | null;
  phases: PeriodInfo[];
  /** Every phase, started or not, with the tasks it sets and their deadlines. */
  calendar: CalendarPhase[];
  periods: PeriodInfo[];
  rankings: RankingInfo[];
  /** Every (period, ranking) pair that has a page, and how many pages its rows take. */
  rankingPages: { periodId: string; rankingId: string; pages: number }[];
  home: {
    leaders: { ranking: RankingInfo; period: PeriodInfo; rows: StandingRow[] }[];
    movers: { ranking: RankingInfo; period: PeriodInfo; up: StandingRow[]; down: StandingRow[] } | null;
    latestNotices: { id: string; title: string; date: string }[];
  };
  counts: { units: number; staff: number; events: number; findings: number };
  noticeIndex: { id: string; title: string; date: string; periodLabel: string; kind: NoticeKind; number: string | null; status: Notice['status']; version: number }[];
  methodology: MethodologySection[];
  downloads: Download[];
  unitIds: string[];
  staffIds: string[];
}

/** Where the export stage wrote the model; the build sets it before Astro renders. */
export const MODEL_DIR_ENV = 'PODIUM_MODEL_DIR';

function modelDir(): string {
  const dir = process.env[MODEL_DIR_ENV];
  if (!dir || !existsSync(dir)) {
    throw new Error(`${MODEL_DIR_ENV} does not name an exported site model; run the build with "npm run build"`);
  }
  return dir;
}

/** A file of the model in `dir`; the build's own stages (the search index) read the model this way too. */
export const readModelFile = <T>(dir: string, ...parts: string[]): T => JSON.parse(readFileSync(path.join(dir, ...parts), 'utf8')) as T;
/**
 * What the pages read of the model since the last `takeModelReads()`: a file by its path in the
 * model, and a field of site.json as `site.json#<field>`. The page cache (src/render/page-cache.ts)
 * reuses a page only while everything it read is unchanged, so every read goes through here.
 */
const modelReads = new Set<string>();
export function takeModelReads(): string[] {
  const reads = [...modelReads].sort();
  modelReads.clear();
  return reads;
}

const readJson = <T>(...parts: string[]): T => {
  modelReads.add(parts.join('/'));
  return readModelFile<T>(modelDir(), ...parts);
};

/**
 * site.json is read once per render worker, and each page reads only some of its fields (the
 * home page the leaders, every page the navigation): a field counts as read when a page touches
 * it, or all of them when a page lists or copies the whole object.
 */
function fieldRecording(model: SiteModel): SiteModel {
  const readAll = () => Object.keys(model).forEach((field) => modelReads.add(SITE_FIELD_PREFIX + field));
  return new Proxy(model, {
    get(target, field, receiver) {
      if (typeof field === 'string') modelReads.add(SITE_FIELD_PREFIX + field);
      return Reflect.get(target, field, receiver);
    },
    has(target, field) {
      if (typeof field === 'string') modelReads.add(SITE_FIELD_PREFIX + field);
      return Reflect.has(target, field);
    },
    ownKeys(target) {
      readAll();
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor(target, field) {
      if (typeof field === 'string') modelReads.add(SITE_FIELD_PREFIX + field);
      return Reflect.getOwnPropertyDescriptor(target, field);
    },
  });
}

let site: SiteModel | undefined;
export const loadSite = (): SiteModel => (site ??= fieldRecording(readModelFile<SiteModel>(modelDir(), 'site.json')));
export const loadRankingPage = (periodId: string, rankingId: string, page: number): RankingPage =>
  readJson<RankingPage>(...rankingModelFile(periodId, rankingId, page));
/** The model file of one page of a ranking, as path segments: IDs are validated codes, safe as folder names. */
export const rankingModelFile = (periodId: string, rankingId: string, page: number): string[] => ['rankings', periodId, rankingId, `${page}.json`];
export const loadUnitPage = (id: string): EntityPage => readJson<EntityPage>('units', `${id}.json`);
export const loadStaffPage = (id: string): EntityPage => readJson<EntityPage>('staff', `${id}.json`);
export const loadDirectory = (): DirectoryEntry[] => readJson<DirectoryEntry[]>('entities.json');
export const loadFindings = (): Finding[] => readJson<Finding[]>('findings.json');
export const loadNotices = (): Notice[] => readJson<Notice[]>('notices.json');
export const loadEarlierNotices = (): EarlierNotice[] => readJson<EarlierNotice[]>('earlier-notices.json');
export const loadChanges = (): DataChanges => readJson<DataChanges>('changes.json');

/**
 * Astro's own static build (`renderWithAstro`, the reference the compiled renderer is tested
 * against) renders the site in several processes at once, one per core. Each renders its share
 * of the pages that have many instances: PODIUM_SHARD is "index/count". The compiled renderer
 * shares the pages out itself and leaves this unset.
 */
export const SHARD_ENV = 'PODIUM_SHARD';
export function ownShare<T>(items: T[]): T[] {
  const [index = 0, count = 1] = (process.env[SHARD_ENV] ?? '0/1').split('/').map(Number);
  return count > 1 ? items.filter((_, i) => i % count === index) : items;
}

/** Paths inside the model and the site. IDs are validated codes, so they are safe path segments. */
export const entityPath = (kind: 'unit' | 'staff', id: string): string =>
  `${kind === 'unit' ? 'units' : 'staff'}/${encodeURIComponent(id)}/`;
export const entityRef = (kind: 'unit' | 'staff', id: string, name: string): EntityRef => ({ kind, id, name, path: entityPath(kind, id) });
/** A unit as the place someone or something sits in, with the names of the units above it. */
export const placeRef = (id: string, name: string, above: Map<string, string[]>): EntityRef => ({ ...entityRef('unit', id, name), above: above.get(id) ?? [] });
/** Page 1 of a ranking at its own address, page n (n > 1) below it: `rankings/h1/staff/2/`. */
export const rankingPath = (periodId: string, rankingId: string, page = 1): string =>
  `rankings/${encodeURIComponent(periodId)}/${encodeURIComponent(rankingId)}/${page > 1 ? `${page}/` : ''}`;
export const noticePath = (id: string): string => `notices/${encodeURIComponent(id)}/`;
/** An earlier version of a notice, below the notice itself: `notices/review-h1/v1/`. */
export const earlierNoticePath = (id: string, version: number): string => `${noticePath(id)}v${version}/`;
/** The id of a finding's row on the findings page; finding IDs may hold spaces (a quota group). */
export const findingAnchor = (id: string): string => `finding-${encodeURIComponent(id)}`;

/** A link from any page: the base the site is published under, then the site-relative path. */
export const href = (sitePath: string): string => `${loadSite().base}${sitePath}`;
