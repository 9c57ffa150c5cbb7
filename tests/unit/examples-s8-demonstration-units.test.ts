/**
 * S8 (docs/schemes.md), data/examples/s8-demonstration-units: 百佳 and 千佳 per region.
 * Acceptance scores: U1 96 (east), U2 94 (east), U3 95 (west), U4 93 (east), U5 92 (west, opened
 * 2024-05-01, approved by 银协〔2025〕7号), U6 91 (west, trust), U7 97 (east) and U8 98 (west) under
 * 丙银行, terminated, U9 90 (west, self-service only), U10 89 (west), U11 88 (west).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { buildModel, readOutputs } from '../support/fixture.ts';
import type { Notice } from '../../src/site/model.ts';

/** The day the example's last notice is dated: every notice is out. */
const PUBLISHED_ON = '2026-01-10';

let notice: Notice;
let findings: { rule_id: string; observed: number; required: string }[];
let notes: string[];
const section = (label: string) => notice.sections.find((s) => s.label === label)!;
const rows = (label: string) => section(label).rows.map((r) => [r.group, r.entity.id]);

describe('S8 demonstration units', () => {
  beforeAll(async () => {
    const report = await buildModel(path.resolve('data/examples/s8-demonstration-units'), PUBLISHED_ON);
    const out = readOutputs(report);
    notice = out.notices.find((n) => n.id === 'announcement-cycle')!;
    findings = out.findings as typeof findings;
    notes = report.notes;
  });

  it('names one 百佳 per region from the eligible branches', () => {
    // East eligible: U1 96, U2 94, U4 93 → U1. West eligible: U3 95, U5 92 (approved), U10 89, U11 88 → U3.
    expect(rows('百佳示范单位')).toEqual([['east', 'U1'], ['west', 'U3']]);
  });

  it('names 千佳 from the branches that are not 百佳, with the approval shown', () => {
    // East: U2, U4 (2 places). West: U5 92, U10 89 (2 places; U11 88 not placed).
    expect(rows('千佳示范单位')).toEqual([['east', 'U2'], ['east', 'U4'], ['west', 'U5'], ['west', 'U10']]);
    expect(section('千佳示范单位').rows.find((r) => r.entity.id === 'U5')!.approvals).toEqual([{ rule: '开业须满2年', reference: '银协〔2025〕7号' }]);
  });

  it('publishes the removed branches with the reason, their scores still ranked', () => {
    // Listed by region (east, then west), then by rank.
    expect(section('百佳示范单位').ineligible.map((r) => [r.entity.id, r.score, r.reasons.map((x) => [x.label, x.via])])).toEqual([
      ['U7', 97, [['所属单位被终止参与资格', '丙银行']]],
      ['U8', 98, [['所属单位被终止参与资格', '丙银行']]],
      ['U6', 91, [['信托、租赁、财务公司不参评', null]]],
      ['U9', 90, [['须为综合性支行（含网点）或单一网点', null]]],
    ]);
    expect(section('参评机构验收得分').rows.map((r) => r.entity.id).slice(0, 2)).toEqual(['U8', 'U7']);
  });

  it('finds a 千佳 list whose candidates do not outnumber its places (差额评选)', () => {
    // East 千佳: U2 and U4 are the only eligible non-百佳 candidates for 2 places → 2 ≤ 2.
    // West 千佳: U5, U10, U11 → 3 > 2, fine. 百佳: 3 > 1 east, 4 > 1 west.
    expect(findings.map((f) => [f.rule_id, f.observed, f.required])).toEqual([['thousand-best', 2, '> 2']]);
  });

  it('stays under the soft cap of 1000: no warning', () => {
    // 2 百佳 + 4 千佳 = 6 ≤ 1000.
    expect(notes.filter((n) => n.startsWith('soft cap'))).toEqual([]);
  });
});
