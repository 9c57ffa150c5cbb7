/**
 * An entity page lists at most a bound of postings per score, newest first, says how many more
 * there are, and links a CSV with all of them (src/pipeline/entity-pages.ts). Over the sample, with
 * the bound lowered to 2: every page keeps 2 per score, and the pages over it get the CSV.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCompetition, type Competition } from '../../src/config/read.ts';
import { loadConfigTables } from '../../src/pipeline/config-tables.ts';
import { LISTED_POSTINGS_PER_SCORE, writeEntityPages } from '../../src/pipeline/entity-pages.ts';
import { periodInfo } from '../../src/pipeline/export.ts';
import { loadTables } from '../../src/pipeline/load.ts';
import { scoreCompetition } from '../../src/pipeline/score.ts';
import { validateTables } from '../../src/pipeline/validate.ts';
import { redaction } from '../../src/config/public-edition.ts';
import type { EntityPage } from '../../src/site/model.ts';
import { tempDir } from '../support/fixture.ts';

type Db = Awaited<ReturnType<DuckDBInstance['connect']>>;

describe('entity pages list a bounded number of postings', () => {
  let instance: DuckDBInstance;
  let db: Db;
  let asOf: string;

  beforeAll(async () => {
    const competition = readCompetition(path.resolve('data'));
    instance = await DuckDBInstance.create(':memory:');
    db = await instance.connect();
    await loadConfigTables(db, competition);
    const loaded = await loadTables(db, competition, tempDir('bound-staging'));
    await validateTables(db, loaded.files, 100, redaction(competition.config));
    ({ asOf } = await scoreCompetition(db, competition));
  });
  afterAll(() => {
    db.closeSync();
    instance.closeSync();
  });

  /** Writes the pages of `competition` with the bound `listed`; returns each page of `kind` and the exports folder. */
  const entityPages = async (competition: Competition, listed: number, kind: 'units' | 'staff' = 'units') => {
    const modelDir = tempDir('bound-model');
    const exportsDir = tempDir('bound-exports');
    const periods = competition.periods.filter((p) => p.start <= asOf).map((p) => periodInfo(p, competition, asOf));
    await writeEntityPages(db, competition, periods, { modelDir, exportsDir, publicDir: tempDir('bound-public') }, new Map(), listed);
    const pages = readdirSync(path.join(modelDir, kind)).map((file) => JSON.parse(readFileSync(path.join(modelDir, kind, file), 'utf8')) as EntityPage);
    return { pages, exportsDir };
  };
  const perScore = (page: EntityPage) => {
    const byScore = new Map<string, EntityPage['postings']>();
    for (const posting of page.postings) byScore.set(posting.scoreId, [...(byScore.get(posting.scoreId) ?? []), posting]);
    return byScore;
  };

  it('leaves out, under the real bound, exactly the postings past the 100th of a score, counted apart from the pages', async () => {
    // Counted straight from the scored tables: each staff member's postings (ledger and tally) per score, past 100.
    const over = (
      await db.runAndReadAll(
        `SELECT entity_id, score_id, count(*)::INTEGER - 100 AS unlisted
       FROM (SELECT entity_kind, entity_id, score_id FROM int_postings UNION ALL SELECT entity_kind, entity_id, score_id FROM int_tally_events)
       WHERE entity_kind = 'staff' GROUP BY ALL HAVING count(*) > 100 ORDER BY entity_id`,
      )
    ).getRowObjectsJson() as { entity_id: string; score_id: string; unlisted: number }[];
    // Four staff of the sample have more than 100 service postings in the year; no unit has. Each
    // is an outlet head, and a cascade step never reaches its own subject: 3, 6, 7 and 3 of their
    // own violations post once, not twice (the build notes each).
    expect(over.map((o) => `${o.entity_id} ${o.score_id} ${o.unlisted}`)).toEqual(['S0047 service 6', 'S0061 service 14', 'S0076 service 1', 'S0133 service 2']);
    const competition = readCompetition(path.resolve('data'));
    expect(LISTED_POSTINGS_PER_SCORE).toBe(100);
    const staff = await entityPages(competition, LISTED_POSTINGS_PER_SCORE, 'staff');
    const shown = staff.pages.flatMap((page) => page.unlistedPostings.map((u) => `${page.entity.id} ${u.scoreId} ${u.count}`)).sort();
    expect(shown).toEqual(over.map((o) => `${o.entity_id} ${o.score_id} ${o.unlisted}`));
    for (const page of (await entityPages(competition, LISTED_POSTINGS_PER_SCORE)).pages) {
      expect(page.unlistedPostings, page.entity.id).toEqual([]);
      expect(page.postingsDownload).toBeNull();
    }
  });

  it('writes no CSV for a staff member in a public edition without staff pages, as it writes no page', async () => {
    const published = readCompetition(path.resolve('data'));
    const competition = { ...published, config: { ...published.config, audience: 'public' as const, public: { ...published.config.public, staff_pages: false } } };
    const modelDir = tempDir('bound-model');
    const exportsDir = tempDir('bound-exports');
    const periods = competition.periods.filter((p) => p.start <= asOf).map((p) => periodInfo(p, competition, asOf));
    const ids = await writeEntityPages(db, competition, periods, { modelDir, exportsDir, publicDir: tempDir('bound-public') }, new Map(), 2);
    expect(ids.staff).toEqual([]);
    expect(existsSync(path.join(exportsDir, 'postings', 'staff'))).toBe(false);
    // The units over the bound still get theirs.
    expect(readdirSync(path.join(exportsDir, 'postings', 'units')).length).toBeGreaterThan(0);
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`keeps the newest 2 per score, counts the rest and writes them all to a CSV (${locale})`, async () => {
      const competition = readCompetition(path.resolve('data'), locale);
      const full = await entityPages(competition, 1_000_000);
      const bounded = await entityPages(competition, 2);
      const fullById = new Map(full.pages.map((page) => [page.entity.id, page]));
      let over = 0;
      for (const page of bounded.pages) {
        const whole = fullById.get(page.entity.id)!;
        const unlisted = new Map(page.unlistedPostings.map((u) => [u.scoreId, u.count]));
        for (const [scoreId, all] of perScore(whole)) {
          const listed = perScore(page).get(scoreId) ?? [];
          // The newest two, in the full list's order, and the count of the others.
          expect(listed).toEqual(all.slice(0, 2));
          expect(unlisted.get(scoreId) ?? 0).toBe(Math.max(0, all.length - 2));
        }
        if (page.unlistedPostings.length === 0) {
          expect(page.postingsDownload).toBeNull();
          continue;
        }
        over++;
        // The link is the page's own CSV inside exports/, with every posting, one line each after the header.
        expect(page.postingsDownload).toBe(`exports/postings/units/${page.entity.id}.csv`);
        const csv = readFileSync(path.join(bounded.exportsDir, 'postings', 'units', `${page.entity.id}.csv`), 'utf8');
        expect(csv.startsWith('\uFEFF')).toBe(true);
        const lines = csv.slice(1).trimEnd().split('\n');
        expect(lines[0]).toBe(locale === 'en' ? 'Score,Date,Event,Points,Counted as,Multiplier,Via,Source,Record ID,Appeal' : '得分项,日期,事项,分值,计入方式,倍数,经由,来源,记录编号,申诉');
        expect(lines.length - 1).toBe(whole.postings.length);
        // Every posting in the order of the unbounded page (sorted by the export, where the CSV's
        // rows are sorted by DuckDB): the date, the record ID (the ninth column) and the points.
        const cells = Papa.parse<string[]>(csv.slice(1).trimEnd()).data.slice(1);
        expect(cells.map((c) => `${c[1]} ${c[8]} ${c[3]}`)).toEqual(whole.postings.map((p) => `${p.date} ${p.sourceId} ${p.points}`));
      }
      expect(over).toBeGreaterThan(0);
    });
  }
});
