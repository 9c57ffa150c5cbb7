/**
 * Golden test of data/examples/s1-credit-union: docs/schemes.md S1, the credit union's 100-day
 * competition, with a second outlet, an appeal of each decided kind and a repeated violation. Every
 * number is worked out by hand below from the example's CSVs.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, readOutputs } from '../support/fixture.ts';
import { readScoreParts } from '../support/score-parts.ts';

/** The day the example's last notice is dated: every notice is out. */
const PUBLISHED_ON = '2009-11-15';

const EXAMPLE = path.resolve('data/examples/s1-credit-union');
type Outputs = ReturnType<typeof readOutputs>;
const scoresOf = (out: Outputs, ranking: string, period: string) =>
  Object.fromEntries(out.standings.filter((s) => s.scope_id === ranking && s.period_id === period).map((s) => [s.entity_id, s.score]));

describe('example s1-credit-union', () => {
  let out: Outputs;
  beforeAll(async () => {
    out = readOutputs(await buildModel(EXAMPLE, PUBLISHED_ON));
  });

  it('reproduces the docs/schemes.md worked example: 张三 98, 李四 96, outlet A 112, 营业室 95', () => {
    // 张三 (S1): 100 − 4 (E01 complaint) − 3 (E02 late) + 5 (E03 praise) = 98; E04 is unverified: nothing.
    // 李四 (S2) heads outlet A: 100 − 4 (E02's cascade) = 96.   营业室 A-YYS: 100 − 5 (E02's cascade) = 95.
    // Outlet A: 100 + (7×2 + 2×0 + 1×(−2)) in August = 112; its later surveys net 0:
    // Sep 3×2 − 3×2 = 0, Oct 2×2 − 2×2 = 0, Nov 1×2 − 1×2 = 0.
    const staff = scoresOf(out, 'staff', 'overall');
    expect([staff.S1, staff.S2]).toEqual([98, 96]);
    expect(scoresOf(out, 'outlets', 'overall').A).toBe(112);
    expect(scoresOf(out, 'departments', 'overall')['A-YYS']).toBe(95);
    expect(out.entity('staff', 'S1').ignoredEvents.map((e) => [e.eventId, e.status])).toEqual([['E04', 'unverified']]);
  });

  it('scores everyone else by hand, with the appeals and the repeat', () => {
    // 王五 (S3): 100 + 8 (E09) − 1 (E10: 2 adjusted to 1 on appeal A2) = 107; E15 is pending: nothing.
    // 赵六 (S4) heads outlet B: 钱七's violations cascade −4 (E05), −4 × 2 (E06, same problem LATE again in
    //   September), −4 (E07, October: a new month, not a repeat) = 100 − 16 = 84.
    // 钱七 (S5): 100 − 3 − 6 − 3 + 2 (E13) = 90.
    // 孙八 (S6): E08 −5 withdrawn on appeal A1 (upheld); + 3 (E11) − 3 (E12, appeal A3 rejected) = 100.
    expect(scoresOf(out, 'staff', 'overall')).toEqual({ S3: 107, S6: 100, S1: 98, S2: 96, S5: 90, S4: 84 });
    // 营业室 of B: 100 − 5 − 10 − 5 = 80.
    expect(scoresOf(out, 'departments', 'overall')).toEqual({ 'A-YYS': 95, 'B-YYS': 80 });
    // Outlet B: 100 + 4 (E14 praise) + surveys Aug 6×2 − 1×2 = 10, Sep 5×2 − 1×2 = 8, Oct 4×2 − 2×2 = 4,
    // Nov 3×2 − 1×2 = 4 → 100 + 4 + 26 = 130.
    expect(scoresOf(out, 'outlets', 'overall')).toEqual({ B: 130, A: 112 });
    // September alone: 钱七 100 − 3 − 6 = 91; October: 100 − 3 = 97 (the repeat does not cross months).
    expect([scoresOf(out, 'staff', '2009-09').S5, scoresOf(out, 'staff', '2009-10').S5]).toEqual([91, 97]);
  });

  it('draws outlet B’s heatmaps: its 营业室 and its own head, month by month', () => {
    // 钱七 (营业室 of B) was late in September twice (E05, E06: the second a repeat, ×2) and in October (E07).
    // 营业室 B-YYS takes −5 a violation: Aug 100, Sep 100 − 5 − 10 = 85, Oct 95, Nov 100.
    // 赵六 (S4), head of B, takes −4: Aug 100, Sep 100 − 4 − 8 = 88, Oct 96, Nov 100.
    const heatmaps = out.entity('units', 'B').heatmaps;
    expect(heatmaps.map((h) => [h.scoreId, h.kind, h.rows.map((r) => r.entity.id)])).toEqual([
      ['points', 'month', ['B-YYS']],
      ['points', 'month', ['S4']],
    ]);
    expect(heatmaps[0]!.periods.map((p) => p.id)).toEqual(['2009-08', '2009-09', '2009-10', '2009-11']);
    expect(heatmaps[0]!.rows[0]!.scores).toEqual([100, 85, 95, 100]);
    expect(heatmaps[1]!.rows[0]!.scores).toEqual([100, 88, 96, 100]);
    expect(heatmaps.map((h) => h.omitted)).toEqual([0, 0]);
    // A department has staff, but no units below.
    expect(out.entity('units', 'B-YYS').heatmaps.map((h) => h.rows.map((r) => r.entity.id))).toEqual([['S5', 'S6']]);
    expect(out.entity('staff', 'S5').heatmaps).toEqual([]);
  });

  it('shows the withdrawn complaint with its appeal on 孙八’s page', () => {
    const sun = out.entity('staff', 'S6');
    expect(sun.ignoredEvents).toEqual([expect.objectContaining({ eventId: 'E08', appeal: { id: 'A1', decision: 'upheld', decidedOn: '2009-09-21' } })]);
    expect(sun.postings.find((p) => p.sourceId === 'E12')!.appeal).toEqual({ id: 'A3', decision: 'rejected', decidedOn: '2009-11-06' });
  });

  it('gives 3 service stars, 1 advanced unit and the bottom 2 staff', () => {
    const notice = out.notices.find((n) => n.id === 'results-overall')!;
    const section = (kind: string, amount: number) => notice.sections.find((s) => s.kind === kind && s.amount === amount)!;
    // Staff by score: 王五 107, 孙八 100, 张三 98, 李四 96, 钱七 90, 赵六 84.
    expect(section('award', 50).rows.map((r) => r.entity.name)).toEqual(['王五', '孙八', '张三']);
    expect(section('award', 200).rows.map((r) => r.entity.name)).toEqual(['网点B']);
    expect(section('penalty', 50).rows.map((r) => r.entity.name).sort()).toEqual(['赵六', '钱七'].sort());
    // The notice is dated 5 days after the competition ends on 2009-11-10.
    expect(notice.date).toBe('2009-11-15');
  });

  it('publishes the compliance findings: missed video weeks, one missed inspection, one short survey month', () => {
    // 14 whole weeks (Mon 08-03 … Sun 11-08). Video: A has 5 qualifying slots only in the first week
    // (13 findings); B's first week has a 3-minute slot, so 4 qualify (14 findings) → 27.
    // On-site: B has no inspection in the week of 10-12 → 1. Surveys: B called 3 + 2 + 1 = 6 < 10 in November → 1.
    const byRule = (out.findings as { rule_id: string }[]).reduce<Record<string, number>>((n, f) => ({ ...n, [f.rule_id]: (n[f.rule_id] ?? 0) + 1 }), {});
    expect(byRule).toEqual({ 'weekly-video': 27, 'weekly-onsite': 1, 'monthly-survey': 1 });
  });

  it('traces every overall score to its records in score_parts', async () => {
    const parts = await readScoreParts(out.exportsDir);
    const of = (entity: string) => parts.filter((p) => p.period_id === 'overall' && p.entity_id === entity).map((p) => [p.rule_id, p.amount, p.source_ids]);
    expect(of('S1')).toEqual([
      ['base', 100, ''],
      ['complaint', -4, 'E01'],
      ['praise', 5, 'E03'],
      ['violation', -3, 'E02'],
    ]);
    expect(of('S2')).toEqual([
      ['base', 100, ''],
      ['violation', -4, 'E02'],
    ]);
    expect(of('A')).toEqual([
      ['base', 100, ''],
      ['survey', 12, 'V-A-08 V-A-09 V-A-10 V-A-11'],
    ]);
    expect(of('A-YYS')).toEqual([
      ['base', 100, ''],
      ['violation', -5, 'E02'],
    ]);
    // 赵六: −4 − 8 − 4 = −16 from three cascaded violations.
    expect(of('S4')).toEqual([
      ['base', 100, ''],
      ['violation', -16, 'E05 E06 E07'],
    ]);
    // The parts of every ledger score add up to it.
    const overall = out.standings.filter((s) => s.period_id === 'overall');
    for (const s of overall) {
      const sum = parts.filter((p) => p.period_id === 'overall' && p.entity_id === s.entity_id && p.entity_kind === s.entity_kind).reduce((a, p) => a + p.amount, 0);
      expect(sum).toBeCloseTo(s.score, 9);
    }
  });
});
