/**
 * The benchmark's plain-DuckDB floor (scripts/bench-data-floor.ts) must score the same data a
 * build scores, or its figure would be the floor of nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBenchCompetition } from '../../scripts/bench-data.ts';
import { duckDbDataFloor } from '../../scripts/bench-data-floor.ts';
import { validateCompetition } from '../../src/pipeline/build.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'podium-floor-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Data records of every CSV file under `dir`: lines after the header, as the bench writes no quoted line breaks. */
function csvRecords(dir: string): number {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.csv'))
    .reduce((sum, file) => sum + readFileSync(path.join(dir, file), 'utf8').trimEnd().split('\n').length - 1, 0);
}

describe('the data floor of npm run bench -- --compare', () => {
  it('reads every record of the bench competition and scores it to the data date a build finds', async () => {
    const dataDir = path.join(root, 'data');
    await writeBenchCompetition(dataDir, { outlets: 6, staff: 40, events: 600, months: 2 });
    const floor = await duckDbDataFloor(dataDir, mkdtempSync(path.join(root, 'work-')));
    const checked = await validateCompetition({ dataDir });
    expect(floor.records).toBe(csvRecords(dataDir));
    expect(floor.asOf).toBe(checked.asOf);
    // Every staff member and outlet has a standing in each period of each ranking.
    expect(floor.standings).toBeGreaterThanOrEqual(40 + 6);
    expect(floor.load).toBeGreaterThanOrEqual(0);
    expect(floor.score).toBeGreaterThan(0);
  });
});
