/**
 * What changed since the last published build. Every site carries `exports/data-manifest.json`:
 * each notice's result and the periods shown; and beside it two Parquet files:
 * `exports/data-manifest-rows.parquet`, per table each row's ID with a hash of its content, its
 * date and its subject; and `exports/data-manifest-values.parquet`, per score and ranking each
 * entity's score and rank. The next build reads the manifest of the site it is about to replace
 * and compares: rows added, changed and removed by ID, entities whose score or rank moved, and
 * notices whose published result moved (they need a correction, 更正).
 *
 * Rows and values are Parquet, written and compared by DuckDB, because they grow with the data: at
 * 10 million events the rows' JSON would be over 600 MB, past the longest string JavaScript can
 * hold, and at 42,000 entities the values are over a million, which held as JavaScript values took
 * a rebuild's heap to 2 GB. The JSON names each file's SHA-256, so a file that is not the one
 * written with it is not trusted.
 *
 * The manifest is public like the rest of the site, so it holds only what the edition's pages show:
 * IDs, dates and subjects, hashes instead of values, and the scores and ranks of what is published.
 * In a public build the hash leaves out internal columns and what config.public withholds (a full
 * name behind 张*三, an event's description), since a reader could confirm a guess of them against
 * it; and where people have no pages, their rows, scores and ranks are not in it at all: a row's
 * hash over a handful of types, points and statuses is guessed in seconds.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import type { Competition } from '../config/read.ts';
import type { CompetitionConfig, TableName } from '../config/schema.ts';
import { masksPerson, publishesRanking, publishesStaffPages, redaction, withholds } from '../config/public-edition.ts';
import { entityRef, noticePath, type DataChanges, type EntityRef, type NoticeDraft, type PeriodInfo, type RankingInfo, type RowChange } from '../site/model.ts';
import { copyToParquet, queryRows, runSqlFile, runStatements } from './sql.ts';
import { TABLES } from '../config/tables.ts';

export const DATA_MANIFEST_FILE = 'data-manifest.json';
export const DATA_MANIFEST_ROWS_FILE = 'data-manifest-rows.parquet';
export const DATA_MANIFEST_VALUES_FILE = 'data-manifest-values.parquet';

/** An entity as `unit:U01` or `staff:S001`. */
const EntityKey = z.string().regex(/^(unit|staff):/);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const NoticeResultRow = z.tuple([z.number().int(), EntityKey, z.number().nullable(), z.number().nullable(), z.number().nullable()]);

export const DataManifest = z.strictObject({
  generator: z.literal('podium-data'),
  format: z.literal(3),
  competition: z.string(),
  asOf: z.string(),
  /** The SHA-256 of the rows file beside it (DATA_MANIFEST_ROWS_FILE). */
  rowsSha256: Sha256,
  /** The SHA-256 of the values file beside it (DATA_MANIFEST_VALUES_FILE). */
  valuesSha256: Sha256,
  periods: z.array(z.string()),
  /** Each notice's result: [section index, entity, rank, score, amount]. */
  notices: z.array(z.strictObject({ id: z.string(), periodId: z.string(), start: z.string(), end: z.string(), rows: z.array(NoticeResultRow) })),
});
export type DataManifest = z.infer<typeof DataManifest>;

/** The manifest of the site a build replaces, and where its rows and values files are. */
export interface PreviousManifest {
  manifest: DataManifest;
  rowsFile: string;
  valuesFile: string;
}

/** A row added, changed or removed since the previous build, as sql/manifest/manifest_row_changes.sql finds it. */
export interface ManifestRowChange {
  table_name: string;
  id: string;
  change: 'added' | 'changed' | 'removed';
  date: string | null;
  subject: string | null;
}

/** A score or rank that moved, as sql/manifest/manifest_value_changes.sql finds it. */
export interface ManifestValueChange {
  what: 'score' | 'rank';
  /** The score's or ranking's ID. */
  of: string;
  period_id: string;
  entity: string;
  before: number | null;
  after: number | null;
}

/** The scores and ranks that moved: those of the first entities listed, and how many entities moved in all. */
export interface ManifestValueChanges {
  entityCount: number;
  moved: ManifestValueChange[];
}

/**
 * The manifest's files the database reads or writes after scoring, when it may touch no other
 * (score.ts): this build's, and those of the site at `outDir` it replaces.
 */
export const manifestDatabaseFiles = (exportsDir: string, outDir: string): string[] =>
  [DATA_MANIFEST_ROWS_FILE, DATA_MANIFEST_VALUES_FILE].flatMap((name) => [path.join(exportsDir, name), publishedFile(outDir, name)]);

/** A file of `exports/` of the site at `outDir`, as one absolute path wherever it is named. */
const publishedFile = (outDir: string, name: string) => path.join(path.resolve(outDir), 'exports', name);

const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * The manifest of the data a build has just scored and exported; its rows file is written into
 * `exportsDir` (a path the database may write, build.ts).
 */
export async function dataManifest(db: DuckDBConnection, competition: Competition, asOf: string, periods: PeriodInfo[], notices: NoticeDraft[], exportsDir: string): Promise<DataManifest> {
  const { config } = competition;
  const staffPages = publishesStaffPages(config);
  const publishedRankings = new Set(config.rankings.filter((r) => publishesRanking(config, r)).map((r) => r.id));
  const staffScoresShown = staffPages || config.rankings.some((r) => r.subject === 'staff' && publishedRankings.has(r.id));
  await runStatements(db, manifestRowsSql(config, staffPages), 'the data manifest\'s rows generated from src/config/tables.ts');
  const rowsFile = path.join(exportsDir, DATA_MANIFEST_ROWS_FILE);
  await copyToParquet(db, 'manifest_rows_file', rowsFile);
  await runSqlFile(db, 'manifest_values', { staff_scores_shown: staffScoresShown, published_rankings: JSON.stringify([...publishedRankings]) });
  const valuesFile = path.join(exportsDir, DATA_MANIFEST_VALUES_FILE);
  await copyToParquet(db, 'manifest_values_file', valuesFile);
  const key = (e: EntityRef) => `${e.kind}:${e.id}`;
  return {
    generator: 'podium-data',
    format: 3,
    competition: competition.config.id,
    asOf,
    rowsSha256: sha256Of(rowsFile),
    valuesSha256: sha256Of(valuesFile),
    periods: periods.map((p) => p.id),
    notices: notices.map((n) => ({
      id: n.id,
      periodId: n.period.id,
      start: n.period.start,
      end: n.period.end,
      rows: n.sections.flatMap((section, i) => section.rows.map((r) => [i, key(r.entity), r.rank, r.score, r.amount] as z.infer<typeof NoticeResultRow>)),
    })),
  };
}

/**
 * `manifest_rows`: every row of every table the competition has, as [table, id, hash, date,
 * subject], leaving out rows about people where the edition has no staff pages. Column names come
 * from TABLES, never from the data, so they may be placed in the SQL. Rows are hashed as DuckDB
 * holds them raw (the text the clerk wrote), so any edit to a cell shows, over the `hashed`
 * values (hashedValues).
 */
function manifestRowsSql(config: CompetitionConfig, staffPages: boolean): string {
  const selects = (Object.keys(TABLES) as TableName[])
    .filter((table) => config.tables[table] !== undefined)
    .map((table) => {
      const spec = TABLES[table];
      const attributes = table === 'units' || table === 'staff' ? ['to_json(attributes)::VARCHAR'] : [];
      const names = spec.columns.map((c) => c.name);
      const date = names.includes('date') ? '"date"' : 'NULL';
      const subject =
        table === 'units' ? `'unit:' || unit_id`
        : table === 'staff' ? `'staff:' || staff_id`
        : names.includes('staff_id') ? `CASE WHEN coalesce(staff_id, '') <> '' THEN 'staff:' || staff_id WHEN coalesce(unit_id, '') <> '' THEN 'unit:' || unit_id END`
        : names.includes('unit_id') ? `CASE WHEN coalesce(unit_id, '') <> '' THEN 'unit:' || unit_id END`
        : 'NULL';
      return `SELECT '${table}' AS table_name, "${spec.idColumn}"::VARCHAR AS id, left(sha256(json_array(${[...hashedValues(config, table), ...attributes].join(', ')})::VARCHAR), 16) AS hash,
        ${date}::VARCHAR AS "date", (${subject})::VARCHAR AS subject FROM raw_${table} r`;
    });
  return `CREATE OR REPLACE TABLE manifest_rows AS SELECT * FROM (${selects.join('\nUNION ALL ')})${staffPages ? '' : "\nWHERE subject IS NULL OR NOT starts_with(subject, 'staff:')"}`;
}

/**
 * The rows added, changed and removed since `previous`, compared in DuckDB: its rows file is read
 * into `previous_manifest_rows` (a path the database may read, build.ts). A rows file DuckDB cannot
 * read is noted and compared with nothing.
 */
export async function manifestRowChanges(db: DuckDBConnection, previous: PreviousManifest | null, log: (note: string) => void): Promise<ManifestRowChange[]> {
  if (previous === null || !(await readPrevious(db, 'previous_manifest_rows', previous.rowsFile, 'rows', log))) return [];
  return queryRows<ManifestRowChange>(db, 'manifest_row_changes');
}

/**
 * Reads a file of the previous site's manifest into a table by the model `name`; false, with a
 * note, when DuckDB cannot read it, and then no `what` are listed as changed.
 */
async function readPrevious(db: DuckDBConnection, name: string, file: string, what: string, log: (note: string) => void): Promise<boolean> {
  try {
    await runSqlFile(db, name, { file });
    return true;
  } catch (error) {
    log(`${file} could not be read (${error instanceof Error ? error.message.split('\n')[0] : String(error)}): no ${what} are listed as changed`);
    return false;
  }
}

/**
 * The scores and ranks that moved since `previous`, compared in DuckDB with its values file (read
 * into `previous_manifest_values`), in the periods both builds show: those of the first `listed`
 * entities (Infinity: all). A values file DuckDB cannot read is noted and compared with nothing.
 */
export async function manifestValueChanges(db: DuckDBConnection, previous: PreviousManifest | null, currentPeriods: string[], listed: number, log: (note: string) => void): Promise<ManifestValueChanges> {
  if (previous === null || !(await readPrevious(db, 'previous_manifest_values', previous.valuesFile, 'scores or ranks', log))) return { entityCount: 0, moved: [] };
  const rows = await queryRows<ManifestValueChange & { entity_count: bigint }>(db, 'manifest_value_changes', {
    previous_periods: JSON.stringify(previous.manifest.periods),
    current_periods: JSON.stringify(currentPeriods),
    entities_listed: listed,
  });
  return { entityCount: Number(rows[0]?.entity_count ?? 0), moved: rows.map(({ entity_count: _, ...change }) => change) };
}

/** Drops the manifest's tables once this build's files are written and the changes read (manifestRowChanges, manifestValueChanges). */
export async function dropManifestTables(db: DuckDBConnection): Promise<void> {
  await runSqlFile(db, 'drop_manifest_tables');
}

/**
 * What a row's hash covers, as SQL over raw_<table> r: the text a reader of this edition sees, by
 * the column spec. A masked person's name is taken as staged (src/pipeline/table-sql.ts), so that
 * a new name still shows as a change; its English form is staged in the name's place, so it is
 * covered there. The columns the edition withholds are left out.
 */
function hashedValues(config: CompetitionConfig, table: TableName): string[] {
  const { columns, idColumn } = TABLES[table];
  const edition = redaction(config);
  return columns
    .filter((c) => !withholds(edition, c) && !(masksPerson(edition, c) && c.translates !== undefined))
    .map((c) => (masksPerson(edition, c) ? `(SELECT s."${c.name}" FROM stg_${table} s WHERE s."${idColumn}" = r."${idColumn}")` : `r."${c.name}"`));
}

/**
 * A file of `exports/` of the site at `outDir`, parsed with `schema`: null when there is none (a
 * first build); one that does not parse is reported (`what` it should have been, and the
 * `consequence`) and ignored, since the folder is not trusted to be what Podium last wrote.
 */
export function publishedExport<T>(outDir: string, name: string, schema: z.ZodType<T>, what: string, consequence: string, log: (note: string) => void): { file: string; data: T } | null {
  const file = publishedFile(outDir, name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    log(`${file} is not ${what} this Podium wrote: ${consequence}`);
    return null;
  }
  return { file, data: parsed.data };
}

/**
 * The manifest of the site at `outDir`: null when there is none, when it is not this
 * competition's, or when its rows or values file is missing or not the one written with it.
 */
export function previousManifest(outDir: string, competitionId: string, log: (note: string) => void): PreviousManifest | null {
  const found = publishedExport(outDir, DATA_MANIFEST_FILE, DataManifest, 'a data manifest', '"what changed" compares with nothing', log);
  if (found === null) return null;
  if (found.data.competition !== competitionId) {
    log(`${found.file} belongs to competition "${found.data.competition}": "what changed" compares with nothing`);
    return null;
  }
  const rowsFile = publishedFile(outDir, DATA_MANIFEST_ROWS_FILE);
  const valuesFile = publishedFile(outDir, DATA_MANIFEST_VALUES_FILE);
  const files = [[rowsFile, found.data.rowsSha256, 'rows'], [valuesFile, found.data.valuesSha256, 'values']] as const;
  for (const [file, sha256, what] of files) {
    let actual: string | null;
    try {
      actual = sha256Of(file);
    } catch {
      actual = null;
    }
    if (actual !== sha256) {
      log(`${file} is ${actual === null ? 'missing' : `not the ${what} file written with the manifest beside it`}: "what changed" compares with nothing`);
      return null;
    }
  }
  return { manifest: found.data, rowsFile, valuesFile };
}

export interface DiffContext {
  periods: PeriodInfo[];
  rankings: RankingInfo[];
  scoreLabels: Map<string, string>;
  /** Current entities by key, with names and pages. */
  entities: Map<string, EntityRef>;
  notices: NoticeDraft[];
}

/**
 * Compares two manifests; `previous` null means a first build, where nothing is listed.
 * `rowChanges`: the rows that differ, by table and ID (manifestRowChanges); `valueChanges`: the
 * scores and ranks that moved (manifestValueChanges).
 */
export function compareManifests(previous: DataManifest | null, current: DataManifest, rowChanges: ManifestRowChange[], valueChanges: ManifestValueChanges, context: DiffContext): DataChanges {
  if (previous === null) return { previousAsOf: null, tables: [], newPeriods: [], entityCount: 0, entities: [], notices: [] };
  const periodLabel = (id: string) => context.periods.find((p) => p.id === id)?.label ?? id;
  const entity = (key: string): { key: string; ref: EntityRef | null } => ({ key, ref: context.entities.get(key) ?? null });

  // In the order the query gives: by table, then by ID as DuckDB orders them.
  const byTable = new Map<string, ManifestRowChange[]>();
  for (const row of rowChanges) {
    const rows = byTable.get(row.table_name) ?? [];
    rows.push(row);
    byTable.set(row.table_name, rows);
  }
  const tables = [...byTable].map(([table, rows]) => {
    const listed = (change: ManifestRowChange['change']): RowChange[] =>
      rows.filter((r) => r.change === change).map((r) => ({ id: r.id, date: r.date, entity: r.subject === null ? null : entity(r.subject) }));
    const [added, changed, removed] = [listed('added'), listed('changed'), listed('removed')];
    return { table, counts: { added: added.length, changed: changed.length, removed: removed.length }, added, changed, removed };
  });

  // Scores of a period the last build did not show are new, not changed: listed as a new period.
  const oldPeriods = new Set(previous.periods);
  const newPeriods = current.periods.filter((p) => !oldPeriods.has(p)).map((id) => ({ id, label: periodLabel(id) }));
  // In the order the query gives: by entity, then scores before ranks.
  const byEntity = new Map<string, DataChanges['entities'][number]>();
  const label = (change: ManifestValueChange) =>
    change.what === 'score' ? (context.scoreLabels.get(change.of) ?? change.of) : (context.rankings.find((r) => r.id === change.of)?.label ?? change.of);
  for (const change of valueChanges.moved) {
    const line = byEntity.get(change.entity) ?? { entity: entity(change.entity), changes: [] };
    line.changes.push({ what: change.what, label: label(change), periodId: change.period_id, periodLabel: periodLabel(change.period_id), before: change.before, after: change.after });
    byEntity.set(change.entity, line);
  }
  const entities = [...byEntity.values()];

  const changedRows = tables.flatMap((t) => [...t.added, ...t.changed, ...t.removed].map((row) => ({ table: t.table, ...row })));
  const notices = current.notices.flatMap((notice): DataChanges['notices'] => {
    const published = previous.notices.find((n) => n.id === notice.id);
    const page = context.notices.find((n) => n.id === notice.id)!;
    if (published === undefined) return [{ id: notice.id, title: page.title, path: noticePath(notice.id), corrected: false, rows: [], causes: [], causeCount: 0 }];
    const rowKey = (r: z.infer<typeof NoticeResultRow>) => `${r[0]}\u0000${r[1]}`;
    const old = new Map(published.rows.map((r) => [rowKey(r), r]));
    const now = new Map(notice.rows.map((r) => [rowKey(r), r]));
    const moved = [...new Set([...old.keys(), ...now.keys()])].flatMap((key) => {
      const was = old.get(key);
      const is = now.get(key);
      if (was && is && was[2] === is[2] && was[3] === is[3] && was[4] === is[4]) return [];
      const [section, entityKey] = (is ?? was)!;
      const result = (r: typeof was) => (r ? { rank: r[2], score: r[3], amount: r[4] } : null);
      return [{ section: page.sections[section]?.label ?? String(section), entity: entity(entityKey), before: result(was), after: result(is) }];
    });
    if (moved.length === 0) return [];
    const movedEntities = new Set(moved.map((m) => m.entity.key));
    // The records that can have moved it: dated inside its period, or about an entity it lists.
    const causes = changedRows.filter((r) => (r.date !== null && notice.start <= r.date && r.date <= notice.end) || (r.entity !== null && movedEntities.has(r.entity.key)));
    return [{ id: notice.id, title: page.title, path: noticePath(notice.id), corrected: true, rows: moved, causes, causeCount: causes.length }];
  });
  const withdrawn = previous.notices
    .filter((n) => !current.notices.some((c) => c.id === n.id))
    .map((n) => ({ id: n.id, title: n.id, path: null, corrected: true, rows: [], causes: [], causeCount: 0 }));
  return { previousAsOf: previous.asOf, tables, newPeriods, entityCount: valueChanges.entityCount, entities, notices: [...notices, ...withdrawn] };
}

/**
 * The most rows the "What changed" page lists per list (each table's added, changed and removed
 * rows, the entities whose score moved, a notice's causes): a month of new events at bench size
 * is 170,000 added rows and every entity's year score, which no one reads down and no phone
 * loads. The counts stay whole and the page says how many are left out; the build log and
 * `podium diff --format json` have them all.
 */
export const CHANGES_LISTED = 50;

/** The changes as the page lists them: each list cut to its first `limit`, the counts whole. */
export function listedChanges(changes: DataChanges, limit = CHANGES_LISTED): DataChanges {
  return {
    ...changes,
    tables: changes.tables.map((t) => ({ ...t, added: t.added.slice(0, limit), changed: t.changed.slice(0, limit), removed: t.removed.slice(0, limit) })),
    entities: changes.entities.slice(0, limit),
    notices: changes.notices.map((n) => ({ ...n, causes: n.causes.slice(0, limit) })),
  };
}

/** The build log's account of the changes, a line each. */
export function describeChanges(changes: DataChanges): string[] {
  if (changes.previousAsOf === null) return ['what changed: no earlier build published here to compare with'];
  const lines = [`what changed since the build of data as of ${changes.previousAsOf}:`];
  // The lists may be cut (listedChanges); the counts are whole.
  const firstTen = (items: string[], count: number) => {
    const shown = items.slice(0, 10);
    return shown.join(', ') + (count > shown.length ? ` and ${count - shown.length} more` : '');
  };
  for (const t of changes.tables) {
    for (const [what, rows] of [['added', t.added], ['changed', t.changed], ['removed', t.removed]] as const) {
      if (t.counts[what] > 0) lines.push(`  ${t.table}: ${t.counts[what]} ${what} (${firstTen(rows.map((r) => r.id), t.counts[what])})`);
    }
  }
  if (changes.newPeriods.length > 0) lines.push(`  new periods: ${changes.newPeriods.map((p) => p.id).join(', ')}`);
  if (changes.entityCount > 0) lines.push(`  ${changes.entityCount} entities' scores or ranks changed`);
  for (const notice of changes.notices) {
    lines.push(
      notice.corrected
        ? `  notice ${notice.id}: its published result changed (${notice.rows.length} entr${notice.rows.length === 1 ? 'y' : 'ies'}): published as a correction (更正), the earlier version kept at its own address${notice.causeCount > 0 ? `; records behind it: ${firstTen(notice.causes.map((c) => `${c.table} ${c.id}`), notice.causeCount)}` : ''}`
        : `  notice ${notice.id}: newly published`,
    );
  }
  if (lines.length === 1) lines.push('  nothing');
  return lines;
}

export const entityKeyRef = (kind: 'unit' | 'staff', id: string, name: string): [string, EntityRef] => [`${kind}:${id}`, entityRef(kind, id, name)];
