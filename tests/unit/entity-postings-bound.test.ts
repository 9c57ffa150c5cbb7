/**
 * An entity page lists at most a bound of postings per score, newest first, says how many more
 * there are, and links a CSV with all of them (src/pipeline/entity-pages.ts). Over the sample, with
 * the bound lowered to 2: every page keeps 2 per score, and the pages over it get the CSV.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCompetition, type Competition } from '../../src/config/read.ts';
import { loadConfigTables } from '../../src/pipeline/config-tables.ts';
import { LISTED_POSTINGS_PER_SCORE, writeEntityPages } from '../../src/pipeline/entity-pages.ts';
import { periodInfo } from '../../src/pipeline/export.ts';
import { loadTables } from '../../src/pipeline/load.ts';
import { scoreCompetition } from '../../src/pipeline/score.ts';
import { validateTables } from '../../src/pipeline/validate.ts';
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
    await validateTables(db, loaded.files, 100);
    ({ asOf } = await scoreCompetition(db, competition));
  });
  afterAll(() => {
    db.closeSync();
    instance.closeSync();
  });

  /** Writes the unit pages of `competition` with the bound `listed`; returns each page and the exports folder. */
  const unitPages = async (competition: Competition, listed: number) => {
    const modelDir = tempDir('bound-model');
    const exportsDir = tempDir('bound-exports');
    const periods = competition.periods.filter((p) => p.start <= asOf).map((p) => periodInfo(p, competition, asOf));
    await writeEntityPages(db, competition, periods, { modelDir, exportsDir }, new Map(), listed);
    const pages = readdirSync(path.join(modelDir, 'units')).map((file) => JSON.parse(readFileSync(path.join(modelDir, 'units', file), 'utf8')) as EntityPage);
    return { pages, exportsDir };
  };
  const perScore = (page: EntityPage) => {
    const byScore = new Map<string, EntityPage['postings']>();
    for (const posting of page.postings) byScore.set(posting.scoreId, [...(byScore.get(posting.scoreId) ?? []), posting]);
    return byScore;
  };

  it('lists everything in the sample under the real bound, with no CSV', async () => {
    const { pages } = await unitPages(readCompetition(path.resolve('data')), LISTED_POSTINGS_PER_SCORE);
    for (const page of pages) {
      expect(page.unlistedPostings, page.entity.id).toEqual([]);
      expect(page.postingsDownload).toBeNull();
    }
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`keeps the newest 2 per score, counts the rest and writes them all to a CSV (${locale})`, async () => {
      const competition = readCompetition(path.resolve('data'), locale);
      const full = await unitPages(competition, 1_000_000);
      const bounded = await unitPages(competition, 2);
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
        // Newest first, as on the page; the source ID column is the ninth.
        expect(lines[1]!.includes(`,${whole.postings[0]!.sourceId},`)).toBe(true);
      }
      expect(over).toBeGreaterThan(0);
    });
  }
});
