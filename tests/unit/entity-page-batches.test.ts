/**
 * The entity pages' rows are made in batches of entities (sql/site/site_entity_pages.sql, by a
 * hash of the entity) so that their lists fit DuckDB's memory at millions of events. Over the
 * sample, three batches must give every entity exactly once, with the same lists as one batch
 * (the bounded postings and the counts of those left out included).
 */
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { readCompetition } from '../../src/config/read.ts';
import { loadConfigTables } from '../../src/pipeline/config-tables.ts';
import { loadTables } from '../../src/pipeline/load.ts';
import { scoreCompetition } from '../../src/pipeline/score.ts';
import { queryRows, runSqlFile, streamJsonRows } from '../../src/pipeline/sql.ts';
import { validateTables } from '../../src/pipeline/validate.ts';
import { redaction } from '../../src/config/public-edition.ts';
import { tempDir } from '../support/fixture.ts';

type PageRow = Record<string, unknown> & { entity_kind: string; entity_id: string };

/** A row with each list (in no order) sorted, so that two runs compare equal. */
const normalised = (row: PageRow) =>
  Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Array.isArray(value) ? value.map((item) => JSON.stringify(item)).sort() : value]));

describe('entity pages in batches', () => {
  it('gives every entity of the sample once, with the same lists, in 3 batches as in 1', async () => {
    const competition = readCompetition(path.resolve('data'));
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    await loadConfigTables(db, competition);
    const loaded = await loadTables(db, competition, tempDir('batches-staging'));
    await validateTables(db, loaded.files, 100, redaction(competition.config));
    await scoreCompetition(db, competition);

    // Listing 2 postings per score, so that the batches also agree on what each page leaves out.
    await runSqlFile(db, 'site_posting_rows');
    await runSqlFile(db, 'site_entity_standings');
    const batchRows = async (batch: number, batches: number) => {
      await runSqlFile(db, 'site_entity_pages', { batch, batches, listed: 2 });
      const rows: PageRow[] = [];
      for await (const chunk of streamJsonRows<PageRow>(db, 'site_entity_pages_rows')) rows.push(...chunk);
      return rows;
    };
    const whole = await batchRows(0, 1);
    const parts = [await batchRows(0, 3), await batchRows(1, 3), await batchRows(2, 3)];
    // The batches are sized by what the pages list: the postings in the lists, not every posting.
    const [{ list_rows } = { list_rows: -1 }] = await queryRows<{ list_rows: number }>(db, 'site_page_list_rows', { listed: 2 });
    const listedInPages = whole.reduce((sum, row) => sum + (row.postings as unknown[]).length, 0);
    expect(Number(list_rows)).toBe(listedInPages);
    db.closeSync();
    instance.closeSync();

    const key = (row: PageRow) => `${row.entity_kind}:${row.entity_id}`;
    expect(whole.length).toBeGreaterThan(100);
    for (const part of parts) expect(part.length).toBeGreaterThan(0);
    const batched = parts.flat();
    expect(batched.map(key).sort()).toEqual(whole.map(key).sort());
    const byKey = new Map(whole.map((row) => [key(row), normalised(row)]));
    for (const row of batched) expect(normalised(row), key(row)).toEqual(byKey.get(key(row)));
  });
});
