/**
 * A unit's heatmaps from the pipeline (src/pipeline/entity-pages.ts) on the bench competition at a
 * tiny size: an outlet of 60 staff draws 50 of them and counts the other 10; the public edition,
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
  const unitPage = async (audience: 'public' | 'internal', id: string, from = dataDir): Promise<EntityPage> => {
    const report = await buildSite({ dataDir: from, outDir: path.join(tempDir('heatmaps'), 'site'), modelOnly: true, audience });
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
      ['inspection', 'quarter', ['O00001', 'O00002']],
    ]);
  });

  it('leaves staff out of a public edition that has no staff pages', async () => {
    const withoutStaffPages = path.join(tempDir('heatmaps-public'), 'data');
    cpSync(dataDir, withoutStaffPages, { recursive: true });
    appendFileSync(path.join(withoutStaffPages, 'competition.yaml'), 'public:\n  staff_pages: false\n');
    // An outlet has only staff below it: no heatmap. Its sub-branch still has its outlets'.
    expect((await unitPage('public', 'O00001', withoutStaffPages)).heatmaps).toEqual([]);
    const subbranch = await unitPage('public', 'SB0001', withoutStaffPages);
    expect(subbranch.heatmaps.map((h) => h.rows.map((r) => r.entity.id))).toEqual([['O00001', 'O00002'], ['O00001', 'O00002']]);
  });
});
