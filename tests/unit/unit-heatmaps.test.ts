/**
 * A unit's heatmaps from the pipeline (src/pipeline/entity-pages.ts) on the bench competition at a
 * tiny size: an outlet of 60 staff draws the best 50 of them and counts the other 10; the public edition,
 * which publishes no staff pages, draws no staff at all.
 */
import path from 'node:path';
import { appendFileSync, cpSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBenchCompetition } from '../../scripts/bench-data.ts';
import { buildSite } from '../../src/pipeline/build.ts';
import { HEATMAP_ROWS } from '../../src/pipeline/entity-pages.ts';
import type { EntityPage } from '../../src/site/model.ts';
import { tempDir } from '../support/fixture.ts';

describe('unit heatmaps', () => {
  let dataDir: string;
  let modelDir: string;
  const unitPage = async (audience: 'public' | 'internal', id: string, from = dataDir): Promise<EntityPage> => {
    const report = await buildSite({ dataDir: from, outDir: path.join(tempDir('heatmaps'), 'site'), modelOnly: true, audience });
    modelDir = report.modelDir;
    return JSON.parse(readFileSync(path.join(report.modelDir, 'units', `${id}.json`), 'utf8')) as EntityPage;
  };

  beforeAll(async () => {
    dataDir = path.join(tempDir('heatmaps-data'), 'data');
    // Two outlets of 60 staff each (bench-data.ts splits the staff evenly), under one sub-branch.
    await writeBenchCompetition(dataDir, { outlets: 2, staff: 120, events: 500, months: 3 });
  });

  it('draws at most HEATMAP_ROWS staff of an outlet and says how many more there are', async () => {
    const outlet = await unitPage('internal', 'O00001');
    const staff = outlet.heatmaps.filter((h) => h.rows[0]?.entity.kind === 'staff');
    expect(staff.map((h) => h.scoreId)).toEqual(['service']);
    expect(HEATMAP_ROWS).toBe(50);
    expect(staff[0]!.rows).toHaveLength(50);
    expect(staff[0]!.omitted).toBe(10);
    // Three months, each row a score in every one (a ledger starts everyone at its base).
    expect(staff[0]!.periods.map((p) => p.id)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(staff[0]!.rows.every((row) => row.scores.length === 3 && row.scores.every((s) => s !== null))).toBe(true);
    // The sub-branch above draws its two outlets, for each score of theirs.
    const subbranch = await unitPage('internal', 'SB0001');
    expect(subbranch.heatmaps.map((h) => [h.scoreId, h.kind, h.rows.map((r) => r.entity.id)])).toEqual([
      ['service', 'month', ['O00001', 'O00002']],
      ['inspection', 'quarter', ['O00002', 'O00001']],
    ]);
    // Each best first in its latest period: O00002 inspected better in the first quarter.
    for (const heatmap of subbranch.heatmaps) {
      const latest = heatmap.rows.map((row) => row.scores.at(-1)!);
      expect(latest).toEqual([...latest].sort((a, b) => b - a));
    }
  });

  it('draws the best HEATMAP_ROWS staff in the latest month, best first, not the first by ID', async () => {
    const outlet = await unitPage('internal', 'O00001');
    const [drawn] = outlet.heatmaps.filter((h) => h.rows[0]?.entity.kind === 'staff');
    // Every staff member of the outlet (staff.csv) with their own page's March score, read apart from the heatmap.
    const staffIds = readFileSync(path.join(dataDir, 'staff.csv'), 'utf8').split(/\r?\n/).filter((line) => line.includes(',O00001,')).map((line) => line.split(',')[0]!);
    expect(staffIds).toHaveLength(60);
    const march = new Map(
      await Promise.all(
        staffIds.map(async (id) => {
          const page = JSON.parse(readFileSync(path.join(modelDir, 'staff', `${id}.json`), 'utf8')) as EntityPage;
          return [id, page.histories.find((h) => h.scoreId === 'service')!.points.find((p) => p.periodId === '2025-03')!.score] as const;
        }),
      ),
    );
    const drawnIds = drawn!.rows.map((row) => row.entity.id);
    const drawnScores = drawn!.rows.map((row) => row.scores[2]);
    expect(drawnScores).toEqual(drawnIds.map((id) => march.get(id)));
    // Best first (the staff ranking orders the service score high to low) …
    expect(drawnScores).toEqual([...drawnScores].sort((a, b) => b! - a!));
    // … and nobody left out scored better than the last one drawn.
    const left = staffIds.filter((id) => !drawnIds.includes(id));
    expect(left).toHaveLength(10);
    expect(Math.max(...left.map((id) => march.get(id)!))).toBeLessThanOrEqual(drawnScores.at(-1)!);
    // The data makes this a real choice: some of the 50 lowest IDs are not among the best.
    expect([...staffIds].sort().slice(0, 50).every((id) => drawnIds.includes(id))).toBe(false);
  });

  it('leaves staff out of a public edition that has no staff pages', async () => {
    const withoutStaffPages = path.join(tempDir('heatmaps-public'), 'data');
    cpSync(dataDir, withoutStaffPages, { recursive: true });
    appendFileSync(path.join(withoutStaffPages, 'competition.yaml'), 'public:\n  staff_pages: false\n');
    // An outlet has only staff below it: no heatmap. Its sub-branch still has its outlets'.
    expect((await unitPage('public', 'O00001', withoutStaffPages)).heatmaps).toEqual([]);
    const subbranch = await unitPage('public', 'SB0001', withoutStaffPages);
    expect(subbranch.heatmaps.map((h) => h.rows.map((r) => r.entity.id))).toEqual([['O00001', 'O00002'], ['O00002', 'O00001']]);
  });
});
