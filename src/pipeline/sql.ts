/**
 * Runs the SQL files of sql/ and of the rule kinds' folders (src/rules/<kind>/). SQL stays in .sql
 * files, found by name in whichever folder holds them (sql/README.md); values go in as named
 * parameters ($name), never glued into the text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const SQL_DIR = path.join(PROJECT_DIR, 'sql');
/** A rule kind keeps the SQL that only it reads or makes in its own folder, beside its code. */
export const RULES_DIR = path.join(PROJECT_DIR, 'src', 'rules');
/** Every folder SQL files are found in; a name is unique across all of them. */
export const SQL_FOLDERS: readonly string[] = [SQL_DIR, RULES_DIR];

export type SqlParams = Record<string, DuckDBValue>;

/** A .sql file by its name: the name is unique across the folders, so callers need not know the folder. */
interface SqlFile {
  name: string;
  /** As messages show it, relative to the repository: sql/marts/fct_standings.sql, src/rules/signoff/check_signoffs.sql. */
  label: string;
  text: string;
}

let index: Map<string, string> | undefined;

/** Every .sql file under the folders, at any depth, by name; a name used twice is refused. */
export function sqlFilesIn(...dirs: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of dirs) {
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.sql')) continue;
      const name = entry.name.slice(0, -'.sql'.length);
      const file = path.join(entry.parentPath, entry.name);
      const earlier = found.get(name);
      if (earlier) throw new Error(`${sqlLabel(earlier, dir)} and ${sqlLabel(file, dir)}: two SQL files named ${name}.sql; names must be unique across sql/ and src/rules/`);
      found.set(name, file);
    }
  }
  return found;
}

/**
 * A SQL file's path as messages show it: from the repository (sql/marts/fct_standings.sql,
 * src/rules/signoff/check_signoffs.sql), or for a folder elsewhere from the folder's parent.
 */
export function sqlLabel(file: string, dir: string): string {
  const inProject = !path.relative(PROJECT_DIR, file).startsWith('..');
  return path.relative(inProject ? PROJECT_DIR : path.dirname(dir), file).split(path.sep).join('/');
}

const files = new Map<string, SqlFile>();

function sqlFile(name: string): SqlFile {
  let file = files.get(name);
  if (file === undefined) {
    index ??= sqlFilesIn(...SQL_FOLDERS);
    const filePath = index.get(name);
    if (filePath === undefined) throw new Error(`${name}.sql: no such file in any folder of sql/ or src/rules/`);
    file = { name, label: sqlLabel(filePath, SQL_DIR), text: readFileSync(filePath, 'utf8') };
    files.set(name, file);
  }
  return file;
}

/** Runs every statement of <name>.sql, binding the parameters each statement uses. */
export async function runSqlFile(db: DuckDBConnection, name: string, params: SqlParams = {}): Promise<void> {
  const { label, text } = sqlFile(name);
  await runStatements(db, text, label, params);
}

/** Runs every statement of a text, binding the parameters each uses; errors name `label`. */
export async function runStatements(db: DuckDBConnection, text: string, label: string, params: SqlParams = {}): Promise<void> {
  const statements = await db.extractStatements(text).catch((error: unknown) => rethrow(error, label));
  for (let i = 0; i < statements.count; i++) {
    const prepared = await statements.prepare(i).catch((error: unknown) => rethrow(error, label));
    bindUsed(prepared, params, label);
    const started = profileStart();
    await prepared.run().catch((error: unknown) => rethrow(error, label));
    profiled(label, started);
  }
}

/**
 * PODIUM_PROFILE=1 prints each SQL statement's wall time and the CPU time the process spent in it
 * (DuckDB's threads included) to stderr as it ends (`sql <wall> ms <cpu> ms-cpu <file>`): which
 * model or check a slow stage spends its time in, without a profiler. The CPU time is the figure
 * to compare on a machine shared with other work, where the wall time mostly measures the wait.
 */
const PROFILE = process.env.PODIUM_PROFILE === '1';

interface ProfileStart {
  wall: number;
  cpu: NodeJS.CpuUsage;
}

const profileStart = (): ProfileStart | undefined => (PROFILE ? { wall: performance.now(), cpu: process.cpuUsage() } : undefined);

const cpuMicros = (usage: NodeJS.CpuUsage) => usage.user + usage.system;

/** `excluded`: time within the span that was not the statement's (a stream's caller between chunks), in ms and µs of CPU. */
function profiled(label: string, started: ProfileStart | undefined, excluded = { wall: 0, cpu: 0 }): void {
  if (started === undefined) return;
  const ms = (value: number) => Math.round(value).toString().padStart(6);
  const cpu = cpuMicros(process.cpuUsage(started.cpu)) - excluded.cpu;
  process.stderr.write(`sql ${ms(performance.now() - started.wall - excluded.wall)} ms ${ms(cpu / 1000)} ms-cpu ${label}\n`);
}

/** Runs the single query in <name>.sql and returns its rows as plain JS objects. */
export async function queryRows<T>(db: DuckDBConnection, name: string, params: SqlParams = {}): Promise<T[]> {
  const { label, text } = sqlFile(name);
  return queryText<T>(db, text, label, params);
}

/** Runs one query and returns its rows as plain JS objects; errors name `label`. */
export async function queryText<T>(db: DuckDBConnection, text: string, label: string, params: SqlParams = {}): Promise<T[]> {
  const prepared = await db.prepare(text).catch((error: unknown) => rethrow(error, label));
  bindUsed(prepared, params, label);
  const started = profileStart();
  const reader = await prepared.runAndReadAll().catch((error: unknown) => rethrow(error, label));
  const rows = reader.getRowObjectsJS() as T[];
  profiled(label, started);
  return rows;
}

/** Streams the rows of the query in <name>.sql chunk by chunk, so large results never sit in memory whole. */
export async function* streamRows<T>(db: DuckDBConnection, name: string, params: SqlParams = {}): AsyncGenerator<T[]> {
  const { label, text } = sqlFile(name);
  const started = profileStart();
  const result = await db.stream(text, params).catch((error: unknown) => rethrow(error, label));
  // Profiled as the time DuckDB and the conversion of its rows take, without the caller's time between chunks.
  let callers = { wall: 0, cpu: 0 };
  for await (const rows of result.yieldRowObjectJs()) {
    const handedOver = profileStart();
    yield rows as T[];
    if (handedOver) callers = { wall: callers.wall + performance.now() - handedOver.wall, cpu: callers.cpu + cpuMicros(process.cpuUsage(handedOver.cpu)) };
  }
  profiled(`${label} (streamed)`, started, callers);
}

/**
 * Streams the query in <name>.sql whose one column, `json`, is each row as JSON (to_json of the
 * row), parsed: DuckDB writes the JSON on every core and one JSON.parse reads a row, far faster
 * than converting a row of nested or many values one value at a time.
 */
export async function* streamJsonRows<T>(db: DuckDBConnection, name: string, params: SqlParams = {}): AsyncGenerator<T[]> {
  for await (const chunk of streamRows<{ json: string }>(db, name, params)) yield chunk.map(({ json }) => JSON.parse(json) as T);
}

/** How many rows the query in sql/…/<name>.sql returns, counted by DuckDB without handing them over. */
export async function countRows(db: DuckDBConnection, name: string, params: SqlParams = {}): Promise<number> {
  const { label, text } = sqlFile(name);
  const [counted] = await queryText<{ rows: bigint }>(db, `SELECT count(*) AS rows FROM (${queryBody(text)})`, label, params);
  return Number(counted?.rows ?? 0);
}

/** A file's one query without its final semicolon, to be placed inside another statement. */
const queryBody = (text: string): string => text.trim().replace(/;$/, '');

/**
 * Writes the rows of the query in <name>.sql to a Parquet file with DuckDB's own writer:
 * typed columns, zstd-compressed, in the query's order (so the bytes repeat for the same rows).
 * Straight into `file`, not through a temporary file beside it: `file` is the only path the
 * database may still write (scoreCompetition).
 */
export async function copyToParquet(db: DuckDBConnection, name: string, file: string, params: SqlParams = {}): Promise<void> {
  const { label, text } = sqlFile(name);
  await runStatements(db, `COPY (${queryBody(text)}) TO '${file.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd, USE_TMP_FILE false)`, label, params);
}

/** A failing model is a bug in Podium or in a config expression: say which file. */
function rethrow(error: unknown, label: string): never {
  throw new Error(`${label}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

type Prepared = Awaited<ReturnType<DuckDBConnection['prepare']>>;

function bindUsed(prepared: Prepared, params: SqlParams, label: string): void {
  const values: SqlParams = {};
  for (let i = 1; i <= prepared.parameterCount; i++) {
    const key = prepared.parameterName(i);
    if (!(key in params)) throw new Error(`${label} needs parameter $${key}`);
    values[key] = params[key] as DuckDBValue;
  }
  if (prepared.parameterCount > 0) prepared.bind(values);
}
