/**
 * Stage 2, validate: every bad cell of the raw tables at once, from the cell checks generated from
 * the column spec (table-sql.ts) and every table's rules in sql/validate/rules/. Each becomes a
 * Diagnostic with the file, physical line and column the clerk can open (a Parquet file's row
 * group and row).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import path from 'node:path';
import { BuildError, type Diagnostic } from '../config/diagnostics.ts';
import { recordLines, type SourceFile } from './load.ts';
import { parquetPlace } from './parquet.ts';
import { queryRows, runSqlFile, runStatements, SQL_DIR, sqlFilesIn } from './sql.ts';
import { cellChecksSql, typedTablesSql } from './table-sql.ts';
import { TABLES } from '../config/tables.ts';
import type { Redaction } from '../config/public-edition.ts';

const GENERATED = 'the SQL generated from src/config/tables.ts';

interface ValidationError {
  file_id: number;
  record_no: number;
  column_name: string;
  expected: string;
  found: string;
}

/** `edition`: what the public edition withholds of the typed columns (null for the internal edition). */
export async function validateTables(db: DuckDBConnection, files: SourceFile[], maxErrors: number, edition: Redaction | null): Promise<void> {
  await runSqlFile(db, 'validate_macros');
  await runStatements(db, cellChecksSql(), GENERATED);
  // The rules only add rows and the rows are sorted when listed, so their order does not matter.
  for (const rules of [...sqlFilesIn(path.join(SQL_DIR, 'validate', 'rules')).keys()].sort()) await runSqlFile(db, rules);
  await refuseListedErrors(db, files, maxErrors);
  await defineTypedTables(db, edition);
}

/**
 * What the staging models read, once every cell is known to cast: typed_<table>(), each raw
 * table's columns typed (with validate_macros.sql's casts) as the edition shows them.
 */
export async function defineTypedTables(db: DuckDBConnection, edition: Redaction | null): Promise<void> {
  await runSqlFile(db, 'public_person_name');
  await runStatements(db, typedTablesSql(TABLES, edition), GENERATED);
}

/**
 * What can be checked only once the award lists are drawn (an objection names a candidate on its
 * list), refused like any bad cell, at its file, line and column.
 */
export async function validateAgainstLists(db: DuckDBConnection, files: SourceFile[], maxErrors: number): Promise<void> {
  await runSqlFile(db, 'validate_objection_candidates');
  await refuseListedErrors(db, files, maxErrors);
}

async function refuseListedErrors(db: DuckDBConnection, files: SourceFile[], maxErrors: number): Promise<void> {
  const [{ total } = { total: 0 }] = await queryRows<{ total: number }>(db, 'validation_error_count');
  if (total === 0) return;
  const errors = await queryRows<ValidationError>(db, 'validation_errors_first', { limit: maxErrors });
  throw new BuildError('validate', toDiagnostics(errors, files), total - errors.length);
}

function toDiagnostics(errors: ValidationError[], files: SourceFile[]): Diagnostic[] {
  const lineMaps = new Map<number, Map<number, number>>();
  for (const fileId of new Set(errors.map((e) => e.file_id))) {
    if (files[fileId]!.parquet) continue;
    const records = errors.filter((e) => e.file_id === fileId).map((e) => e.record_no - 1);
    lineMaps.set(fileId, recordLines(files[fileId]!.readPath, records));
  }
  return errors.map((e) => {
    const file = files[e.file_id]!;
    const what = { field: e.column_name, expected: e.expected, found: e.found };
    // A Parquet row has no line; its column is named by the field.
    if (file.parquet) return { file: file.displayPath, ...parquetPlace(file.parquet.rowGroups, e.record_no), ...what };
    const column = file.header.indexOf(e.column_name);
    return { file: file.displayPath, line: lineMaps.get(e.file_id)?.get(e.record_no - 1), column: column >= 0 ? column + 1 : undefined, ...what };
  });
}
