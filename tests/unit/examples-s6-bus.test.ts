/**
 * S6 (docs/schemes.md), data/examples/s6-bus: 禅城区公交. Lines L101, L102 (fleet F1), L201, L202 (F2);
 * drivers D11, D12 (L101), D21, D22 (L102), D31, D32 (L201), D41, D42 (L202).
 * Verified complaints: June C01 D11, C02 D11, C03 D21, C04 line L201, C06 D12 (C05 D41 unverified);
 * July C07 D31, C08 line L101, C09 D22, C10 D22; September C11 D11. A driver's complaint counts
 * for the driver and, by the cascade, for the line.
 * Violations V01, V02 D32 (L201), V03 D42 (L202); major liability accident A01 D21 (L102);
 * public criticism P01 of line L202.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { buildModel, readOutputs } from '../support/fixture.ts';
import type { Notice } from '../../src/site/model.ts';

/** The day the example's last notice is dated: every notice is out. */
const PUBLISHED_ON = '2025-12-20';

type Finding = { rule_id: string; unit_id: string; period_start: string; period_end: string; observed: number; evidence_ids: string };
let notices: Notice[];
let standings: ReturnType<typeof readOutputs>['standings'];
let findings: Finding[];
const scores = (scope: string, period: string) =>
  Object.fromEntries(standings.filter((s) => s.scope_id === scope && s.period_id === period).map((s) => [s.entity_id, s.score]));
const ranks = (scope: string, period: string) =>
  Object.fromEntries(standings.filter((s) => s.scope_id === scope && s.period_id === period).map((s) => [s.entity_id, s.rank]));
const section = (noticeId: string, label: string) => notices.find((n) => n.id === noticeId)!.sections.find((s) => s.label === label)!;

describe('S6 bus service improvement', () => {
  beforeAll(async () => {
    const out = readOutputs(await buildModel(path.resolve('data/examples/s6-bus'), PUBLISHED_ON));
    notices = out.notices;
    standings = out.standings;
    findings = out.findings as Finding[];
  });

  it('ranks the lines by verified complaints each month, fewest first', () => {
    // June: L101 C01 + C02 + C06 = 3, L102 C03 = 1, L201 C04 = 1, L202 0 (C05 unverified).
    expect(scores('line-complaints', '2025-06')).toEqual({ L101: 3, L102: 1, L201: 1, L202: 0 });
    expect(ranks('line-complaints', '2025-06')).toEqual({ L202: 1, L102: 2, L201: 2, L101: 4 });
    // July: L101 C08 = 1, L102 C09 + C10 = 2, L201 C07 = 1, L202 0.
    expect(scores('line-complaints', '2025-07')).toEqual({ L101: 1, L102: 2, L201: 1, L202: 0 });
    expect(ranks('line-complaints', '2025-07')).toEqual({ L202: 1, L101: 2, L201: 2, L102: 4 });
    // Every finished month publishes a bulletin, five days after its end: May (from 5/18) … December (to 12/15).
    const monthly = notices.filter((n) => n.id.startsWith('monthly-')).map((n) => n.id);
    expect(monthly).toEqual(['2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'].map((m) => `monthly-${m}`));
    expect(notices.find((n) => n.id === 'monthly-2025-06')!.date).toBe('2025-07-05');
    expect(section('monthly-2025-06', '线路有效投诉通报').rows.map((r) => r.entity.id)).toEqual(['L202', 'L102', 'L201', 'L101']);
  });

  it('computes the trip completion rate per line and month, with the phase target and monthly findings', () => {
    // In percent. June: L101 1188/1200 = 99, L102 970/1000 = 97, L201 800/800 = 100, L202 873/900 = 97.
    expect(scores('trip-completion', '2025-06')).toEqual({ L101: 99, L102: 97, L201: 100, L202: 97 });
    // July: L101 1240/1240 = 100, L102 990/1000 = 99, L201 776/800 = 97, L202 985/1000 = 98.5.
    expect(scores('trip-completion', '2025-07')).toEqual({ L101: 100, L102: 99, L201: 97, L202: 98.5 });
    // 全面提升 (7/1–11/30) holds only July's rows; target ≥ 98: L201 97 misses it.
    const improve = standings.filter((s) => s.scope_id === 'trip-completion' && s.period_id === 'improve');
    expect(Object.fromEntries(improve.map((s) => [s.entity_id, s.target_met]))).toEqual({ L101: true, L102: true, L201: false, L202: true });
    // Months below 98: June L102 97 and L202 97, July L201 97, each with the two metric rows behind it.
    const below = findings.filter((f) => f.rule_id === 'trips-monthly').map((f) => [f.unit_id, f.period_start, f.observed, f.evidence_ids]);
    expect(below).toEqual([['L102', '2025-06-01', 97, 'T03 T04'], ['L202', '2025-06-01', 97, 'T07 T08'], ['L201', '2025-07-01', 97, 'T13 T14']]);
  });

  it('finds the line not ridden during 监督检查 and the week without a recorded patrol', () => {
    // Ride-along inspections 6/8–6/30: R01 L101, R02 L102, R03 L201; L202 only on 7/3 (R04) → 3/4 = 75% < 100%.
    const coverage = findings.filter((f) => f.rule_id === 'inspect-coverage');
    expect(coverage.map((f) => [f.unit_id, f.observed, f.evidence_ids])).toEqual([['CO', 75, 'L202']]);
    // Whole weeks inside 6/8 (a Sunday)–6/30: 6/9–6/15, 6/16–6/22, 6/23–6/29. L202 has no patrol in the second.
    const patrol = findings.filter((f) => f.rule_id === 'weekly-patrol');
    expect(patrol.map((f) => [f.unit_id, f.period_start, f.period_end, f.observed])).toEqual([['L202', '2025-06-16', '2025-06-22', 0]]);
  });

  it('adds up online votes, phone votes and the questionnaire', () => {
    // Lines: L101 420 + 130 + 92 = 642, L102 300 + 150 + 95 = 545, L201 310 + 120 + 90 = 520, L202 280 + 100 + 96 = 476.
    expect(scores('line-votes', 'annual')).toEqual({ L101: 642, L102: 545, L201: 520, L202: 476 });
    // Drivers: D11 200 + 60 + 95 = 355, D12 150 + 40 + 90 = 280, D21 180 + 50 + 92 = 322, D22 120 + 30 + 88 = 238,
    // D31 160 + 45 + 94 = 299, D32 170 + 55 + 93 = 318, D41 100 + 35 + 91 = 226, D42 90 + 20 + 89 = 199.
    expect(scores('driver-votes', 'annual')).toEqual({ D11: 355, D12: 280, D21: 322, D22: 238, D31: 299, D32: 318, D41: 226, D42: 199 });
  });

  it('vetoes the lines with the most votes that fail a pre-condition', () => {
    // Over 5/18–12/15: L101 has 5 complaints (C01, C02, C06, C08, C11) ≥ 5; L102's driver D21 had a major
    // liability accident (A01, cascaded to the line); L202 was publicly criticised (P01).
    // L201: 2 complaints (C04, C07) < 5, 2 violations (V01, V02) < 3 → best line although third by votes.
    const best = section('annual-annual', '年度优秀线路');
    expect(best.rows.map((r) => [r.entity.id, r.rank])).toEqual([['L201', 3]]);
    expect(best.ineligible.map((r) => [r.entity.id, r.reasons.map((x) => x.label)])).toEqual([
      ['L101', ['线路有效投诉5件及以上']],
      ['L102', ['发生重大责任事故']],
      ['L202', ['被公开批评']],
    ]);
  });

  it('vetoes the drivers with the most votes that fail a pre-condition', () => {
    // D11 355: 3 complaints (C01, C02, C11) ≥ 2; D21 322: accident A01; D32 318: 2 violations ≥ 2;
    // D22 238: 2 complaints (C09, C10). Eligible by votes: D31 299, D12 280 (1 complaint), D41 226 (C05
    // unverified), D42 199 (1 violation) → the two places go to D31 and D12.
    const stars = section('annual-annual', '年度星级驾驶员');
    expect(stars.rows.map((r) => [r.entity.id, r.rank])).toEqual([['D31', 4], ['D12', 5]]);
    expect(stars.ineligible.map((r) => [r.entity.id, r.reasons.map((x) => x.label)])).toEqual([
      ['D11', ['驾驶员有效投诉2件及以上']],
      ['D21', ['发生重大责任事故']],
      ['D32', ['驾驶员违规违章2宗及以上']],
      ['D22', ['驾驶员有效投诉2件及以上']],
    ]);
  });
});
