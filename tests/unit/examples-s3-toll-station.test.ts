/**
 * data/examples/s3-toll-station (docs/schemes.md S3) built through the public interface. Monthly
 * checks of each collector (checks.csv), two of them unsigned: K07 (王强 B1, Feb, 95) and
 * K10 (李娜 A2, Mar, 88). The example excludes unsigned scores; a copy counts them.
 */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/site/model.ts';
import { buildModel, editFile, readOutputs, tempDir } from '../support/fixture.ts';

/** The day the example's last notice is dated: every notice is out. */
const PUBLISHED_ON = '2025-04-03';

const EXAMPLE = path.resolve('data/examples/s3-toll-station');

async function build(dir: string) {
  const report = await buildModel(dir, PUBLISHED_ON);
  const findings = JSON.parse(readFileSync(path.join(report.modelDir, 'findings.json'), 'utf8')) as Finding[];
  return { out: readOutputs(report), findings };
}
const ranked = (out: ReturnType<typeof readOutputs>, period: string) =>
  out.standings.filter((s) => s.period_id === period).map((s) => [s.entity_id, s.score, s.rank]);

describe('S3 toll station, unsigned scores excluded', () => {
  let built: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    built = await build(EXAMPLE);
  });

  it('ranks everyone each month by their signed score', () => {
    // January, all signed: A1 92, B1 90, A2 88, B2 85.
    expect(ranked(built.out, '2025-01')).toEqual([['A1', 92, 1], ['B1', 90, 2], ['A2', 88, 3], ['B2', 85, 4]]);
    // February: B1's 95 is unsigned, so B1 has no score: A2 93, A1 90, B2 87.
    expect(ranked(built.out, '2025-02')).toEqual([['A2', 93, 1], ['A1', 90, 2], ['B2', 87, 3]]);
    // March: A2's 88 is unsigned: B2 94, B1 91, A1 89.
    expect(ranked(built.out, '2025-03')).toEqual([['B2', 94, 1], ['B1', 91, 2], ['A1', 89, 3]]);
  });

  it('publishes the month-end ranking notice for each month, three days after its end', () => {
    expect(built.out.notices.map((n) => [n.period.id, n.date])).toEqual([
      ['2025-01', '2025-02-03'],
      ['2025-02', '2025-03-03'],
      ['2025-03', '2025-04-03'],
    ]);
  });

  it('finds each unsigned score, on the team of the person, with the check as evidence', () => {
    expect(built.findings.map((f) => [f.entity.id, f.periodStart, f.messageKey, f.values, f.evidence.map((e) => e.id)])).toEqual([
      ['T2', '2025-02-27', 'finding.signoff.staff', { kind: '月度服务考评', score: 95, staff: '王强' }, ['K07']],
      ['T1', '2025-03-28', 'finding.signoff.staff', { kind: '月度服务考评', score: 88, staff: '李娜' }, ['K10']],
    ]);
  });

  it('scores the phases from the same checks', () => {
    // Implement (01-11 – 02-28): A1 (92 + 90) / 2 = 91; B1 only its signed January 90.
    // Standardise (03-01 – 03-20) holds no check, so no one has a score there.
    const phases = (id: string) =>
      Object.fromEntries(built.out.entity('staff', id).histories[0]!.points.filter((p) => p.kind === 'phase').map((p) => [p.periodId, p.score]));
    expect(phases('A1')).toEqual({ implement: 91, summarise: 89 });
    expect(phases('B1')).toEqual({ implement: 90, summarise: 91 });
  });
});

describe('S3 toll station, unsigned scores counted', () => {
  let built: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    const dir = tempDir('s3-count');
    cpSync(EXAMPLE, dir, { recursive: true });
    editFile(dir, 'competition.yaml', (text) => text.replace('unsigned: exclude', 'unsigned: count'));
    built = await build(dir);
  });

  it('ranks the unsigned scores too, and still lists them as findings', () => {
    // February: B1 95, A2 93, A1 90, B2 87. March: B2 94, B1 91, A1 89, A2 88.
    expect(ranked(built.out, '2025-02')).toEqual([['B1', 95, 1], ['A2', 93, 2], ['A1', 90, 3], ['B2', 87, 4]]);
    expect(ranked(built.out, '2025-03')).toEqual([['B2', 94, 1], ['B1', 91, 2], ['A1', 89, 3], ['A2', 88, 4]]);
    expect(built.findings).toHaveLength(2);
  });
});
