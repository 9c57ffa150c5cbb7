/**
 * A table as Parquet, beside or instead of CSV (src/pipeline/parquet.ts). Fixture:
 * tests/fixtures/s1-worked, whose four events (E1–E4) are written as Parquet with typed columns:
 * the standings must be those of the CSV. Refusals (a malformed file, a wrong column type, a bad
 * value in the second row group, an s3:// glob) are cases of the bad corpus (tests/bad/parquet-*).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { parquetPlace } from '../../src/pipeline/parquet.ts';
import { buildModel, copyFixture, editFile, readOutputs } from '../support/fixture.ts';

/** Runs one statement in a DuckDB of its own (the test's, not the build's). */
async function duckdb(sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  await db.run(sql);
  db.closeSync();
  instance.closeSync();
}

/**
 * events.csv's rows matching `where`, as Parquet with a DATE date and INTEGER points; an empty
 * unit_id is written as an empty string, as pandas writes one, which must read as an empty cell.
 */
const eventsAsParquet = (dir: string, file: string, where: string) =>
  duckdb(`COPY (SELECT event_id, date::DATE AS date, type, coalesce(unit_id, '') AS unit_id, staff_id, points::INTEGER AS points, status, source
                FROM read_csv('${path.join(dir, 'events.csv')}', all_varchar = true) WHERE ${where})
          TO '${path.join(dir, file)}' (FORMAT parquet)`);

describe('Parquet input', () => {
  it('scores events read from a typed Parquet file exactly as from the CSV, alone or beside a CSV', async () => {
    const csv = readOutputs(await buildModel(copyFixture('s1-worked'))).standings;
    expect(csv.length).toBeGreaterThan(0);

    const instead = copyFixture('s1-worked');
    await eventsAsParquet(instead, 'events.parquet', 'true');
    rmSync(path.join(instead, 'events.csv'));
    editFile(instead, 'competition.yaml', (text) => text.replace('events: events.csv', 'events: events.parquet'));
    expect(readOutputs(await buildModel(instead)).standings).toEqual(csv);

    // E1 and E2 stay in the CSV, E3 and E4 move to Parquet.
    const beside = copyFixture('s1-worked');
    await eventsAsParquet(beside, 'events-late.parquet', "event_id IN ('E3', 'E4')");
    editFile(beside, 'events.csv', (text) => text.split('\n').filter((line) => !/^E[34],/.test(line)).join('\n'));
    editFile(beside, 'competition.yaml', (text) => text.replace('events: events.csv', 'events: [events.csv, events-late.parquet]'));
    expect(readOutputs(await buildModel(beside)).standings).toEqual(csv);
  });

  it('tells a row by its row group and its row within it, both from 0', () => {
    // Row groups of 2,048 and 952 rows; the raw tables number rows from 1 across the file.
    expect(parquetPlace([2048, 952], 1)).toEqual({ rowGroup: 0, row: 0 });
    expect(parquetPlace([2048, 952], 2048)).toEqual({ rowGroup: 0, row: 2047 });
    expect(parquetPlace([2048, 952], 2049)).toEqual({ rowGroup: 1, row: 0 });
    expect(parquetPlace([2048, 952], 2100)).toEqual({ rowGroup: 1, row: 51 });
    expect(() => parquetPlace([2048, 952], 3001)).toThrow(/past the 3000 rows/);
  });
});
