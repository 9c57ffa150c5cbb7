/**
 * S5 (SCHEMES.md), data/examples/s5-staged-fines: staged targets with fines by formula.
 * Quarterly checks (Q1–Q4) of six outlets; a phase takes the mean of the checks inside it:
 *   A 89.5 96 97 99 → p1 89.5, p2 96, p3 (97+99)/2 = 98
 *   B 93 97 98 99   → p1 93,   p2 97, p3 98.5
 *   C 98 98.5 99 99.5 → p1 98, p2 98.5, p3 99.25
 *   D 91 94 96 96   → p1 91,   p2 94, p3 96
 *   E 92 95 97.5 97.1 → p1 92, p2 95, p3 97.3
 *   F 95 99 99 98   → p1 95,   p2 99, p3 98.5
 * Districts: D1 = A, B, C; D2 = D, E, F. Targets p1 ≥ 92, p2 ≥ 95, p3 ≥ 98.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { buildModel, readOutputs } from '../support/fixture.ts';
import type { MethodologySection, Notice } from '../../src/site/model.ts';

let notices: Notice[];
let methodology: MethodologySection[];
const section = (noticeId: string, label: string) => notices.find((n) => n.id === noticeId)!.sections.find((s) => s.label === label)!;
const amounts = (noticeId: string, label: string) => {
  const s = section(noticeId, label);
  return Object.fromEntries(s.rows.map((r) => [r.entity.id, r.amount ?? s.amount]));
};

describe('S5 staged-target fines and rewards', () => {
  beforeAll(async () => {
    const report = await buildModel(path.resolve('data/examples/s5-staged-fines'));
    notices = readOutputs(report).notices;
    methodology = report.site.methodology;
  });

  it('fines a phase 1–2 shortfall 1000 + (target − score) × 200', () => {
    // A: 1000 + (92 − 89.5) × 200 = 1500 (the worked example); D: 1000 + (92 − 91) × 200 = 1200.
    expect(amounts('phase-p1', '第一阶段未达标罚款')).toEqual({ A: 1500, D: 1200 });
    // Phase 2: A scores 96 ≥ 95 → no fine (worked example: 0); D: 1000 + (95 − 94) × 200 = 1200.
    expect(amounts('phase-p2', '第二阶段未达标罚款')).toEqual({ D: 1200 });
  });

  it('fines phase 3 by bottom-rank band, never below zero per point', () => {
    // From the bottom: D 96 (1), E 97.3 (2), A 98 (3) … all in the bottom 100.
    // D: 2000 + (98 − 96) × 200 = 2400; E: 2000 + (98 − 97.3) × 200 = 2140; A at 98 is not < 98.
    expect(amounts('phase-p3', '第三阶段倒数罚款')).toEqual({ D: 2400, E: 2140 });
  });

  it('fines the district bottom two 500 / 300 plus 200 per point short of the phase target', () => {
    // p1: D1 last A 500 + 2.5×200 = 1000, second-last B 300 + 0 = 300; D2 last D 500 + 1×200 = 700, E 300.
    expect(amounts('phase-p1', '地区倒数两名')).toEqual({ A: 1000, B: 300, D: 700, E: 300 });
    // p2: A 96 ≥ 95 → 500; B 300; D 500 + 1×200 = 700; E 95 → 300.
    expect(amounts('phase-p2', '地区倒数两名')).toEqual({ A: 500, B: 300, D: 700, E: 300 });
    // p3: A 98 → 500; B 300; D 500 + 2×200 = 900; E 300 + 0.7×200 = 440.
    expect(amounts('phase-p3', '地区倒数两名')).toEqual({ A: 500, B: 300, D: 900, E: 440 });
    expect(section('phase-p3', '地区倒数两名').amountVaries).toBe(true);
  });

  it('rewards target met and district top two with 500 each', () => {
    // p1: D1 C 98, B 93 (≥ 92); D2 F 95, E 92 (≥ 92, inclusive). p3: E 97.3 < 98 is out, D2 gives F only.
    expect(Object.keys(amounts('phase-p1', '达标且地区前两名')).sort()).toEqual(['B', 'C', 'E', 'F']);
    expect(Object.keys(amounts('phase-p3', '达标且地区前两名')).sort()).toEqual(['B', 'C', 'F']);
    expect(section('phase-p3', '达标且地区前两名').amount).toBe(500);
  });

  it('rewards Q4 ≥ 98 with 300 per quarter earlier that 98 was first reached', () => {
    // B first ≥ 98 in Q3 → 1 quarter → 300; C in Q1 → 3 → 900; F in Q2 (99) → 2 → 600;
    // A first reaches it in Q4 itself → 0 quarters → not listed; D 96 and E 97.1 are below 98.
    expect(amounts('q4-2025-Q4', '提前达标奖')).toEqual({ B: 300, C: 900, F: 600 });
  });

  it('rewards a year without a penalty work order with 500', () => {
    // Work orders: D 2, E 1; A, B, C and F have none.
    expect(amounts('year-y2025', '全年无考核工单奖')).toEqual({ A: 500, B: 500, C: 500, F: 500 });
  });

  it('prints every formula, band and standard on the methodology page', () => {
    const items = methodology.flatMap((s) => s.items);
    expect(items).toContainEqual({ key: 'method.award.formula', values: { award: '第一阶段未达标罚款', expression: '1000 + (target - score) * 200' } });
    expect(items).toContainEqual({ key: 'method.award.case', values: { award: '第三阶段倒数罚款', when: 'rank_from_bottom <= 100 AND score < 98', amount: '2000 + greatest(98 - score, 0) * 200' } });
    expect(items).toContainEqual({ key: 'method.award.reached', values: { award: '提前达标奖', op: '≥', value: 98 } });
    expect(items).toContainEqual({ key: 'method.award.floorAtZero', values: { award: '第三阶段倒数罚款' } });
  });
});
