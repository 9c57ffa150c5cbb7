/**
 * Long rankings split into pages of `ranking_page_size` rows, with the whole ranking as a
 * download beside them: the page ranges, the cut through groups, and the sample split into pages
 * of 10 checked against its own standings.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rowsBetween } from '../../src/pipeline/export.ts';
import { pageRanges } from '../../src/pipeline/paging.ts';
import { rankingModelFile, type RankingGroup, type RankingPage, type StandingRow } from '../../src/site/model.ts';
import { StandingExportRow } from '../../src/pipeline/export-schemas.ts';
import { buildModel, editFile, readOutputs, tempDir } from '../support/fixture.ts';

const row = (id: string): StandingRow => ({
  entity: { kind: 'staff', id, name: id, path: `staff/${id}/` },
  parent: null,
  score: 0,
  rank: 1,
  rankCount: 1,
  previousRank: null,
  rankChange: null,
  targetMet: null,
});
const group = (id: string, rows: string[]): RankingGroup => ({ group: { kind: 'unit', id, name: id, path: `units/${id}/` }, rows: rows.map(row) });
const ids = (groups: RankingGroup[]) => groups.map((g) => `${g.group?.id}:${g.rows.map((r) => r.entity.id).join(',')}`);

describe('pageRanges', () => {
  it('cuts 1,001 rows into pages of 500, 500 and 1', () => {
    expect(pageRanges(1001, 500)).toEqual([
      { first: 1, last: 500 },
      { first: 501, last: 1000 },
      { first: 1001, last: 1001 },
    ]);
  });

  it('keeps exactly one page for a ranking that fits, or is empty', () => {
    expect(pageRanges(500, 500)).toEqual([{ first: 1, last: 500 }]);
    expect(pageRanges(0, 500)).toEqual([{ first: 1, last: 0 }]);
  });
});

describe('rowsBetween', () => {
  const groups = [group('A', ['a1', 'a2', 'a3']), group('B', ['b1', 'b2']), group('C', ['c1'])];

  it('gives a group cut by the page edge its heading on both pages', () => {
    expect(ids(rowsBetween(groups, { first: 1, last: 2 }))).toEqual(['A:a1,a2']);
    expect(ids(rowsBetween(groups, { first: 3, last: 4 }))).toEqual(['A:a3', 'B:b1']);
    expect(ids(rowsBetween(groups, { first: 5, last: 6 }))).toEqual(['B:b2', 'C:c1']);
  });
});

describe('the sample with ranking_page_size: 10', () => {
  it('splits every ranking into pages of at most 10 rows that add up to its standings, with the whole ranking beside them', async () => {
    const data = tempDir('paged');
    cpSync('data', data, { recursive: true });
    editFile(data, 'competition.yaml', (text) => `${text}\nranking_page_size: 10\n`);
    const report = await buildModel(data);
    const { standings, exportsDir } = readOutputs(report);
    let paged = 0;
    for (const { periodId, rankingId, pages } of report.site.rankingPages) {
      const expected = standings.filter((s) => s.period_id === periodId && s.scope_id === rankingId).map((s) => s.entity_id);
      expect(pages).toBe(Math.max(1, Math.ceil(expected.length / 10)));
      const shown: string[] = [];
      for (let page = 1; page <= pages; page++) {
        const model = JSON.parse(readFileSync(path.join(report.modelDir, ...rankingModelFile(periodId, rankingId, page)), 'utf8')) as RankingPage;
        const rows = model.groups.flatMap((g) => g.rows.map((r) => r.entity.id));
        expect(rows.length).toBeLessThanOrEqual(10);
        expect(model.paging.page).toBe(page);
        shown.push(...rows);
        if (pages > 1) {
          expect(model.paging.download).toBe(`exports/rankings/${periodId}/${rankingId}.csv`);
        } else {
          expect(model.paging.download).toBeNull();
        }
      }
      expect(shown).toEqual(expected);
      expect(existsSync(path.join(exportsDir, 'rankings', periodId, `${rankingId}.csv`))).toBe(pages > 1);
      if (pages > 1) {
        paged++;
        const whole = StandingExportRow.array().parse(JSON.parse(readFileSync(path.join(exportsDir, 'rankings', periodId, `${rankingId}.json`), 'utf8')));
        expect(whole.map((s) => s.entity_id)).toEqual(expected);
        // One header line, a line per row, and the final newline.
        expect(readFileSync(path.join(exportsDir, 'rankings', periodId, `${rankingId}.csv`), 'utf8').split('\n')).toHaveLength(expected.length + 2);
      }
    }
    // The sample's staff rankings have over 100 rows, so some are split.
    expect(paged).toBeGreaterThan(0);
  });
});
