/**
 * data/examples/s4-mystery-shopper (docs/schemes.md S4) built through the public interface. Every
 * figure is worked out by hand from checks.csv and inspections.csv in the comments.
 *
 * Outlets: SB1 东城支行 → O1 O2 O3; SB2 西城支行 → O4 O5. Mystery checks (v = video):
 *   Q1: O1 92, O2 84, O4 78v, O5 88v      Q2: O2 86, O3 95, O1 91v (satisfaction checks 6-20 do not count)
 *   Q3: O4 85, O5 79v, O2 90v             Q4: O5 87, O1 93, O3 96v (12-31, so the year has ended)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/site/model.ts';
import { buildModel, readOutputs } from '../support/fixture.ts';

/** The day the example's last notice is dated: every notice is out. */
const PUBLISHED_ON = '2026-01-05';

const EXAMPLE = path.resolve('data/examples/s4-mystery-shopper');

type Outputs = ReturnType<typeof readOutputs>;
let out: Outputs;
let findings: Finding[];
beforeAll(async () => {
  const report = await buildModel(EXAMPLE, PUBLISHED_ON);
  out = readOutputs(report);
  findings = JSON.parse(readFileSync(path.join(report.modelDir, 'findings.json'), 'utf8')) as Finding[];
});

const ofRule = (rule: string) => findings.filter((f) => f.ruleId === rule);
const scores = (period: string) =>
  Object.fromEntries(out.standings.filter((s) => s.scope_id === 'mystery-outlets' && s.period_id === period).map((s) => [s.entity_id, s.score]));

describe('S4 mystery-shopper scores', () => {
  it('scores each quarter by the mean of its mystery checks', () => {
    expect(scores('2025-Q1')).toEqual({ O1: 92, O2: 84, O4: 78, O5: 88 });
    expect(scores('2025-Q2')).toEqual({ O1: 91, O2: 86, O3: 95 });
    expect(scores('2025-Q3')).toEqual({ O2: 90, O4: 85, O5: 79 });
    expect(scores('2025-Q4')).toEqual({ O1: 93, O3: 96, O5: 87 });
  });

  it('averages the year over its checks, and reads "above 90" as ≥ 90', () => {
    // O1 (92+91+93)/3 = 92; O2 (84+86+90)/3 = 86.666667; O3 (95+96)/2 = 95.5;
    // O4 (78+85)/2 = 81.5; O5 (88+79+87)/3 = 84.666667 (scores keep six decimals).
    expect(scores('Y2025')).toEqual({ O1: 92, O2: 86.666667, O3: 95.5, O4: 81.5, O5: 84.666667 });
    const met = Object.fromEntries(out.standings.filter((s) => s.period_id === 'Y2025').map((s) => [s.entity_id, s.target_met]));
    expect(met).toEqual({ O1: true, O2: false, O3: true, O4: false, O5: false });
  });

  it('rewards the top five of each quarter that also score ≥ 90', () => {
    // Q4: O3 96, O1 93, O5 87: all three are in the top five, but O5 is below 90.
    const q4 = out.notices.find((n) => n.period.id === '2025-Q4')!;
    const award = q4.sections.find((s) => s.kind === 'award')!;
    expect(award.rows.map((r) => [r.rank, r.entity.id, r.score])).toEqual([[1, 'O3', 96], [2, 'O1', 93]]);
    // Q1: O1 92 is the only one ≥ 90 (O5 88, O2 84, O4 78).
    const q1 = out.notices.find((n) => n.period.id === '2025-Q1')!;
    expect(q1.sections.find((s) => s.kind === 'award')!.rows.map((r) => r.entity.id)).toEqual(['O1']);
  });

  it('names the "two standards" outlets: year average ≥ 90 and top 3', () => {
    // Year: O3 95.5 (1st), O1 92 (2nd), O2 86.67 (3rd, below 90) → O3 and O1.
    const year = out.notices.find((n) => n.period.id === 'Y2025')!;
    expect(year.sections.find((s) => s.kind === 'award')!.rows.map((r) => [r.rank, r.entity.id])).toEqual([[1, 'O3'], [2, 'O1']]);
  });

  it('puts each quarter’s outlets below 85 in one of two pay-cut bands', () => {
    // Q1: O2 84 is in [80, 85); O4 78 is below 80. Q3: O5 79 below 80; O4's 85 is in neither.
    const band = (period: string, label: string) =>
      out.notices.find((n) => n.period.id === period)!.sections.find((s) => s.label === label)?.rows.map((r) => r.entity.id);
    expect(band('2025-Q1', '低于85分：扣减绩效工资')).toEqual(['O2']);
    expect(band('2025-Q1', '低于80分：加重扣减绩效工资')).toEqual(['O4']);
    expect(band('2025-Q3', '低于85分：扣减绩效工资') ?? []).toEqual([]);
    expect(band('2025-Q3', '低于80分：加重扣减绩效工资')).toEqual(['O5']);
  });
});

describe('S4 coverage, rechecks and targets as findings', () => {
  it('finds Q2 covered only one of two sub-branches (SB2 had no mystery check)', () => {
    // Q1 SB1 (O1, O2) and SB2 (O4, O5) ✓; Q2 only SB1 outlets → 1/2 = 50% < 100%; Q3, Q4 both ✓.
    expect(ofRule('q-subbranches').map((f) => [f.entity.id, f.periodStart, f.values.share, f.evidence.map((e) => e.id)])).toEqual([['B', '2025-04-01', 50, ['SB2']]]);
  });

  it('passes outlet coverage every quarter, Q2–Q4 exactly at 60%', () => {
    // Q1 O1 O2 O4 O5 = 4/5 = 80%; Q2 O1 O2 O3, Q3 O2 O4 O5, Q4 O1 O3 O5 = 3/5 = 60% ≥ 60%.
    expect(ofRule('q-outlets')).toEqual([]);
  });

  it('finds quarters with video checks at fewer than 2 outlets', () => {
    // Video: Q1 O4 O5 = 2 ✓; Q2 O1 = 1 ✗; Q3 O5 O2 = 2 ✓; Q4 O3 = 1 ✗. Evidence: the outlets without one.
    expect(ofRule('q-video').map((f) => [f.periodStart, f.values.covered, f.evidence.map((e) => e.id)])).toEqual([
      ['2025-04-01', 1, ['O2', 'O3', 'O4', 'O5']],
      ['2025-10-01', 1, ['O1', 'O2', 'O4', 'O5']],
    ]);
  });

  it('finds O4 not rechecked in Q2 after 78 in Q1; O2 (84) was, and O4 at exactly 85 in Q3 needs none', () => {
    // Q1 < 85: O2 84 (rechecked C05 on 04-15), O4 78 (no Q2 mystery check; its satisfaction check S04 is not one).
    // Q3 < 85: O5 79 (rechecked C11 on 10-14); O4 85 is not < 85.
    expect(ofRule('recheck').map((f) => [f.entity.id, f.periodStart, f.values.score, f.evidence.map((e) => e.id)])).toEqual([['O4', '2025-04-01', 78, ['C03']]]);
  });

  it('passes the year: every outlet had a mystery check', () => {
    expect(ofRule('y-outlets')).toEqual([]);
  });

  it('finds the weeks without an off-site video check and SB2’s March coverage', () => {
    // Weeks 03-03 and 03-10: O1 I01 I02, O2 I03 I04, O3 I05 only, O4 I06 I07, O5 none → O3 ×1, O5 ×2.
    expect(ofRule('weekly-offsite').map((f) => [f.entity.id, f.periodStart])).toEqual([
      ['O3', '2025-03-10'],
      ['O5', '2025-03-03'],
      ['O5', '2025-03-10'],
    ]);
    // March: SB1 3/3 outlets; SB2 O4 only → 1/2 = 50% < 100%.
    expect(ofRule('m-subbranch-outlets').map((f) => [f.entity.id, f.values.share, f.evidence.map((e) => e.id)])).toEqual([['SB2', 50, ['O5']]]);
  });

  it('checks the targets: satisfaction ≥ 85% per quarter and the year’s score ≥ 90', () => {
    // Q2 satisfaction: O2 83 ✗, O4 exactly 85 ✓, the rest ≥ 88.
    expect(ofRule('satisfaction-target').map((f) => [f.entity.id, f.values.score, f.evidence.map((e) => e.id)])).toEqual([['O2', 83, ['S02']]]);
    // Year: O2 86.666667, O4 81.5, O5 84.666667 < 90, each with the checks behind the mean.
    expect(ofRule('mystery-target').map((f) => [f.entity.id, f.values.score, f.evidence.map((e) => e.id)])).toEqual([
      ['O2', 86.666667, ['C02', 'C05', 'C10']],
      ['O4', 81.5, ['C03', 'C08']],
      ['O5', 84.666667, ['C04', 'C09', 'C11']],
    ]);
  });

  it('publishes 12 findings in all', () => {
    // coverage of sub-branches 1, of outlets 0, video 2, recheck 1, year coverage 0, weekly
    // off-site 3, monthly sub-branch coverage 1, satisfaction 1, year target 3.
    expect(findings).toHaveLength(12);
    expect(out.findings).toHaveLength(12);
  });
});
