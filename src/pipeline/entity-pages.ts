/**
 * The page data of every unit and staff member, one JSON file each, streamed from
 * sql/site/site_entity_pages.sql so that tens of thousands of staff never sit in memory together.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Competition } from '../config/read.ts';
import { localize } from '../config/text.ts';
import { message, t } from '../site/i18n/index.ts';
import { csvDocument } from '../site/csv.ts';
import { entityRef, placeRef, postingsDownloadFile, type AppealRef, type DirectoryEntry, type EntityPage, type FineLine, type Heatmap, type PeriodInfo, type Posting, type ScoreHistory, type ScoreUnit } from '../site/model.ts';
import { sortBy } from '../order.ts';
import type { ThresholdOp } from '../config/schema.ts';
import { checkedModel } from '../site/schema.ts';
import { scoreSummary, type StandingPoint } from '../site/entity-summary.ts';
import { rowsBestFirst, scoreOrder } from '../site/heatmap-rows.ts';
import { queryRows, runSqlFile, streamJsonRows } from './sql.ts';
import { peerDistribution, type PeerDistribution } from '../site/peer-distribution.ts';
import { peerDrawings } from './peer-drawings.ts';
import { FileWriter } from './files.ts';
import { publishesRanking, publishesStaffPages } from '../config/public-edition.ts';

interface EntityPageRow {
  entity_kind: 'unit' | 'staff';
  entity_id: string;
  name: string;
  subject: string;
  role: string | null;
  /** Null in the public edition (an internal column, src/config/tables.ts). */
  employee_no: string | null;
  parent_unit_id: string | null;
  parent_name: string | null;
  ancestors: { id: string; name: string; distance: number }[];
  head_staff_id: string | null;
  head_name: string | null;
  children: { id: string; name: string; level: string }[];
  members: { id: string; name: string }[];
  history: {
    period_id: string;
    score_id: string;
    score: number;
    raw_score: number;
    ranking_id: string | null;
    rank: number | null;
    rank_count: number | null;
    rank_change: number | null;
    next_up_score: number | null;
    target_op: ThresholdOp | null;
    target_value: number | null;
    ord: number;
  }[];
  /** The newest postings of each score, as many as the page lists (sql/site/site_posting_rows.sql). */
  postings: PostingRow[];
  /** Each score with more postings than the page lists, and how many more. */
  unlisted: { score_id: string; count: number }[];
  ignored: ({ date: string; event_id: string; type: string; status: string; source: string } & AppealColumns)[];
  fines: ({ date: string; event_id: string; type: string; amount: number; rule: FineLine['rule']; points: number | null; rate: number | null; multiplier: number } & AppealColumns)[];
  fine_totals: { period_id: string; ord: number; events: number; amount: number }[];
  parts: { period_id: string; score_id: string; rule_id: string; amount: number }[];
  child_scores: { kind: 'unit' | 'staff'; id: string; period_id: string; score_id: string; score: number }[];
}

type PostingRow = {
  date: string;
  source_table: 'events' | 'surveys';
  source_id: string;
  rule_id: string;
  score_id: string;
  points: number;
  role: Posting['role'];
  via_kind: 'unit' | 'staff' | null;
  via_id: string | null;
  via_name: string | null;
  source: string;
  note: string;
  multiplier: number | null;
  repeat: boolean | null;
  priority: boolean | null;
} & AppealColumns;

interface AppealColumns {
  appeal_id: string | null;
  appeal_decision: AppealRef['decision'] | null;
  appeal_decided_on?: string | null;
}

const appealOf = (row: AppealColumns): { appeal?: AppealRef } =>
  row.appeal_id && row.appeal_decision ? { appeal: { id: row.appeal_id, decision: row.appeal_decision, decidedOn: row.appeal_decided_on ?? null } } : {};

/**
 * The unit a score is stated in, where its model fixes one: points for ledgers, weighted
 * indicators and rubrics, percent for a ratio scaled by 100, and a rollup keeps the unit of what
 * it rolls up; a tally of events is a count. Metrics and check averages are whatever the data
 * holds, so they have none.
 */
export function scoreUnit(score: Competition['config']['scores'][number], scores: Competition['config']['scores']): ScoreUnit | null {
  switch (score.model) {
    case 'ledger':
    case 'indicators':
    case 'rubric':
      return 'points';
    case 'ratio':
      return score.scale === 100 ? 'percent' : null;
    case 'event_tally':
      return score.measure === 'points' ? 'points' : score.measure === 'amount' ? 'yuan' : 'count';
    case 'rollup': {
      const of = scores.find((s) => s.id === score.of);
      return of && of !== score ? scoreUnit(of, scores) : null;
    }
    default:
      return null;
  }
}

/** The most rows a unit's heatmap draws: a page stays readable (and small) under a unit of hundreds of staff. */
export const HEATMAP_ROWS = 50;

/**
 * An indicator's or rubric item's line: its label and its place in the config, or for the points
 * an indicator's floor or cap took back ('<indicator>:floor'), the label with what happened,
 * right after the indicator.
 */
function partLines(competition: Competition): (scoreId: string, ruleId: string) => { label: string; order: number } {
  const { config, locale } = competition;
  const items = new Map<string, { label: string; order: number }>();
  for (const score of config.scores) {
    const listed = score.model === 'indicators' ? score.indicators : score.model === 'rubric' ? score.items : [];
    listed.forEach((item, i) => items.set(`${score.id}\u0000${item.id}`, { label: localize(item.label, locale), order: i }));
  }
  return (scoreId, ruleId) => {
    const [itemId = ruleId, bound] = ruleId.split(':');
    const item = items.get(`${scoreId}\u0000${itemId}`) ?? { label: itemId, order: items.size };
    return bound === 'floor' || bound === 'cap' ? { label: t(locale, `part.${bound}`, { label: item.label }), order: item.order + 0.5 } : item;
  };
}

/** Newest first, as a sort key. */
const newestFirst = (date: string) => -Date.parse(date);
const newestEventsFirst = <T extends { date: string; event_id: string }>(events: T[]): T[] => sortBy(events, (e) => newestFirst(e.date), (e) => e.event_id);

/**
 * Postings a page lists per score, newest first. A unit that every cascade reaches would otherwise
 * list every event of the competition: hundreds of thousands at 2 million events, pages over 1 MB
 * and 750 MB of page JSON (issue 10). A hundred is more than a reader scrolls through; the rest
 * are in the entity's postings CSV, which the page links.
 */
export const LISTED_POSTINGS_PER_SCORE = 100;

/**
 * Records listed on the entity pages per batch of pages: 1 million postings listed at once fit
 * DuckDB's 2 GB, 2 million did not (docs/scale.md); a quarter of a million leaves the export's
 * smaller budget (build.ts) room for the rest, at 10 million events too.
 */
const LISTED_ROWS_PER_BATCH = 250_000;

/**
 * `above`: the names of the units above each unit (unit-paths.ts), for the places people and units
 * sit in. `exportsDir` receives the postings CSV of each page over `listedPostings` per score, and
 * `publicDir` (copied into the site) the peer charts' shared drawings (peer-drawings.ts).
 */
export async function writeEntityPages(
  db: DuckDBConnection,
  competition: Competition,
  periods: PeriodInfo[],
  dirs: { modelDir: string; exportsDir: string; publicDir: string },
  above: Map<string, string[]>,
  listedPostings = LISTED_POSTINGS_PER_SCORE,
) {
  const { modelDir, exportsDir, publicDir } = dirs;
  const { config, locale } = competition;
  const periodById = new Map(periods.map((p) => [p.id, p]));
  const levelLabel = new Map(config.org.levels.map((l) => [l.id, localize(l.label, locale)]));
  const typeLabel = new Map(config.event_types.map((t) => [t.id, localize(t.label, locale)]));
  if (config.surveys) typeLabel.set('survey', localize(config.surveys.label, locale));
  const hasFines = config.event_types.some((t) => t.fine);
  const phases = periods.filter((p) => p.kind === 'phase').map(({ id, label, start, end }) => ({ id, label, start, end }));
  const ids = { units: [] as string[], staff: [] as string[] };
  const staffPages = publishesStaffPages(config);
  const directory: DirectoryEntry[] = [];
  const staffLabel = localize(config.org.staff_label, locale);
  const partLine = partLines(competition);
  const periodOrder = new Map(periods.map((p, i) => [p.id, i]));
  for (const dir of ['units', 'staff']) mkdirSync(path.join(modelDir, dir), { recursive: true });
  const scoreLabel = new Map(config.scores.map((s) => [s.id, localize(s.label, locale)]));

  // A posting as the page and its CSV show it.
  const postingOf = (p: PostingRow): Posting => ({
    date: p.date,
    sourceTable: p.source_table,
    sourceId: p.source_id,
    typeLabel: typeLabel.get(p.rule_id) ?? p.rule_id,
    scoreId: p.score_id,
    points: p.points,
    role: p.role,
    via: p.via_kind && p.via_id ? entityRef(p.via_kind, p.via_id, p.via_name ?? p.via_id) : null,
    source: p.source,
    // Notes are internal remarks: a public build never carries them.
    ...(config.audience === 'internal' && p.note ? { note: p.note } : {}),
    ...(p.multiplier !== null && p.multiplier !== 1 ? { multiplier: { factor: p.multiplier, repeat: p.repeat === true, priority: p.priority === true } } : {}),
    ...appealOf(p),
  });

  // Every posting of a page over the bound, with the columns its table shows (the note only where the page has it).
  const writePostingsCsv = (entity: { kind: 'unit' | 'staff'; id: string }, postings: Posting[]): void => {
    const showNote = postings.some((p) => p.note);
    const header = [
      t(locale, 'postings.score'),
      t(locale, 'posting.date'),
      t(locale, 'posting.type'),
      t(locale, 'posting.points'),
      t(locale, 'posting.role'),
      t(locale, 'postings.multiplier'),
      t(locale, 'postings.via'),
      t(locale, 'posting.source'),
      t(locale, 'postings.sourceId'),
      ...(showNote ? [t(locale, 'posting.note')] : []),
      t(locale, 'posting.appeal'),
    ];
    const rows = postings.map((p) => [
      scoreLabel.get(p.scoreId) ?? p.scoreId,
      p.date,
      p.typeLabel,
      p.points,
      t(locale, `role.${p.role}`),
      p.multiplier?.factor ?? null,
      p.via?.name ?? null,
      p.source,
      p.sourceId,
      ...(showNote ? [p.note ?? null] : []),
      p.appeal ? `${message(locale, `appeal.${p.appeal.decision}`)} ${p.appeal.id}` : null,
    ]);
    const file = postingsDownloadFile(entity.kind, entity.id);
    mkdirSync(path.join(exportsDir, ...file.slice(0, -1)), { recursive: true });
    writeFileSync(path.join(exportsDir, ...file), csvDocument([header, ...rows]));
  };

  // Each score's history, with what each period's standing adds for the summary at the page's head.
  const histories = (row: EntityPageRow): { history: ScoreHistory; standings: StandingPoint[] }[] =>
    config.scores.flatMap((score) => {
      const standings = sortBy(row.history, (h) => h.ord)
        .filter((h) => h.score_id === score.id && periodById.has(h.period_id))
        .map((h): StandingPoint => {
          const p = periodById.get(h.period_id)!;
          const bound = h.raw_score === h.score ? {} : { bound: { rule: h.raw_score < h.score ? ('floor' as const) : ('cap' as const), raw: h.raw_score } };
          return {
            periodId: p.id,
            periodLabel: p.label,
            kind: p.kind,
            start: p.start,
            end: p.end,
            score: h.score,
            rank: h.rank,
            rankCount: h.rank_count,
            status: p.status,
            ...bound,
            rankingId: h.ranking_id,
            rankChange: h.rank_change,
            nextUpScore: h.next_up_score,
            targetOp: h.target_op,
            targetValue: h.target_value,
          };
        });
      if (standings.length === 0) return [];
      const targets = periods
        .filter((p) => p.kind === 'phase')
        .flatMap((p) => p.targets.filter((t) => t.scoreId === score.id).map((t) => ({ start: p.start, end: p.end, op: t.op, value: t.value, phaseLabel: p.label })));
      const points = standings.map(({ rankingId, rankChange, nextUpScore, targetOp, targetValue, ...point }) => point);
      const parts = newestPeriodsFirst(row.parts.filter((part) => part.score_id === score.id)).map(([periodId, lines]) => ({
        periodId,
        periodLabel: periodById.get(periodId)!.label,
        lines: sortBy(
          lines.map((line) => ({ ...partLine(score.id, line.rule_id), points: line.amount })),
          (line) => line.order,
          (line) => line.label,
        ).map(({ label, points }) => ({ label, points })),
      }));
      const history: ScoreHistory = { scoreId: score.id, scoreLabel: localize(score.label, locale), chartKind: score.chart, points, unit: scoreUnit(score, config.scores), targets, parts };
      return [{ history, standings }];
    });

  /** Lines grouped by period, newest period first, leaving out periods the site does not show. */
  const newestPeriodsFirst = <T extends { period_id: string }>(lines: T[]): [string, T[]][] => {
    const byPeriod = new Map<string, T[]>();
    for (const line of lines) if (periodById.has(line.period_id)) byPeriod.set(line.period_id, [...(byPeriod.get(line.period_id) ?? []), line]);
    return sortBy([...byPeriod], ([periodId]) => -periodOrder.get(periodId)!);
  };

  // A unit's heatmaps: per score and kind of row (child units, own staff), the periods of the
  // score's chart kind in which any row has a score, the rows best first in the direction the
  // site's rankings of the score use (as the heatmap's colours read it).
  const rankedScores = config.rankings.filter((r) => publishesRanking(config, r)).map((r) => ({ scoreId: r.score, order: r.order }));
  const heatmaps = (row: EntityPageRow): Heatmap[] => {
    const names = new Map([...row.children.map((c) => [`unit:${c.id}`, c.name] as const), ...row.members.map((m) => [`staff:${m.id}`, m.name] as const)]);
    const childLevel = row.children[0]?.level;
    return config.scores.flatMap((score) =>
      (['unit', 'staff'] as const).flatMap((kind): Heatmap[] => {
        if (kind === 'staff' && !staffPages) return [];
        const cells = row.child_scores.filter((c) => c.kind === kind && c.score_id === score.id && periodById.get(c.period_id)?.kind === score.chart);
        if (cells.length === 0) return [];
        const periodIds = sortBy([...new Set(cells.map((c) => c.period_id))], (id) => periodOrder.get(id)!);
        const column = new Map(periodIds.map((id, i) => [id, i]));
        const byChild = new Map<string, (number | null)[]>();
        for (const cell of cells) {
          const scores = byChild.get(cell.id) ?? byChild.set(cell.id, periodIds.map(() => null)).get(cell.id)!;
          scores[column.get(cell.period_id)!] = cell.score;
        }
        const heatmap: Heatmap = {
          scoreId: score.id,
          scoreLabel: localize(score.label, locale),
          unit: scoreUnit(score, config.scores),
          kind: score.chart,
          rowsLabel: kind === 'staff' ? staffLabel : (levelLabel.get(childLevel ?? '') ?? childLevel ?? ''),
          periods: periodIds.map((id) => ({ id, label: periodById.get(id)!.label, start: periodById.get(id)!.start })),
          rows: [...byChild].map(([id, scores]) => ({ entity: entityRef(kind, id, names.get(`${kind}:${id}`) ?? id), scores })),
          omitted: Math.max(0, byChild.size - HEATMAP_ROWS),
          order: scoreOrder(rankedScores, score.id),
        };
        // Best first before the cap, so that a unit of hundreds draws its best, not its lowest IDs.
        return [{ ...heatmap, rows: rowsBestFirst(heatmap, heatmap.order, locale).slice(0, HEATMAP_ROWS) }];
      }),
    );
  };

  // An event as the ignored-events and fines lists show it: when, what, and any appeal.
  const eventLine = (e: { date: string; event_id: string; type: string } & AppealColumns) => ({
    date: e.date,
    eventId: e.event_id,
    typeLabel: typeLabel.get(e.type) ?? e.type,
    ...appealOf(e),
  });

  // Each published ranking's scores per period, read once; its distribution is worked out, and
  // its peers' layer drawn, on the first page that needs it.
  const rankingLabel = new Map(config.rankings.filter((r) => publishesRanking(config, r)).map((r) => [r.id, localize(r.label, locale)]));
  const peerScores = new Map((await queryRows<{ ranking_id: string; period_id: string; scores: number[] }>(db, 'site_peer_scores')).map((r) => [`${r.ranking_id}__${r.period_id}`, r]));
  const distributions = new Map<string, PeerDistribution>();
  const standing = peerDrawings(publicDir, locale, config.decimals);
  const peersOf = (history: ScoreHistory) => (rankingId: string, periodId: string, score: number) => {
    const key = `${rankingId}__${periodId}`;
    const label = rankingLabel.get(rankingId);
    const row = peerScores.get(key);
    if (label === undefined || row === undefined) return null;
    let distribution = distributions.get(key);
    if (!distribution) distributions.set(key, (distribution = peerDistribution(row.scores)));
    const of = { rankingId, rankingLabel: label, periodId, periodLabel: periodById.get(periodId)!.label, scoreId: history.scoreId, scoreLabel: history.scoreLabel, unit: history.unit };
    return standing(of, distribution, score);
  };

  const files = new FileWriter();
  const [{ list_rows } = { list_rows: 0 }] = await queryRows<{ list_rows: number }>(db, 'site_page_list_rows', { listed: listedPostings });
  const batches = Math.max(1, Math.ceil(Number(list_rows) / LISTED_ROWS_PER_BATCH));
  await runSqlFile(db, 'site_posting_rows');
  await runSqlFile(db, 'site_entity_standings');
  for (let batch = 0; batch < batches; batch++) {
    await runSqlFile(db, 'site_entity_pages', { batch, batches, listed: listedPostings });
    for await (const chunk of streamJsonRows<EntityPageRow>(db, 'site_entity_pages_rows')) {
      for (const row of chunk) {
        const isUnit = row.entity_kind === 'unit';
        if (!isUnit && !staffPages) continue;
        const scored = histories(row);
        // The same order as the SQL numbered them in, down to a total order (site_posting_rows.sql).
        const postings = sortBy(
          row.postings,
          (p) => newestFirst(p.date),
          (p) => p.source_id,
          (p) => p.role,
          (p) => p.source_table,
          (p) => p.rule_id,
          (p) => p.via_kind ?? '',
          (p) => p.via_id ?? '',
          (p) => p.points,
        ).map(postingOf);
        const unlisted = sortBy(row.unlisted, (u) => u.score_id).map((u) => ({ scoreId: u.score_id, count: u.count }));
        const page: EntityPage = {
          entity: entityRef(row.entity_kind, row.entity_id, row.name),
          levelLabel: isUnit ? (levelLabel.get(row.subject) ?? row.subject) : '',
          role: row.role,
          ...(row.employee_no ? { employeeNo: row.employee_no } : {}),
          parent: row.parent_unit_id ? placeRef(row.parent_unit_id, row.parent_name ?? row.parent_unit_id, above) : null,
          ancestors: sortBy(row.ancestors, (a) => -a.distance).map((a) => entityRef('unit', a.id, a.name)),
          head: row.head_staff_id ? entityRef('staff', row.head_staff_id, row.head_name ?? row.head_staff_id) : null,
          children: sortBy(row.children, (c) => c.id).map((c) => ({ ...entityRef('unit', c.id, c.name), levelLabel: levelLabel.get(c.level) ?? c.level })),
          members: sortBy(row.members, (m) => m.id).map((m) => entityRef('staff', m.id, m.name)),
          histories: scored.map((s) => s.history),
          summaries: scored.flatMap(({ history, standings }) => scoreSummary(history, standings, peersOf(history)) ?? []),
          postings,
          unlistedPostings: unlisted,
          postingsDownload: unlisted.length > 0 ? ['exports', ...postingsDownloadFile(row.entity_kind, row.entity_id).map(encodeURIComponent)].join('/') : null,
          ignoredEvents: newestEventsFirst(row.ignored).map((e) => ({ ...eventLine(e), status: e.status, source: e.source })),
          ...(hasFines
            ? {
                fines: {
                  lines: newestEventsFirst(row.fines).map((f) => ({
                    ...eventLine(f),
                    rule: f.rule,
                    points: f.points,
                    rate: f.rate,
                    multiplier: f.multiplier,
                    amount: f.amount,
                  })),
                  totals: sortBy(row.fine_totals.filter((t) => periodById.has(t.period_id)), (t) => t.ord).map((t) => ({
                    periodId: t.period_id,
                    periodLabel: periodById.get(t.period_id)!.label,
                    events: t.events,
                    amount: t.amount,
                  })),
                },
              }
            : {}),
          phases,
          heatmaps: isUnit ? heatmaps(row) : [],
        };
        const file = `${isUnit ? 'units' : 'staff'}/${row.entity_id}.json`;
        await files.writeJson(path.join(modelDir, file), checkedModel(file, page));
        (isUnit ? ids.units : ids.staff).push(row.entity_id);
        // A unit is placed by the units above it, a person by their own unit and those above it.
        const unitPath = isUnit ? (above.get(row.entity_id) ?? []) : page.parent ? [page.parent.name, ...(page.parent.above ?? [])] : [];
        directory.push({ entity: page.entity, kindLabel: isUnit ? page.levelLabel : staffLabel, unitPath });
      }
    }
    // The CSV of every page that leaves postings out: its rows arrive entity after entity.
    let entity: { kind: 'unit' | 'staff'; id: string; postings: Posting[] } | undefined;
    const writeEntityCsv = () => entity && writePostingsCsv(entity, entity.postings);
    await runSqlFile(db, 'site_entity_postings', { batch, batches, listed: listedPostings });
    for await (const chunk of streamJsonRows<PostingRow & { entity_kind: 'unit' | 'staff'; entity_id: string }>(db, 'site_entity_postings_rows')) {
      for (const row of chunk) {
        if (row.entity_kind === 'staff' && !staffPages) continue;
        if (entity?.kind !== row.entity_kind || entity.id !== row.entity_id) {
          writeEntityCsv();
          entity = { kind: row.entity_kind, id: row.entity_id, postings: [] };
        }
        entity.postings.push(postingOf(row));
      }
    }
    writeEntityCsv();
  }
  await files.writeJson(path.join(modelDir, 'entities.json'), checkedModel('entities.json', sortBy(directory, (d) => d.entity.kind, (d) => d.entity.id)));
  await files.flush();
  // The table has no order; the ID lists the pages are built from must.
  ids.units.sort();
  ids.staff.sort();
  return ids;
}
