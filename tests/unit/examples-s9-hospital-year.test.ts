/**
 * data/examples/s9-hospital-year (docs/schemes.md S9) through the public interface. Every figure is
 * worked out by hand from metrics.csv, events.csv and nominations.csv in the comments.
 *
 * Windows, per month of Q2 and Q4 (served / rated / satisfied):
 *   W1 billing   Apr 1000/950/900, May 1200/1104/1050 (the docs/schemes.md example), Jun 1100/1000/960
 *   W2 billing   800/760/740 each month; a verified complaint on 05-12
 *   W3 pharmacy  1000/850/840 each month
 *   W4 lab       500/480/440 each month
 * Q4 repeats Q2's figures month by month.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Notice, SiteModel } from '../../src/site/model.ts';
import { buildModel, readOutputs } from '../support/fixture.ts';

/** The day the example's last notice is dated: every notice is out. */
const PUBLISHED_ON = '2026-01-07';

const EXAMPLE = path.resolve('data/examples/s9-hospital-year');

type Outputs = ReturnType<typeof readOutputs>;
let out: Outputs;
let findings: Finding[];
beforeAll(async () => {
  const report = await buildModel(EXAMPLE, PUBLISHED_ON);
  out = readOutputs(report);
  findings = JSON.parse(readFileSync(path.join(report.modelDir, 'findings.json'), 'utf8')) as Finding[];
});

const scores = (ranking: string, period: string) =>
  Object.fromEntries(out.standings.filter((s) => s.scope_id === ranking && s.period_id === period).map((s) => [s.entity_id, s.score]));
const notice = (id: string): Notice => out.notices.find((n) => n.id === id)!;
const winners = (noticeId: string, label: string) => notice(noticeId).sections.find((s) => s.label === label)!.rows.map((r) => r.entity.id);
const ineligible = (noticeId: string, label: string) =>
  notice(noticeId)
    .sections.find((s) => s.label === label)!
    .ineligible.map((r) => [r.entity.id, r.reasons.map((reason) => reason.label)]);

describe('S9 window rates', () => {
  it('computes the docs/schemes.md example: 1104 of 1200 rated (92.0%), 1050 of 1104 satisfied (95.1%)', () => {
    // 1104 / 1200 × 100 = 92; 1050 / 1104 × 100 = 95.108696 (six decimals kept, 95.1 shown).
    expect(scores('windows-eval-rate', '2025-05').W1).toBe(92);
    expect(scores('windows-satisfaction', '2025-05').W1).toBe(95.108696);
  });

  it('takes a quarter’s rate over its summed counts, not the mean of monthly rates', () => {
    // W1 Q2: rated 950 + 1104 + 1000 = 3054 of served 1000 + 1200 + 1100 = 3300 → 92.545455;
    // satisfied 900 + 1050 + 960 = 2910 of 3054 → 95.284872.
    expect(scores('windows-eval-rate', '2025-Q2')).toEqual({ W1: 92.545455, W2: 95, W3: 85, W4: 96 });
    // W2 740/760 = 97.368421; W3 840/850 = 98.823529; W4 440/480 = 91.666667.
    expect(scores('windows-satisfaction', '2025-Q2')).toEqual({ W1: 95.284872, W2: 97.368421, W3: 98.823529, W4: 91.666667 });
  });

  it('finds each month a window’s evaluation rate is below 90%: W3 at 85% in all six months', () => {
    const misses = findings.filter((f) => f.ruleId === 'eval-rate-monthly').map((f) => [f.entity.id, f.periodStart]);
    expect(misses).toEqual(['04', '05', '06', '10', '11', '12'].map((m) => ['W3', `2025-${m}-01`]));
    expect(findings.filter((f) => f.ruleId === 'satisfaction-monthly')).toEqual([]);
  });
});

describe('S9 quarterly best windows: one per window type, eligibility before satisfaction', () => {
  it('Q2: W3 has the best satisfaction but rates below 90%, W2 had a verified complaint', () => {
    // billing: W2 97.37 is out (complaint E01), so W1 95.28; pharmacy: W3 is out (85% rated);
    // lab: W4 91.67 (≥ 90 on both rates, no complaint).
    expect(winners('quarterly-2025-Q2', '季度最佳服务窗口（流动红旗）')).toEqual(['W1', 'W4']);
    expect(ineligible('quarterly-2025-Q2', '季度最佳服务窗口（流动红旗）')).toEqual([
      ['W2', ['有有效投诉']],
      ['W3', ['评价率低于90%']],
    ]);
  });

  it('Q4: the complaint was in Q2, so W2 wins billing again ahead of W1', () => {
    expect(winners('quarterly-2025-Q4', '季度最佳服务窗口（流动红旗）')).toEqual(['W2', 'W4']);
    const section = notice('quarterly-2025-Q4').sections.find((s) => s.label === '季度最佳服务窗口（流动红旗）')!;
    expect(section.amount).toBe(1000);
  });
});

describe('S9 service stars: rubric, nominations, objections and disqualifications', () => {
  it('scores the 10 × 10 rubric, capping an item at its maximum', () => {
    // Q2: N01 8 × 10 + 8 + 10 = 98; N02 10 × 9 = 90; N03 item 1 entered as 12 counts 10 → 100;
    // N05 9 × 9 + 10 = 91; N06 10 × 8 = 80; N07 100.
    expect(scores('star-scores', '2025-Q2')).toEqual({ N01: 98, N02: 90, N03: 100, N05: 91, N06: 80, N07: 100 });
    // 廉洁行医 4 × 10 + 4 × 15: N05 10+10+9+10 + 15+14+15+15 = 98; N06's 16 on a 15-point item counts 15 → 100.
    expect(scores('integrity-scores', '2025-Q2')).toEqual({ N05: 98, N06: 100 });
  });

  it('removes the 250元 careless damage whatever the score, and an upheld objection during the notice', () => {
    // N07 scored 100 but damaged property worth 250元 (≥ 200, docs/schemes.md S9); N02's nomination
    // drew an objection that was upheld (P07). Loss E03 of 1500元 (< 2000) does not remove N05.
    expect(winners('quarterly-2025-Q2', '季度文明服务标兵')).toEqual(['N03', 'N01', 'N05', 'N06']);
    expect(ineligible('quarterly-2025-Q2', '季度文明服务标兵')).toEqual([
      ['N07', ['损坏财物200元以上']],
      ['N02', [null]],
    ]);
    expect(winners('quarterly-2025-Q2', '季度廉洁行医标兵')).toEqual(['N06']);
  });

  it('makes a star twice in the year an advanced worker', () => {
    // Q4 stars: N01 100, N03 90, N04 90. Twice: N01 and N03 (Q2 and Q4); N04, N05, N06 once.
    expect(winners('quarterly-2025-Q4', '季度文明服务标兵')).toEqual(['N01', 'N03', 'N04']);
    expect(winners('annual-y2025', '年度先进工作者')).toEqual(['N01', 'N03']);
    // N07 (赵强) ranks first of the year at 100 but was never a quarterly star (Q2: ruled out for
    // damage of 200元 or more; Q4: N01, N03, N04): the notice names him with the rule in words
    // instead of leaving rank 1 out.
    expect(ineligible('annual-y2025', '年度先进工作者')).toEqual([['N07', ['未满足评选条件：获评「季度文明服务标兵」≥ 2 次']]]);
  });

  it('publishes each department’s monthly pick', () => {
    expect(winners('monthly-stars-2025-05', '科室服务标兵')).toEqual(['N01', 'N05']);
    expect(winners('monthly-stars-2025-11', '科室服务标兵')).toEqual(['N03']);
  });
});

describe('S9 phase calendar', () => {
  it('lays out the four phases with their tasks, all done on the data date 2025-12-31', async () => {
    // As of the data date, not the last notice's.
    const site = JSON.parse(readFileSync(path.join((await buildModel(EXAMPLE)).modelDir, 'site.json'), 'utf8')) as SiteModel;
    expect(site.calendar.map((p) => [p.id, p.start, p.end, p.state])).toEqual([
      ['mobilise', '2025-02-20', '2025-03-10', 'done'],
      ['implement', '2025-03-11', '2025-11-30', 'done'],
      ['improve', '2025-12-01', '2025-12-20', 'done'],
      ['commend', '2025-12-21', '2025-12-31', 'current'],
    ]);
    expect(site.calendar[1]!.tasks).toEqual([{ label: '各科室制定并公开服务承诺', due: '2025-03-31', duePassed: true }]);
    // The last task is due on the data date itself: not yet passed.
    expect(site.calendar[3]!.tasks).toEqual([{ label: '表彰先进集体和先进个人', due: '2025-12-31', duePassed: false }]);
  });
});
