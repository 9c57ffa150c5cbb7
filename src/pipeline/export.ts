/**
 * Stage 5, export: the scored tables become (a) the downloads in exports/ and (b) the site
 * model that Astro renders. Large results stream chunk by chunk; each page's data is its own file.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Competition } from '../config/read.ts';
import { periodMatches, type PeriodKind, type ResolvedPeriod } from '../config/periods.ts';
import { localize } from '../config/text.ts';
import { THRESHOLD_SYMBOL } from '../config/thresholds.ts';
import type { CheckFinding } from '../rules/finding.ts';
import {
  entityRef,
  type CalendarPhase,
  type Download,
  type Notice,
  type NoticeDraft,
  type PeriodInfo,
  type RankingGroup,
  type RankingInfo,
  type RankingPage,
  rankingModelFile,
  type SiteModel,
  type StandingRow,
} from '../site/model.ts';
import { downloadsOf, TableExport, type ExportCounts } from './table-export.ts';
import { FindingExportRow, StandingExportRow } from './export-schemas.ts';
import { describeMethodology } from '../site/methodology.ts';
import { scoreUnit, writeEntityPages } from './entity-pages.ts';
import { writeAwardExports, writeNoticeFeed } from './notice-exports.ts';
import { publishesRanking } from '../config/public-edition.ts';
import { writeLedgerExports } from './ledger-exports.ts';
import { queryRows, streamRows } from './sql.ts';
import { pageRanges } from './paging.ts';
import { placeFindings, type PlacedFindings, type UnplacedFinding } from './finding-pages.ts';
import { writeJson } from './files.ts';
import { compareManifests, DATA_MANIFEST_FILE, dataManifest, dropManifestTables, entityKeyRef, listedChanges, manifestRowChanges, manifestValueChanges, type PreviousManifest } from './data-manifest.ts';
import type { DataChanges } from '../site/model.ts';
import { NOTICE_VERSIONS_FILE, versionNotices, type PublishedVersions } from './notice-versions.ts';
import type { WorkingCalendar } from '../config/working-days.ts';
import { listedPlace, places, type Places, type UnitNode } from '../site/unit-paths.ts';
import { checkedModel } from '../site/schema.ts';
import { noticeDrafts, planNotices, type AwardQueryRow, type ExclusionQueryRow, type ObjectionQueryRow } from '../site/notices.ts';

export interface ExportInput {
  db: DuckDBConnection;
  competition: Competition;
  /** The day the site speaks of: the data date, or `--as-of`. */
  asOf: string;
  /** Working days, for the 公示期 of notices. */
  calendar: WorkingCalendar;
  findings: CheckFinding[];
  /** Where the site model JSON goes (read by the Astro pages). */
  modelDir: string;
  /** Where the downloads go (published as <out>/exports/). */
  exportsDir: string;
  /** Where other files of the site go as they are, copied beside the pages (the peer charts' shared drawings). */
  publicDir: string;
  base: string;
  /** The data manifest of the site this build replaces; null on a first build. */
  previous: PreviousManifest | null;
  /**
   * How much of each list of changes to keep (changed rows per table, entities whose scores or
   * ranks moved, a notice's causes): the page's few, or all (Infinity) for `podium diff`. The
   * counts stay whole.
   */
  changesListed: number;
  /** Says something the build log should carry (a previous rows file DuckDB could not read). */
  note: (line: string) => void;
  /** The notice versions published before: by the site this build replaces, and in the office's record. */
  publishedVersions: PublishedVersions;
}

/** The finest kinds first: home-page leaders use a ranking's finest finished period. */
const KIND_ORDER: PeriodKind[] = ['month', 'quarter', 'phase', 'half', 'year', 'custom'];
const LEADER_ROWS = 5;

interface StandingQueryRow {
  ranking_id: string;
  period_id: string;
  group_id: string | null;
  group_name: string | null;
  entity_kind: 'unit' | 'staff';
  entity_id: string;
  entity_name: string;
  parent_id: string | null;
  parent_name: string | null;
  score: number;
  rank: number;
  rank_count: number;
  previous_rank: number | null;
  rank_change: number | null;
  target_met: boolean | null;
}

/** A file of the site model, checked against its schema as it is written: one parse per page, no second pass. */
function writeModelFile(modelDir: string, parts: string[], value: unknown): void {
  writeJson(path.join(modelDir, ...parts), checkedModel(parts.join('/'), value));
}

export async function exportSite(input: ExportInput): Promise<{ site: SiteModel; changes: DataChanges }> {
  const { db, competition, asOf, modelDir, exportsDir } = input;
  const { config, locale } = competition;
  for (const dir of [modelDir, path.join(modelDir, 'rankings'), exportsDir]) mkdirSync(dir, { recursive: true });

  const periods = competition.periods.filter((p) => p.start <= asOf).map((p) => periodInfo(p, competition, asOf));
  const periodById = new Map(periods.map((p) => [p.id, p]));
  const rankings = config.rankings.filter((r) => publishesRanking(config, r)).map((r): RankingInfo => {
    const score = config.scores.find((s) => s.id === r.score)!;
    const level = config.org.levels.find((l) => l.id === r.subject);
    const within = config.org.levels.find((l) => l.id === r.within);
    return {
      id: r.id,
      label: localize(r.label, locale),
      scoreId: r.score,
      scoreLabel: localize(score.label, locale),
      scoreUnit: scoreUnit(score, config.scores),
      subject: r.subject,
      subjectLabel: localize(level?.label ?? config.org.staff_label, locale),
      withinLabel: within ? localize(within.label, locale) : null,
      order: r.order,
      periodIds: periods.filter((p) => periodMatches(r.periods, p)).map((p) => p.id),
    };
  });

  const leaderPeriods = new Map(rankings.filter((r) => r.withinLabel === null).flatMap((r) => {
    const chosen = leaderPeriod(r, periodById);
    return chosen ? [[r.id, chosen] as const] : [];
  }));
  const noticePlans = planNotices(competition, periods, rankings, asOf);
  const wanted = new Set([...leaderPeriods].map(([r, p]) => `${r}__${p.id}`));
  for (const plan of noticePlans) {
    for (const r of plan.rankings) wanted.add(`${r}__${plan.period.id}`);
    // A funnelled award's own ranking: the notice says why those ranked above its winners are not on it.
    for (const award of config.awards.filter((a) => plan.config.awards.includes(a.id) && a.funnel.length > 0)) wanted.add(`${award.ranking}__${plan.period.id}`);
  }

  // Heads every workbook's sheet, so that a printed or forwarded sheet says what it is from.
  const title = `${localize(config.name, locale)} (${asOf})`;
  const units = await queryRows<UnitNode>(db, 'export_unit_names');
  const where = places(units);
  const { rankingPages, kept, standingRows } = await writeStandings(input, periods, rankings, wanted, title, where);

  const unitNames = new Map(units.map((u) => [u.unit_id, u.name]));
  const placed = placeFindings(
    input.findings.map((f) => siteFinding(f, competition, unitNames)),
    config.ranking_page_size,
  );
  const { findings } = placed;
  const parentOf = new Map(units.map((u) => [u.unit_id, u.parent_id]));
  const placeOf = (unitId: string) => {
    const parent = parentOf.get(unitId) ?? null;
    return listedPlace(where, parent, parent === null ? null : (unitNames.get(parent) ?? parent));
  };

  const awards = await queryRows<AwardQueryRow>(db, 'export_awards');
  const exclusions = await queryRows<ExclusionQueryRow>(db, 'export_award_exclusions');
  const objections = config.tables.objections === undefined ? null : await queryRows<ObjectionQueryRow>(db, 'export_objections');
  const { plans: published, drafts } = noticeDrafts(noticePlans, competition, asOf, { rankings, kept, awards, exclusions, objections, calendar: input.calendar, where, findings, placeOf });
  const awardDownloads = await writeAwardExports(competition, awards, exclusions, published, periods, exportsDir, title);
  const { notices, changes } = await writeNoticesAndChanges(input, periods, rankings, drafts);

  writeModelFile(modelDir, ['findings.json'], findings);
  for (const { file, page } of placed.pages) {
    mkdirSync(path.join(modelDir, ...file.slice(0, -1)), { recursive: true });
    writeModelFile(modelDir, file, page);
  }
  const findingRows = await writeFindingExports(input.findings, placed, exportsDir, title);

  // The ledger's workbooks are written by their worker while the entity pages are made.
  const ledger = await writeLedgerExports(db, competition, periods, exportsDir, title);
  const entityIds = await writeEntityPages(db, competition, periods, { modelDir, exportsDir, publicDir: input.publicDir }, where.above);

  const [counts = { units: 0, staff: 0, events: 0 }] = await queryRows<{ units: number; staff: number; events: number }>(db, 'export_counts');
  const leaders = [...leaderPeriods].map(([rankingId, period]) => ({
    ranking: rankings.find((r) => r.id === rankingId)!,
    period,
    rows: (kept.get(`${rankingId}__${period.id}`) ?? []).slice(0, LEADER_ROWS),
  // A ranking with nobody ranked in its latest period (no checks that quarter) has no page to lead to.
  })).filter((leader) => leader.rows.length > 0);
  const downloads: Download[] = [
    ...downloadsOf('standings', standingRows, 'download.standings'),
    ...downloadsOf('findings', findingRows, 'download.findings'),
    ...awardDownloads,
    ...ledger.downloads,
  ];
  await Promise.all(ledger.written);
  const currentPhase = periods.find((p) => p.kind === 'phase' && p.start <= asOf && asOf <= p.end) ?? null;
  const site: SiteModel = {
    locale,
    base: input.base,
    competition: { id: config.id, name: localize(config.name, locale), issuer: localize(config.issuer, locale), start: config.start, end: config.end },
    asOf,
    decimals: config.decimals,
    audience: config.audience,
    currentPhase,
    currentPhaseDays: currentPhase && { elapsed: dayNumber(currentPhase.start, asOf), total: dayNumber(currentPhase.start, currentPhase.end) },
    phases: periods.filter((p) => p.kind === 'phase'),
    calendar: phaseCalendar(competition, asOf),
    periods,
    rankings,
    rankingPages,
    home: {
      leaders,
      movers: biggestMovers(leaders, kept),
      latestNotices: [...notices].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)).slice(0, 5).map((n) => ({ id: n.id, title: n.title, date: n.date })),
    },
    counts: { ...counts, findings: findings.length },
    findingRules: placed.rules,
    noticeIndex: notices.map((n) => ({ id: n.id, title: n.title, date: n.date, periodLabel: n.period.label, kind: n.kind, number: n.number, status: n.status, version: n.version })),
    methodology: describeMethodology(competition, (id) => unitNames.get(id) ?? id),
    downloads,
    unitIds: entityIds.units,
    staffIds: entityIds.staff,
  };
  writeModelFile(modelDir, ['site.json'], site);
  return { site, changes };
}

/**
 * Publishes this build's data manifest and writes what changed since the previous one for its
 * page; then the notices, each with its version (a correction where its result changed), the
 * earlier versions' pages and the feed, one entry per version.
 */
async function writeNoticesAndChanges(input: ExportInput, periods: PeriodInfo[], rankings: RankingInfo[], drafts: NoticeDraft[]): Promise<{ notices: Notice[]; changes: DataChanges }> {
  const { db, competition, modelDir, exportsDir } = input;
  const manifest = await dataManifest(db, competition, input.asOf, periods, drafts, exportsDir);
  writeJson(path.join(exportsDir, DATA_MANIFEST_FILE), manifest);
  const rowChanges = await manifestRowChanges(db, input.previous, input.note);
  const valueChanges = await manifestValueChanges(db, input.previous, manifest.periods, input.changesListed, input.note);
  await dropManifestTables(db);
  const names = await queryRows<{ entity_kind: 'unit' | 'staff'; entity_id: string; name: string }>(db, 'manifest_entities');
  const entities = new Map(names.map((e) => entityKeyRef(e.entity_kind, e.entity_id, e.name)));
  const changes = compareManifests(input.previous?.manifest ?? null, manifest, rowChanges, valueChanges, {
    periods,
    rankings,
    scoreLabels: new Map(competition.config.scores.map((s) => [s.id, localize(s.label, competition.locale)])),
    entities,
    notices: drafts,
  });
  writeModelFile(modelDir, ['changes.json'], listedChanges(changes));
  const versioned = versionNotices(drafts, changes, input.publishedVersions, competition, entities);
  writeJson(path.join(exportsDir, NOTICE_VERSIONS_FILE), versioned.file);
  writeModelFile(modelDir, ['notices.json'], versioned.notices);
  writeModelFile(modelDir, ['earlier-notices.json'], versioned.earlier);
  writeNoticeFeed(competition, versioned.notices, input.base, exportsDir);
  // Cut before the entity pages, which would otherwise carry every changed row through their batches.
  return { notices: versioned.notices, changes: listedChanges(changes, input.changesListed) };
}

export function periodInfo(p: ResolvedPeriod, competition: Competition, asOf: string): PeriodInfo {
  const { locale } = competition;
  return {
    id: p.id,
    kind: p.kind,
    label: localize(p.label, locale),
    start: p.start,
    end: p.end,
    // The data date is never before closed_through (sql/intermediate/int_as_of.sql): a closed period has started.
    status: p.end <= (competition.config.closed_through ?? asOf) ? 'final' : 'provisional',
    combine: p.combine.map((c) => ({ periodId: c.period, label: localize(competition.periods.find((q) => q.id === c.period)!.label, locale), weight: c.weight })),
    targets: p.targets.map((t) => ({ scoreId: t.score, op: t.threshold.op, value: t.threshold.value })),
  };
}

function leaderPeriod(ranking: RankingInfo, periodById: Map<string, PeriodInfo>): PeriodInfo | undefined {
  const own = ranking.periodIds.map((id) => periodById.get(id)!);
  for (const kind of KIND_ORDER) {
    const ofKind = own.filter((p) => p.kind === kind);
    const finals = ofKind.filter((p) => p.status === 'final');
    const chosen = finals.at(-1) ?? ofKind.at(-1);
    if (chosen) return chosen;
  }
  return undefined;
}

/** The largest rank changes in the first leaders' ranking that has a previous period to compare with. */
function biggestMovers(leaders: SiteModel['home']['leaders'], kept: Map<string, StandingRow[]>): SiteModel['home']['movers'] {
  for (const { ranking, period } of leaders) {
    const rows = (kept.get(`${ranking.id}__${period.id}`) ?? []).filter((r) => r.rankChange !== null && r.rankChange !== 0);
    if (rows.length === 0) continue;
    const byChange = (sign: number) => (a: StandingRow, b: StandingRow) =>
      sign * (b.rankChange! - a.rankChange!) || a.rank - b.rank || a.entity.id.localeCompare(b.entity.id);
    return {
      ranking,
      period,
      up: rows.filter((r) => r.rankChange! > 0).sort(byChange(1)).slice(0, LEADER_ROWS),
      down: rows.filter((r) => r.rankChange! < 0).sort(byChange(-1)).slice(0, LEADER_ROWS),
    };
  }
  return null;
}

function standingRow(row: StandingQueryRow, where: Places): StandingRow {
  return {
    entity: entityRef(row.entity_kind, row.entity_id, row.entity_name),
    parent: listedPlace(where, row.parent_id, row.parent_name),
    score: row.score,
    rank: row.rank,
    rankCount: row.rank_count,
    previousRank: row.previous_rank,
    rankChange: row.rank_change,
    targetMet: row.target_met,
  };
}

/**
 * Streams every standing once: into standings.csv/.json, into one JSON file per ranking page,
 * and into `kept` for the pairs the home page and the notices quote.
 */
async function writeStandings(input: ExportInput, periods: PeriodInfo[], rankings: RankingInfo[], wanted: Set<string>, title: string, where: Places) {
  const periodById = new Map(periods.map((p) => [p.id, p]));
  const rankingById = new Map(rankings.map((r) => [r.id, r]));
  const pageSize = input.competition.config.ranking_page_size;
  const table = await TableExport.create(path.join(input.exportsDir, 'standings'), StandingExportRow, title);
  const rankingPages: SiteModel['rankingPages'] = [];
  const kept = new Map<string, StandingRow[]>();
  // One ranking of one period at a time: its rows under their groups, and as download rows.
  let current: { period: PeriodInfo; ranking: RankingInfo; groups: RankingGroup[]; exportRows: StandingExportRow[] } | null = null;
  const flush = async () => {
    if (!current) return;
    const { period, ranking, groups, exportRows } = current;
    const pages = pageRanges(exportRows.length, pageSize);
    let download: string | null = null;
    if (pages.length > 1) {
      const file = rankingDownload(period.id, ranking.id);
      mkdirSync(path.join(input.exportsDir, path.dirname(file)), { recursive: true });
      const whole = await TableExport.create(path.join(input.exportsDir, file), StandingExportRow, title);
      for (const row of exportRows) whole.add(row);
      await whole.close();
      download = `exports/${file}.csv`;
    }
    const target = period.targets.find((t) => t.scoreId === ranking.scoreId) ?? null;
    mkdirSync(path.join(input.modelDir, 'rankings', period.id, ranking.id), { recursive: true });
    pages.forEach((range, i) => {
      const page: RankingPage = { period, ranking, target, groups: rowsBetween(groups, range), paging: { page: i + 1, pages, download } };
      writeModelFile(input.modelDir, rankingModelFile(period.id, ranking.id, i + 1), page);
    });
    rankingPages.push({ periodId: period.id, rankingId: ranking.id, pages: pages.length });
  };
  for await (const chunk of streamRows<StandingQueryRow>(input.db, 'export_standings')) {
    for (const row of chunk) {
      const period = periodById.get(row.period_id)!;
      const ranking = rankingById.get(row.ranking_id);
      // A ranking of staff the public edition does not publish (config.public.staff_rankings).
      if (!ranking) continue;
      if (current?.period.id !== period.id || current.ranking.id !== ranking.id) {
        await flush();
        current = { period, ranking, groups: [], exportRows: [] };
      }
      const group = row.group_id ? entityRef('unit', row.group_id, row.group_name ?? row.group_id) : null;
      let lastGroup = current.groups.at(-1);
      if (!lastGroup || lastGroup.group?.id !== group?.id) {
        lastGroup = { group, rows: [] };
        current.groups.push(lastGroup);
      }
      const standing = standingRow(row, where);
      lastGroup.rows.push(standing);
      const key = `${row.ranking_id}__${row.period_id}`;
      if (wanted.has(key)) {
        if (!kept.has(key)) kept.set(key, []);
        kept.get(key)!.push(standing);
      }
      const exportRow: StandingExportRow = {
        period_id: period.id,
        period_label: period.label,
        period_status: period.status,
        scope_id: ranking.id,
        scope_label: ranking.label,
        group_id: row.group_id ?? '',
        group_name: row.group_name ?? '',
        entity_kind: row.entity_kind,
        entity_id: row.entity_id,
        entity_name: row.entity_name,
        parent_id: row.parent_id ?? '',
        parent_name: row.parent_name ?? '',
        score: row.score,
        rank: row.rank,
        rank_count: row.rank_count,
        previous_rank: row.previous_rank,
        rank_change: row.rank_change,
        target_met: row.target_met,
      };
      current.exportRows.push(exportRow);
      table.add(exportRow);
    }
    table.flush();
  }
  await flush();
  return { rankingPages, kept, standingRows: await table.close() };
}

/** The download of one whole ranking, without extension, inside exports/. */
const rankingDownload = (periodId: string, rankingId: string): string => path.posix.join('rankings', periodId, rankingId);

/** The rows first–last (from 1, across groups) under their groups; a group cut by the page edge keeps its heading on both sides. */
export function rowsBetween(groups: RankingGroup[], { first, last }: { first: number; last: number }): RankingGroup[] {
  const out: RankingGroup[] = [];
  let before = 0;
  for (const { group, rows } of groups) {
    const from = Math.max(first - 1 - before, 0);
    const to = Math.min(last - before, rows.length);
    if (from < to) out.push({ group, rows: rows.slice(from, to) });
    before += rows.length;
  }
  return out;
}

/** The phases as a timetable against the data date, with the tasks each sets (S7, S9). */
function phaseCalendar(competition: Competition, asOf: string): CalendarPhase[] {
  return competition.periods
    .filter((p) => p.kind === 'phase')
    .map((p) => ({
      id: p.id,
      label: localize(p.label, competition.locale),
      start: p.start,
      end: p.end,
      state: p.end < asOf ? 'done' : p.start <= asOf ? 'current' : 'upcoming',
      tasks: p.tasks.map((task) => ({ label: localize(task.label, competition.locale), due: task.due, duePassed: task.due < asOf })),
    }));
}

/** Days from `start` to `day`, both counted: the first day is day 1. */
const dayNumber = (start: string, day: string) => (Date.parse(day) - Date.parse(start)) / 86_400_000 + 1;

function siteFinding(f: CheckFinding, competition: Competition, unitNames: Map<string, string>): UnplacedFinding {
  const { compliance, awards, soft_caps } = competition.config;
  const rule = [...compliance, ...awards, ...soft_caps].find((r) => r.id === f.ruleId)!;
  return {
    id: [f.ruleId, f.unitId, ...(f.values.group ? [String(f.values.group)] : []), f.periodStart, ...(f.key === undefined ? [] : [f.key])].join('-'),
    ruleId: f.ruleId,
    ruleLabel: localize(rule.label, competition.locale),
    entity: entityRef('unit', f.unitId, unitNames.get(f.unitId) ?? f.unitId),
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    messageKey: f.messageKey,
    values: f.values,
    evidence: f.evidence,
  };
}

/** Every finding as one download, and the findings of each rule split over several pages as one download each. */
async function writeFindingExports(checked: CheckFinding[], { findings, downloads }: PlacedFindings, exportsDir: string, title: string): Promise<ExportCounts> {
  const rows = findings.map(
    (f, i): FindingExportRow => ({
      finding_id: f.id,
      rule_id: f.ruleId,
      rule_label: f.ruleLabel,
      unit_id: f.entity.id,
      unit_name: f.entity.name,
      period_start: f.periodStart,
      period_end: f.periodEnd,
      observed: checked[i]!.observed,
      required: `${THRESHOLD_SYMBOL[checked[i]!.threshold.op]} ${checked[i]!.threshold.value}`,
      evidence_ids: f.evidence.map((e) => e.id).join(' '),
    }),
  );
  for (const { ruleId, file } of downloads) {
    mkdirSync(path.join(exportsDir, path.dirname(file)), { recursive: true });
    const ruleTable = await TableExport.create(path.join(exportsDir, file), FindingExportRow, title);
    for (const row of rows) if (row.rule_id === ruleId) ruleTable.add(row);
    await ruleTable.close();
  }
  const table = await TableExport.create(path.join(exportsDir, 'findings'), FindingExportRow, title);
  for (const row of rows) table.add(row);
  return table.close();
}
