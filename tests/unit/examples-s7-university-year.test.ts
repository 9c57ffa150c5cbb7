/**
 * S7 (docs/schemes.md), data/examples/s7-university-year: 后勤服务质量提升年. Sections DIN, PRO, APT,
 * REP, ENV; the 三评 are checks of kinds student (师生评议, 12/5), peer (互评, 12/12; two sections
 * review each section) and leader (处领导评议, 12/20); total = 0.4 × student + 0.3 × peer + 0.3 × leader.
 * Data date 2025-12-20 (the last review).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildModel, readOutputs } from '../support/fixture.ts';
import type { Notice, SiteModel } from '../../src/site/model.ts';
import { readScoreParts } from '../support/score-parts.ts';

type Finding = { rule_id: string; unit_id: string; period_start: string; period_end: string; observed: number; required: string; evidence_ids: string };
let notices: Notice[];
let standings: ReturnType<typeof readOutputs>['standings'];
let findings: Finding[];
/** The day the example's last notice is dated: every notice is out. */
const PUBLISHED_ON = '2025-12-25';
type Part = { period_id: string; score_id: string; entity_id: string; rule_id: string; amount: number; source_ids: string };
let parts: Part[];
const scores = (scope: string) => Object.fromEntries(standings.filter((s) => s.scope_id === scope).map((s) => [s.entity_id, s.score]));
const section = (label: string) => notices.find((n) => n.id === 'commendation-reviews')!.sections.find((s) => s.label === label)!;

describe('S7 university support-services year', () => {
  beforeAll(async () => {
    const report = await buildModel(path.resolve('data/examples/s7-university-year'), PUBLISHED_ON);
    const out = readOutputs(report);
    notices = out.notices;
    standings = out.standings;
    findings = out.findings as Finding[];
    parts = await readScoreParts(out.exportsDir);
  });

  it('publishes the four phases with their tasks and deadlines', async () => {
    // As of the data date, not the last notice's.
    const report = await buildModel(path.resolve('data/examples/s7-university-year'));
    const site = JSON.parse(readFileSync(path.join(report.modelDir, 'site.json'), 'utf8')) as SiteModel;
    // 学习动员 4 tasks by 4/30, 组织实施 4 by 10/31, 巩固提高 1 by 11/30, 总结表彰 3 (三评 by 12/20, the rest by 12/31).
    expect(site.calendar.map((p) => [p.id, p.start, p.end, p.state, p.tasks.length])).toEqual([
      ['mobilise', '2025-04-01', '2025-04-30', 'done', 4],
      ['implement', '2025-05-01', '2025-10-31', 'done', 4],
      ['consolidate', '2025-11-01', '2025-11-30', 'done', 1],
      ['commend', '2025-12-01', '2025-12-31', 'current', 3],
    ]);
    // On the data date 12/20 the 三评 deadline (12/20) has not passed yet, nor the ceremony's (12/31).
    expect(site.calendar[3]!.tasks.map((t) => [t.due, t.duePassed])).toEqual([['2025-12-31', false], ['2025-12-20', false], ['2025-12-31', false]]);
  });

  it('weights the three reviews of each section 40 / 30 / 30', () => {
    // DIN 0.4×90 + 0.3×(88+92)/2 + 0.3×95 = 36 + 27 + 28.5 = 91.5
    // PRO 0.4×85 + 0.3×(86+90)/2 + 0.3×90 = 34 + 26.4 + 27 = 87.4
    // APT 0.4×94 + 0.3×(90+90)/2 + 0.3×88 = 37.6 + 27 + 26.4 = 91
    // REP 0.4×80 + 0.3×(84+86)/2 + 0.3×85 = 32 + 25.5 + 25.5 = 83
    // ENV 0.4×92 + 0.3×(91+93)/2 + 0.3×92 = 36.8 + 27.6 + 27.6 = 92
    const sections = scores('sections');
    const expected = { DIN: 91.5, PRO: 87.4, APT: 91, REP: 83, ENV: 92 };
    expect(Object.keys(sections).sort()).toEqual(Object.keys(expected).sort());
    for (const [id, value] of Object.entries(expected)) expect(sections[id]).toBeCloseTo(value, 6);
    // The audit trail of DIN: each review's points, and the checks behind each review (two peer reviews averaged).
    const din = (score: string) => parts.filter((p) => p.period_id === 'reviews' && p.entity_id === 'DIN' && p.score_id === score);
    expect(din('three-reviews').map((p) => [p.rule_id, p.amount, p.source_ids])).toEqual([
      ['leader', 28.5, 'score:review-leader'],
      ['peer', 27, 'score:review-peer'],
      ['student', 36, 'score:review-student'],
    ]);
    expect(din('review-peer').map((p) => [p.amount, p.source_ids])).toEqual([[90, 'K06 K07']]);
  });

  it('weights the three reviews of each person 40 / 30 / 30', () => {
    // T03 36.8 + 27 + 28.2 = 92; T04 35.2 + 27.6 + 27 = 89.8; T06 38 + 27.9 + 28.8 = 94.7;
    // T09 36 + 25.5 + 26.4 = 87.9; T12 37.2 + 28.2 + 27.6 = 93; T15 36.4 + 26.7 + 27 = 90.1.
    // Staff without reviews (T01 …) have no total and are not ranked.
    const staff = scores('staff');
    const expected = { T03: 92, T04: 89.8, T06: 94.7, T09: 87.9, T12: 93, T15: 90.1 };
    expect(Object.keys(staff).sort()).toEqual(Object.keys(expected).sort());
    for (const [id, value] of Object.entries(expected)) expect(staff[id]).toBeCloseTo(value, 6);
  });

  it('chooses two advanced collectives among the four nominated sections', () => {
    // Nominated DIN 91.5, PRO 87.4, APT 91, ENV 92 (REP 83 is ranked, not nominated) → ENV, DIN.
    const collective = section('先进集体');
    expect(collective.rows.map((r) => [r.entity.id, r.rank])).toEqual([['ENV', 1], ['DIN', 2]]);
    expect(findings.filter((f) => f.rule_id === 'advanced-collective')).toEqual([]);
  });

  it('chooses advanced individuals among the nominated staff and reports a list with no more candidates than places', () => {
    // Nominated T03, T04, T06, T09, T12. T06 (94.7, first) withdrew on 12/3; an objection to T12 (93) was
    // upheld on 12/18: listed as ineligible. T15 (90.1) was not nominated. Eligible: T03 92, T04 89.8,
    // T09 87.9 — three for three places, so all win, and the 差额 rule (candidates > places) is not met.
    const individual = section('先进个人');
    expect(individual.rows.map((r) => [r.entity.id, r.rank])).toEqual([['T03', 3], ['T04', 5], ['T09', 6]]);
    expect(individual.ineligible.map((r) => r.entity.id)).toEqual(['T12']);
    const competitive = findings.filter((f) => f.rule_id === 'advanced-individual');
    expect(competitive.map((f) => [f.unit_id, f.period_start, f.period_end, f.observed, f.required, f.evidence_ids])).toEqual([
      ['HQ', '2025-12-01', '2025-12-20', 3, '> 3', 'T03 T04 T09'],
    ]);
    // Published five days after the review window: 12/25, before the 表彰大会 on 12/31.
    expect(notices.find((n) => n.id === 'commendation-reviews')!.date).toBe('2025-12-25');
  });
});
