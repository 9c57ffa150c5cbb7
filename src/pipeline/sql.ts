/**
 * Runs the SQL models in sql/. SQL stays in .sql files; values go in as named parameters
 * ($name), never glued into the text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

const SQL_DIR = fileURLToPath(new URL('../../sql/', import.meta.url));
const cache = new Map<string, string>();

export type SqlParams = Record<string, DuckDBValue>;

function sqlText(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(`${SQL_DIR}${name}.sql`, 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** Runs every statement of sql/<name>.sql, binding the parameters each statement uses. */
export async function runSqlFile(db: DuckDBConnection, name: string, params: SqlParams = {}): Promise<void> {
  const statements = await db.extractStatements(sqlText(name));
  for (let i = 0; i < statements.count; i++) {
    const prepared = await statements.prepare(i).catch((error: unknown) => rethrow(error, name));
    bindUsed(prepared, params, name);
    await prepared.run().catch((error: unknown) => rethrow(error, name));
  }
}

/** Runs the single query in sql/<name>.sql and returns its rows as plain JS objects. */
export async function queryRows<T>(db: DuckDBConnection, name: string, params: SqlParams = {}): Promise<T[]> {
  const prepared = await db.prepare(sqlText(name)).catch((error: unknown) => rethrow(error, name));
  bindUsed(prepared, params, name);
  const reader = await prepared.runAndReadAll().catch((error: unknown) => rethrow(error, name));
  return reader.getRowObjectsJS() as T[];
}

/** Streams the rows of the query in sql/<name>.sql chunk by chunk, so large results never sit in memory whole. */
export async function* streamRows<T>(db: DuckDBConnection, name: string, params: SqlParams = {}): AsyncGenerator<T[]> {
  const result = await db.stream(sqlText(name), params).catch((error: unknown) => rethrow(error, name));
  for await (const rows of result.yieldRowObjectJs()) yield rows as T[];
}

/** A failing model is a bug in Podium or in a config expression: say which file. */
function rethrow(error: unknown, name: string): never {
  throw new Error(`sql/${name}.sql: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

type Prepared = Awaited<ReturnType<DuckDBConnection['prepare']>>;

function bindUsed(prepared: Prepared, params: SqlParams, name: string): void {
  const values: SqlParams = {};
  for (let i = 1; i <= prepared.parameterCount; i++) {
    const key = prepared.parameterName(i);
    if (!(key in params)) throw new Error(`sql/${name}.sql needs parameter $${key}`);
    values[key] = params[key] as DuckDBValue;
  }
  if (prepared.parameterCount > 0) prepared.bind(values);
}
