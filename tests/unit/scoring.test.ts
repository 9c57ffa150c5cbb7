/**
 * Scoring through the public interface: build a fixture, read the published standings.
 * Every expected number is worked out by hand here or in docs/schemes.md.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, FIXTURES, readOutputs } from '../support/fixture.ts';
import path from 'node:path';

type Outputs = ReturnType<typeof readOutputs>;
const scoresOf = (out: Outputs, ranking: string, period: string) =>
  Object.fromEntries(out.standings.filter((s) => s.scope_id === ranking && s.period_id === period).map((s) => [s.entity_id, s.score]));
const ranksOf = (out: Outputs, ranking: string, period: string) =>
  Object.fromEntries(out.standings.filter((s) => s.scope_id === ranking && s.period_id === period).map((s) => [s.entity_id, s.rank]));

describe('docs/schemes.md S1 worked example (credit-union 100-day competition)', () => {
  let out: Outputs;
  beforeAll(async () => {
    out = readOutputs(await buildModel(path.join(FIXTURES, 's1-worked')));
  });

  it('gives 张三 98, 李四 96, outlet A 112 and 营业室 95 over the competition', () => {
    // 张三: 100 − 4 (complaint) − 3 (late) + 5 (praise) = 98; the unverified complaint counts for nothing.
    // 李四 heads outlet A: 100 − 4 (cascade of 张三's violation) = 96.
    // Outlet A: 100 + 7×2 + 2×0 + 1×(−2) = 112.   营业室: 100 − 5 (cascade) = 95.
    expect(scoresOf(out, 'staff', 'overall')).toEqual({ S1: 98, S2: 96 });
    expect(scoresOf(out, 'outlets', 'overall')).toEqual({ A: 112 });
    expect(scoresOf(out, 'departments', 'overall')).toEqual({ 'A-YYS': 95 });
  });

  it('traces each score to the records behind it', () => {
    const zhang = out.entity('staff', 'S1');
    expect(zhang.postings.map((p) => [p.sourceId, p.points, p.role])).toEqual([
      ['E3', 5, 'subject'],
      ['E2', -3, 'subject'],
      ['E1', -4, 'subject'],
    ]);
    expect(zhang.ignoredEvents.map((e) => [e.eventId, e.status])).toEqual([['E4', 'unverified']]);
    const li = out.entity('staff', 'S2');
    expect(li.postings).toEqual([expect.objectContaining({ sourceId: 'E2', points: -4, role: 'cascade_head', via: expect.objectContaining({ id: 'S1' }) })]);
    expect(out.entity('units', 'A').postings).toEqual([expect.objectContaining({ sourceTable: 'surveys', sourceId: 'V1', points: 12 })]);
  });

  it('never publishes internal notes in a public build', () => {
    expect(JSON.stringify(out.entity('staff', 'S1'))).not.toContain('"note"');
  });
});

describe('ranks, periods, targets and awards', () => {
  let out: Outputs;
  beforeAll(async () => {
    // As of the year notice's date, three days after the competition ends on 2025-02-28.
    out = readOutputs(await buildModel(path.join(FIXTURES, 'ranks'), '2025-03-03'));
  });

  it('ranks with competition ranking: ties share a rank and the next rank is skipped', () => {
    // January: O1 110, O2 105, O3 105, O4 101.
    expect(ranksOf(out, 'outlets', '2025-01')).toEqual({ O1: 1, O2: 2, O3: 2, O4: 4 });
    // February: O4 110, O1 102, O2 100, O3 100.
    expect(ranksOf(out, 'outlets', '2025-02')).toEqual({ O4: 1, O1: 2, O2: 3, O3: 3 });
  });

  it('reports the rank change from the previous period of the same kind', () => {
    const feb = out.standings.filter((s) => s.scope_id === 'outlets' && s.period_id === '2025-02');
    expect(Object.fromEntries(feb.map((s) => [s.entity_id, [s.previous_rank, s.rank_change]]))).toEqual({
      O4: [4, 3],
      O1: [1, -1],
      O2: [2, -1],
      O3: [2, -1],
    });
    const jan = out.standings.filter((s) => s.scope_id === 'outlets' && s.period_id === '2025-01');
    expect(jan.every((s) => s.previous_rank === null && s.rank_change === null)).toBe(true);
  });

  it('carries the year from its parts with their weights (S2)', () => {
    // Year = 0.4 × first part + 0.6 × second part.
    expect(scoresOf(out, 'outlets', 'year')).toEqual({ O4: 106.4, O1: 105.2, O2: 102, O3: 102 });
  });

  it('ranks within each group when a ranking is scoped to a level', () => {
    const jan = out.standings.filter((s) => s.scope_id === 'outlets-in-branch' && s.period_id === '2025-01');
    expect(jan.map((s) => [s.group_id, s.entity_id, s.rank, s.rank_count])).toEqual([
      ['B1', 'O1', 1, 2],
      ['B1', 'O2', 2, 2],
      ['B2', 'O3', 1, 2],
      ['B2', 'O4', 2, 2],
    ]);
  });

  it('meets a ≥ target exactly at its limit', () => {
    const p1 = out.standings.filter((s) => s.scope_id === 'outlets' && s.period_id === 'p1');
    expect(Object.fromEntries(p1.map((s) => [s.entity_id, s.target_met]))).toEqual({ O1: true, O2: true, O3: true, O4: false });
  });

  it('averages checks by mean, last or min, and leaves an outlet without checks unranked', () => {
    expect(scoresOf(out, 'checks', '2025-01')).toEqual({ O1: 85, O2: 85.5 });
    const o1 = out.entity('units', 'O1').histories;
    const jan = (scoreId: string) => o1.find((h) => h.scoreId === scoreId)?.points.find((p) => p.periodId === '2025-01')?.score;
    expect([jan('check-mean'), jan('check-last'), jan('check-min')]).toEqual([85, 80, 80]);
  });

  it('awards top places and penalises bottom places, letting ties at the boundary all in', () => {
    const year = out.notices.find((n) => n.id === 'results-year')!;
    const section = (label: string) => year.sections.find((s) => s.label === label)!;
    expect(section('Best outlets').rows.map((r) => r.entity.id)).toEqual(['O4', 'O1']);
    expect(section('Best outlets').tieOverflow).toBe(false);
    expect(section('Bottom outlet').rows.map((r) => r.entity.id)).toEqual(['O2', 'O3']);
    expect(section('Bottom outlet').tieOverflow).toBe(true);
    const jan = out.notices.find((n) => n.id === 'results-2025-01')!;
    expect(jan.sections.find((s) => s.label === 'January best')!.rows.map((r) => [r.entity.id, r.rank])).toEqual([
      ['O1', 1],
      ['O2', 2],
      ['O3', 2],
    ]);
  });

  it('dates each notice after its period ends', () => {
    expect(out.notices.map((n) => [n.id, n.date])).toEqual([
      ['results-2025-01', '2025-02-03'],
      ['results-year', '2025-03-03'],
    ]);
  });
});
