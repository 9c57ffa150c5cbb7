/**
 * S5 (docs/schemes.md), data/examples/s5-staged-fines: staged targets with fines by formula.
 * Quarterly checks (Q1–Q4) of six outlets; a phase takes the mean of the checks inside it:
 *   A 89.5 96 97 99 → p1 89.5, p2 96, p3 (97+99)/2 = 98
 *   B 93 97 98 99   → p1 93,   p2 97, p3 98.5
 *   C 98 98.5 99 99.5 → p1 98, p2 98.5, p3 99.25
 *   D 91 94 96 96   → p1 91,   p2 94, p3 96
 *   E 92 95 97.5 97.1 → p1 92, p2 95, p3 97.3
 *   F 95 99 99 98   → p1 95,   p2 99, p3 98.5
 * Districts: D1 = A, B, C; D2 = D, E, F. Targets p1 ≥ 92, p2 ≥ 95, p3 ≥ 98.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { buildModel, readOutputs } from '../support/fixture.ts';
import { FineExportRow, FineTotalExportRow } from '../../src/pipeline/export-schemas.ts';
import type { MethodologySection, Notice } from '../../src/site/model.ts';

/** The day the example's last notice is dated: every notice is out. */
const PUBLISHED_ON = '2026-01-05';

let notices: Notice[];
let methodology: MethodologySection[];
let out: ReturnType<typeof readOutputs>;
const exported = (file: string): unknown => JSON.parse(readFileSync(path.join(out.exportsDir, file), 'utf8'));
const section = (noticeId: string, label: string) => notices.find((n) => n.id === noticeId)!.sections.find((s) => s.label === label)!;
const amounts = (noticeId: string, label: string) => {
  const s = section(noticeId, label);
  return Object.fromEntries(s.rows.map((r) => [r.entity.id, r.amount ?? s.amount]));
};

describe('S5 staged-target fines and rewards', () => {
  beforeAll(async () => {
    const report = await buildModel(path.resolve('data/examples/s5-staged-fines'), PUBLISHED_ON);
    out = readOutputs(report);
    notices = out.notices;
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

  it('counts penalty work orders with an event_tally', () => {
    // W1, W2 → D 2; W3 → E 1; the others 0 over the year, and 0 is what the reward asks for.
    const year = Object.fromEntries(out.standings.filter((s) => s.scope_id === 'work-orders' && s.period_id === 'y2025').map((s) => [s.entity_id, s.score]));
    expect(year).toEqual({ A: 0, B: 0, C: 0, D: 2, E: 1, F: 0 });
  });

  describe('per-event fines', () => {
    const fines = () => Object.fromEntries(FineExportRow.array().parse(exported('fines.json')).map((f) => [f.event_id, [f.amount, f.multiplier]]));

    it('fines each conduct breach 100元, double for the same problem again in a quarter', () => {
      // 张敏 (SA), problem DRESS: G1 Feb (Q1, first) 100; G2 Mar (Q1, repeat) 100 × 2 = 200;
      // G3 Apr (Q2, first again) 100. Outlet B, G4: 100 (no problem code, never a repeat).
      expect(fines()).toMatchObject({ G1: [100, 1], G2: [200, 2], G3: [100, 1], G4: [100, 1] });
    });

    it('fines a justified complaint its own 200–500元, double on a repeat or a priority item, not both at once', () => {
      // Outlet D, problem WAIT: C1 Jun (Q2, first) 300; C2 Jun (Q2, repeat) 400 × 2 = 800;
      // C3 Aug (Q3, first) priority 250 × 2 = 500; C4 Sep (Q3, repeat) and priority: max(2, 2) = 2 →
      // 200 × 2 = 400 (a product would have made it × 4 = 800).
      expect(fines()).toMatchObject({ C1: [300, 1], C2: [800, 2], C3: [500, 2], C4: [400, 2] });
      // C5 is not verified (not justified), C6 was cancelled on appeal AP1 (upheld): no fine.
      expect(Object.keys(fines())).not.toContain('C5');
      expect(Object.keys(fines())).not.toContain('C6');
    });

    it('fines a media exposure its own 1000–10000元', () => {
      expect(fines()).toMatchObject({ M1: [5000, 1] });
    });

    it('fines the on-site software check 200元 per point, 500元 per point on a repeat in the phase', () => {
      // Outlet F, problem SW-QUEUE: S1 Apr 20 (p1, first) 1.5 × 200 = 300; S2 Apr 28 (p1, repeat) 2 × 500 = 1000;
      // S3 Jun 10 (p2, first again) 1 × 200 = 200.
      expect(fines()).toMatchObject({ S1: [300, 1], S2: [1000, 1], S3: [200, 1] });
      // The repeat changes the rate only (no repeat multiplier): F's on-site score in p1 is
      // 100 − 1.5 − 2 = 96.5, in p2 100 − 1 = 99.
      const onsite = out.entity('units', 'F').histories.find((h) => h.scoreId === 'onsite')!;
      expect(Object.fromEntries(onsite.points.map((p) => [p.periodId, p.score]))).toMatchObject({ p1: 96.5, p2: 99 });
    });

    it('totals the fines per phase and year, and leaves fine-only events out of every score', () => {
      const totals = FineTotalExportRow.array().parse(exported('fine_totals.json'));
      const of = (period: string) => Object.fromEntries(totals.filter((t) => t.period_id === period).map((t) => [t.entity_id, t.amount]));
      // p1 (Jan–Apr): SA 100 + 200 + 100 = 400; F 300 + 1000 = 1300.
      expect(of('p1')).toEqual({ SA: 400, F: 1300 });
      // p2 (May–Aug): B 100; D 300 + 800 + 500 = 1600; F 200.
      expect(of('p2')).toEqual({ B: 100, D: 1600, F: 200 });
      // p3 (Sep–Dec): D 400; E 5000.
      expect(of('p3')).toEqual({ D: 400, E: 5000 });
      // Year: D 1600 + 400 = 2000.
      expect(of('y2025').D).toBe(2000);
      // D's fines are listed on its page; no posting comes from them.
      const d = out.entity('units', 'D');
      expect(d.fines!.lines.map((f) => [f.eventId, f.amount])).toEqual([
        ['C4', 400],
        ['C3', 500],
        ['C2', 800],
        ['C1', 300],
      ]);
      expect(d.postings.filter((p) => p.sourceId.startsWith('C'))).toEqual([]);
      // The cancelled complaint is on A's page with its appeal.
      expect(out.entity('units', 'A').ignoredEvents.map((e) => [e.eventId, e.appeal?.decision])).toEqual([['C6', 'upheld']]);
    });
  });

  it('prints every formula, band and standard on the methodology page', () => {
    const items = methodology.flatMap((s) => s.items);
    expect(items).toContainEqual({ key: 'method.award.formula', values: { award: '第一阶段未达标罚款', expression: '1,000元，另得分低于目标值时，每低1分200元' } });
    expect(items).toContainEqual({ key: 'method.award.case', values: { award: '第三阶段倒数罚款', when: '倒数前100名且得分低于98分', amount: '2,000元，另得分低于98分时，每低1分200元' } });
    expect(items).toContainEqual({ key: 'method.award.reached', values: { award: '提前达标奖', op: '≥', value: 98 } });
    expect(items).toContainEqual({ key: 'method.award.floorAtZero', values: { award: '第三阶段倒数罚款' } });
    expect(items).toContainEqual({ key: 'method.fineOnly', values: { type: '违反服务规范行为' } });
    expect(items).toContainEqual({ key: 'method.fine.range', values: { type: '媒体曝光', min: 1000, max: 10000 } });
    expect(items).toContainEqual({ key: 'method.event.combine.max', values: { type: '有效投诉' } });
    expect(items).toContainEqual({ key: 'method.fine.perPoint.repeat', values: { type: '现场检查软件扣分', rate: 200, repeatRate: 500 } });
  });
});
