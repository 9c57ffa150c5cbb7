/**
 * The floor of the data stage, for `npm run bench -- --compare`: the competition's CSV files read
 * by DuckDB's own reader into the raw tables, then the same scoring SQL (the typing macros and the
 * models of sql/staging, sql/intermediate and sql/marts), in a DuckDB with a build's settings and
 * nothing of Podium's around it: no reading of the files in Node first (encoding, limits, record
 * counts), no cell checks and no rule checks. What Podium's config → check takes beyond this is
 * Podium's own; what this takes is the SQL's.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { readCompetition } from '../src/config/read.ts';
import { redaction } from '../src/config/public-edition.ts';
import type { TableName } from '../src/config/schema.ts';
import { TABLES } from '../src/config/tables.ts';
import { duckDbSettings } from '../src/pipeline/build.ts';
import { loadConfigTables } from '../src/pipeline/config-tables.ts';
import { tableFiles } from '../src/pipeline/confine.ts';
import { attributeIds, readCsvIntoRaw } from '../src/pipeline/load.ts';
import { scoreCompetition } from '../src/pipeline/score.ts';
import { runSqlFile, runStatements } from '../src/pipeline/sql.ts';
import { rawTablesSql } from '../src/pipeline/table-sql.ts';
import { defineTypedTables } from '../src/pipeline/validate.ts';
import { csvHeader } from './bench-data.ts';

/** Milliseconds of wall time, DuckDB reading the files and the scoring SQL over them; and what came of them. */
export interface DataFloor {
  load: number;
  score: number;
  /** Rows read into the raw tables. */
  records: number;
  /** The data date, as a build finds it. */
  asOf: string;
  /** Rows of the standings the marts hold. */
  standings: number;
}

/** `work`: a scratch folder for DuckDB's spill files. The data must be CSV, as the bench writes it. */
export async function duckDbDataFloor(dataDir: string, work: string): Promise<DataFloor> {
  const competition = readCompetition(dataDir);
  const instance = await DuckDBInstance.create(':memory:', duckDbSettings(work));
  const db = await instance.connect();
  try {
    let started = performance.now();
    await loadConfigTables(db, competition);
    await runStatements(db, rawTablesSql(), 'the raw tables generated from src/config/tables.ts');
    let fileId = 0;
    let records = 0;
    for (const table of Object.keys(TABLES) as TableName[]) {
      const globs = competition.config.tables[table];
      if (globs === undefined) continue;
      const attributes = attributeIds(competition, table);
      for (const file of (await tableFiles(db, competition.dir, table, globs)).files) {
        records += await readCsvIntoRaw(db, { table, fileId: fileId++, readPath: file.real, header: csvHeader(file.real) }, attributes);
      }
    }
    const load = performance.now() - started;
    started = performance.now();
    // The macros a build defines while loading and validating, which the staging models call.
    await runSqlFile(db, 'excel_dates');
    await runSqlFile(db, 'validate_macros');
    await defineTypedTables(db, redaction(competition.config));
    const { asOf } = await scoreCompetition(db, competition);
    const score = Math.round(performance.now() - started);
    const [{ standings } = { standings: 0 }] = (await db.runAndReadAll('SELECT count(*)::INTEGER AS standings FROM fct_standings')).getRowObjectsJS() as { standings: number }[];
    return { load: Math.round(load), score, records, asOf, standings };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
