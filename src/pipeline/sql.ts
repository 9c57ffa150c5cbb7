/**
 * Runs the SQL files in sql/. SQL stays in .sql files, found by name in whichever layer folder
 * holds them (sql/README.md); values go in as named parameters ($name), never glued into the text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

export const SQL_DIR = fileURLToPath(new URL('../../sql/', import.meta.url));

export type SqlParams = Record<string, DuckDBValue>;

/** A .sql file by its name: the name is unique across the layer folders, so callers need not know the folder. */
interface SqlFile {
  name: string;
  /** As messages show it, relative to the repository: sql/marts/fct_standings.sql. */
  label: string;
  text: string;
}

let index: Map<string, string> | undefined;

/** Every .sql file under a folder by name, one level of layer folders deep; a name used twice is refused. */
export function sqlFilesIn(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.sql')) continue;
    const name = entry.name.slice(0, -'.sql'.length);
    const file = path.join(entry.parentPath, entry.name);
    const earlier = found.get(name);
    if (earlier) throw new Error(`${earlier} and ${file}: two SQL files named ${name}.sql; names must be unique across sql/`);
    found.set(name, file);
  }
  return found;
}

const files = new Map<string, SqlFile>();

function sqlFile(name: string): SqlFile {
  let file = files.get(name);
  if (file === undefined) {
    index ??= sqlFilesIn(SQL_DIR);
    const filePath = index.get(name);
    if (filePath === undefined) throw new Error(`sql/${name}.sql: no such file in any folder of sql/`);
    file = { name, label: `sql/${path.relative(SQL_DIR, filePath).split(path.sep).join('/')}`, text: readFileSync(filePath, 'utf8') };
    files.set(name, file);
  }
  return file;
}

/** Runs every statement of sql/…/<name>.sql, binding the parameters each statement uses. */
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
    await prepared.run().catch((error: unknown) => rethrow(error, label));
  }
}

/** Runs the single query in sql/…/<name>.sql and returns its rows as plain JS objects. */
export async function queryRows<T>(db: DuckDBConnection, name: string, params: SqlParams = {}): Promise<T[]> {
  const { label, text } = sqlFile(name);
  return queryText<T>(db, text, label, params);
}

/** Runs one query and returns its rows as plain JS objects; errors name `label`. */
export async function queryText<T>(db: DuckDBConnection, text: string, label: string, params: SqlParams = {}): Promise<T[]> {
  const prepared = await db.prepare(text).catch((error: unknown) => rethrow(error, label));
  bindUsed(prepared, params, label);
  const reader = await prepared.runAndReadAll().catch((error: unknown) => rethrow(error, label));
  return reader.getRowObjectsJS() as T[];
}

/** Streams the rows of the query in sql/…/<name>.sql chunk by chunk, so large results never sit in memory whole. */
export async function* streamRows<T>(db: DuckDBConnection, name: string, params: SqlParams = {}): AsyncGenerator<T[]> {
  const { label, text } = sqlFile(name);
  const result = await db.stream(text, params).catch((error: unknown) => rethrow(error, label));
  for await (const rows of result.yieldRowObjectJs()) yield rows as T[];
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
 * Writes the rows of the query in sql/…/<name>.sql to a Parquet file with DuckDB's own writer:
 * typed columns, zstd-compressed, in the query's order (so the bytes repeat for the same rows).
 * Straight into `file`, not through a temporary file beside it: `file` is the only path the
 * database may still write (scoreCompetition).
 */
export async function copyToParquet(db: DuckDBConnection, name: string, file: string): Promise<void> {
  const { label, text } = sqlFile(name);
  await runStatements(db, `COPY (${queryBody(text)}) TO '${file.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd, USE_TMP_FILE false)`, label);
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
