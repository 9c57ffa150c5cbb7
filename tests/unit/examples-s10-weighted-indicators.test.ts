/**
 * The S10 example (data/examples/s10-weighted-indicators): K's nine weighted indicators capped at
 * 1.2 × weight with −1 per major responsible complaint, and G's 100-point assessment with one
 * sub-branch exempt from the 6S rollout. Every expectation is worked out by hand below.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { buildModel, readOutputs } from '../support/fixture.ts';
import { message } from '../../src/site/i18n/index.ts';
import type { MethodologySection } from '../../src/site/model.ts';

/** The day the example's last notice is dated: every notice is out. */
const PUBLISHED_ON = '2025-04-10';

type Outputs = ReturnType<typeof readOutputs>;
const scoresOf = (out: Outputs, ranking: string, period: string) =>
  Object.fromEntries(out.standings.filter((s) => s.scope_id === ranking && s.period_id === period).map((s) => [s.entity_id, s.score]));

describe('S10 weighted indicators example', () => {
  let out: Outputs;
  let methodology: MethodologySection[];
  beforeAll(async () => {
    const report = await buildModel(path.resolve('data/examples/s10-weighted-indicators'), PUBLISHED_ON);
    out = readOutputs(report);
    methodology = report.site.methodology;
  });

  it('scores K: nine indicators, 1.2 × weight caps and −1 per major responsible complaint', () => {
    // mystery (20): SB1 checks 92, 88, 95, 85 → mean 90 → 90/100×20 = 18 (docs/schemes.md K); SB2 80 → 16; SB3 100 → 20.
    // satisfaction (20): 95/100×20 = 19; 90 → 18; 85 → 17.
    // vip (10, bank-wide 25 recorded for the branch): SB1 30/25×10×0.8 = 9.6 (K);
    //   SB2 50/25×10×0.8 = 16 → capped at 1.2×10 = 12 (K); SB3 20/25×10×0.8 = 6.4.
    // deposits (two-part, peers = means 200 and 20): SB1 (100/200 + 10/20)×10×0.8×0.5 = 4;
    //   SB2 (1 + 1)×4 = 8; SB3 (1.5 + 1.5)×4 = 12, exactly the cap.
    // loans (peer = sum 100): 40/100×8 = 3.2; 30/100×8 = 2.4; 2.4.
    // customers (peer = mean 10): 12/10×8 = 9.6; 9/10×8 = 7.2; 7.2.
    // self-check (5): 100 → 5; 90 → 4.5; 80 → 4.   training (5): 80 → 4; 100 → 5; 90 → 4.5.
    // ebank (10, bank-wide 50): 60/50×8 = 9.6; 50/50×8 = 8; 40/50×8 = 6.4.
    // complaints: SB1 2 → −2; SB2 0; SB3 3 → −3.
    // SB1 18+19+9.6+4+3.2+9.6+5+4+9.6−2 = 80; SB2 16+18+12+8+2.4+7.2+4.5+5+8 = 81.1;
    // SB3 20+17+6.4+12+2.4+7.2+4+4.5+6.4−3 = 76.9.
    const k = scoresOf(out, 'k', '2025-Q1');
    expect(Object.keys(k).sort()).toEqual(['SB1', 'SB2', 'SB3']);
    expect(k.SB1).toBeCloseTo(80, 6);
    expect(k.SB2).toBeCloseTo(81.1, 6);
    expect(k.SB3).toBeCloseTo(76.9, 6);
  });

  it('scores G on 100 points and rescales the 6S-exempt sub-branch', () => {
    // SB1: lobby 10 + managers 9 + 6S 8 + mystery 18 + complaint reduction 20 + teller satisfaction 19
    //   + self-check 10 = 94, − 2 complaints = 92.
    // SB2: 8 + 10 + 10 + 16 + 18 + 18 + 9 = 89.
    // SB3 is exempt from 6S (weight 10): 9 + 9 + 20 + 16 + 17 + 8 = 79 of 90 weighted points,
    //   rescaled to 100: 79 × 100/90 = 87.777778, − 3 complaints = 84.777778.
    const g = scoresOf(out, 'g', '2025-Q1');
    expect(g.SB1).toBeCloseTo(92, 6);
    expect(g.SB2).toBeCloseTo(89, 6);
    expect(g.SB3).toBeCloseTo(84.777778, 6);
  });

  it('shows each indicator’s points on the sub-branch’s page, in the config’s order, the cap’s cut beside its indicator', () => {
    // SB2 (see above): mystery 16, satisfaction 18, VIP 16 cut by the cap to 12 (a −4 line), deposits 8,
    // loans 2.4, customers 7.2, self-check 4.5, training 5, e-banking 8, no complaint: they add up to 81.1.
    const [q1] = out.entity('units', 'SB2').histories.find((h) => h.scoreId === 'k-total')!.parts;
    expect(q1!.periodId).toBe('2025-Q1');
    const lines = q1!.lines.map((line) => [line.label, Math.round(line.points * 1e6) / 1e6]);
    expect(lines).toEqual([
      ['神秘人检查', 16],
      ['客户满意度', 18],
      ['VIP客户增量', 16],
      ['VIP客户增量（封顶调整）', -4],
      ['储蓄存款', 8],
      ['个人贷款', 2.4],
      ['新增有效客户', 7.2],
      ['自查', 4.5],
      ['培训考核', 5],
      ['电子银行替代率', 8],
      ['重大有责投诉', 0],
    ]);
    expect(q1!.lines.reduce((sum, line) => sum + line.points, 0)).toBeCloseTo(81.1, 6);
  });

  it('rolls the sub-branch totals up to the branch by mean and by the barrel rule', () => {
    // Mean: (80 + 81.1 + 76.9) / 3 = 238 / 3 = 79.333333. Barrel (min): 76.9.
    expect(scoresOf(out, 'branch-mean', '2025-Q1').QD).toBeCloseTo(79.333333, 6);
    expect(scoresOf(out, 'branch-barrel', '2025-Q1').QD).toBeCloseTo(76.9, 6);
  });

  it('keeps two major complaints eligible for honours and rules three out; any one vetoes 争先创优', () => {
    // K: SB2 81.1, SB1 80, SB3 76.9. Complaints: SB1 2, SB2 0, SB3 3.
    // 争先创优 (1 place, any complaint vetoes): SB2. 评优评先 (2 places, ≥ 3 rules out): SB2 and SB1;
    // SB3 is out with 3, SB1's two cost it −2 but not its eligibility.
    const notice = out.notices.find((n) => n.id === 'results-2025-Q1')!;
    const section = (id: string) => notice.sections.find((s) => s.label === id)!;
    expect(section('争先创优先进支行').rows.map((r) => r.entity.id)).toEqual(['SB2']);
    expect(section('争先创优先进支行').ineligible.map((r) => r.entity.id)).toEqual(['SB1', 'SB3']);
    expect(section('评优评先').rows.map((r) => r.entity.id)).toEqual(['SB2', 'SB1']);
    expect(section('评优评先').ineligible.map((r) => [r.entity.id, r.reasons.map((reason) => reason.label)])).toEqual([['SB3', ['重大有责投诉或负面报道3次及以上']]]);
  });

  it('states the exemption and the deduction in words on the methodology page, the unit by its name', () => {
    const sentences = (locale: 'zh-CN' | 'en') => methodology.flatMap((section) => section.items.map((i) => message(locale, i.key, i.values)));
    expect(sentences('zh-CN')).toContain('崂山支行免考6S推广（权重10分），其余加权指标得分按满分100分折算。');
    expect(sentences('en')).toContain('崂山支行 is exempt from 6S推广 (weight 10); their other weighted indicators are scaled up to the full 100 points.');
    // One point, not "1 points".
    expect(sentences('en')).toContain('重大有责投诉: deduct 1 point for each 重大有责投诉; this item has no cap.');
  });
});
