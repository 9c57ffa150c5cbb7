/**
 * The general compliance kinds (coverage, recheck, signoff, score_threshold): their edge cases
 * as pure functions over rows, a ledger score through a build, config errors, and their words.
 */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCoverage, type CoverageUnit } from '../../src/rules/coverage/check.ts';
import { checkRecheck, type RecheckUnit } from '../../src/rules/recheck/check.ts';
import { checkSignoff, type SignoffCheck } from '../../src/rules/signoff/check.ts';
import { checkScoreThreshold } from '../../src/rules/score-threshold/check.ts';
import type { CheckRecord, Labels } from '../../src/rules/finding.ts';
import { readCompetition } from '../../src/config/read.ts';
import { ComplianceRule, LOCALES } from '../../src/config/schema.ts';
import { describeMethodology } from '../../src/site/methodology.ts';
import { message } from '../../src/site/i18n/index.ts';
import type { Finding } from '../../src/site/model.ts';
import { buildModel, editFile, FIXTURES, refusal, tempDir } from '../support/fixture.ts';

const labels: Labels = { level: (id) => `L:${id}`, period: (id) => `P:${id}`, checkKind: (id) => `K:${id}`, eventType: (id) => `E:${id}`, metric: (id) => `M:${id}` };
const quarter = { id: '2025-Q1', start: '2025-01-01', end: '2025-03-31' };

function rule<K extends ComplianceRule['kind']>(kind: K, fields: Record<string, unknown>): Extract<ComplianceRule, { kind: K }> {
  const parsed = ComplianceRule.parse({ id: `r-${kind}`, label: kind, kind, ...fields });
  if (parsed.kind !== kind) throw new Error('fixture rule has the wrong kind');
  return parsed as Extract<ComplianceRule, { kind: K }>;
}

/** `total` outlets of one group, the first `covered` of them with a mystery check. */
const outlets = (covered: number, total: number, group = 'B'): CoverageUnit[] =>
  Array.from({ length: total }, (_, i) => ({
    group_id: group,
    unit_id: `${group}-O${String(i + 1).padStart(3, '0')}`,
    name: `outlet ${i + 1}`,
    records: i < covered ? [{ table: 'checks' as const, id: `${group}-C${i + 1}`, date: '2025-02-01', kind: 'mystery' }] : [],
  }));

describe('coverage (S4: ≥ 60% of outlets a quarter)', () => {
  const sixty = rule('coverage', { level: 'outlet', periods: ['quarter'], by: { checks: ['mystery'] }, share: { op: '>=', value: 60 } });

  it('meets 60% exactly: 3 of 5 is 60, and ≥ is inclusive', () => {
    expect(checkCoverage(sixty, quarter, outlets(3, 5), labels)).toEqual([]);
    // 60 of 100 = 60% ✓ as well.
    expect(checkCoverage(sixty, quarter, outlets(60, 100), labels)).toEqual([]);
  });

  it('finds just below: 59 of 100 = 59%, with the 41 outlets not covered as evidence', () => {
    const [finding, ...rest] = checkCoverage(sixty, quarter, outlets(59, 100), labels);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: 'r-coverage',
      unitId: 'B',
      periodStart: '2025-01-01',
      periodEnd: '2025-03-31',
      observed: 59,
      threshold: { op: '>=', value: 60 },
      messageKey: 'finding.coverage',
      values: { period: 'P:2025-Q1', level: 'L:outlet', covered: 59, total: 100, share: 59, op: '≥', required: 60 },
      key: '2025-Q1',
    });
    // Outlets 60 … 100 = 41 outlets, in ID order.
    expect(finding!.evidence).toHaveLength(41);
    expect(finding!.evidence[0]).toEqual({ table: 'units', id: 'B-O060', date: '2025-03-31', messageKey: 'evidence.uncovered', values: { name: 'outlet 60' } });
  });

  it('counts only the listed check kinds, or the inspections of the named method', () => {
    const other: CoverageUnit[] = [{ group_id: 'B', unit_id: 'O1', name: 'o', records: [{ table: 'checks', id: 'S1', date: '2025-02-01', kind: 'satisfaction' }, { table: 'inspections', id: 'I1', date: '2025-02-02', kind: 'video' }] }];
    expect(checkCoverage(sixty, quarter, other, labels)).toEqual([expect.objectContaining({ observed: 0 })]);
    const video = rule('coverage', { level: 'outlet', periods: ['quarter'], by: { inspections: 'video' }, share: { op: '>=', value: 100 } });
    expect(checkCoverage(video, quarter, other, labels)).toEqual([]);
    const anyCheck = rule('coverage', { level: 'outlet', periods: ['quarter'], by: {}, share: { op: '>=', value: 100 } });
    expect(checkCoverage(anyCheck, quarter, other, labels)).toEqual([]);
  });

  it('judges each group on its own (each sub-branch covers 100% of its outlets)', () => {
    const all = rule('coverage', { level: 'outlet', within: 'subbranch', periods: ['month'], by: { checks: ['mystery'] }, share: { op: '>=', value: 100 } });
    // SB1: 2 of 2 ✓; SB2: 1 of 2 = 50% ✗.
    const findings = checkCoverage(all, quarter, [...outlets(2, 2, 'SB1'), ...outlets(1, 2, 'SB2')], labels);
    expect(findings.map((f) => [f.unitId, f.observed, f.evidence.map((e) => e.id)])).toEqual([['SB2', 50, ['SB2-O002']]]);
  });

  it('can require a number of units instead of a share (≥ 2 outlets had a video check)', () => {
    const two = rule('coverage', { level: 'outlet', periods: ['quarter'], by: { checks: ['mystery'] }, units: { op: '>=', value: 2 } });
    expect(checkCoverage(two, quarter, outlets(2, 5), labels)).toEqual([]);
    expect(checkCoverage(two, quarter, outlets(1, 5), labels)).toEqual([expect.objectContaining({ observed: 1, messageKey: 'finding.coverage.units', threshold: { op: '>=', value: 2 } })]);
  });
});

describe('recheck (S4 复查: below 85 last quarter → checked again this quarter)', () => {
  const recheck = rule('recheck', { level: 'outlet', score: 'mystery', periods: ['quarter'], below: { op: '<', value: 85 }, checks: ['mystery'] });
  const check = (id: string, kind: string, score: number): CheckRecord => ({ id, date: '2025-02-10', kind, score, checker: '第三方', signed_by: '', staff_name: null });
  const unit = (previous: number, current: CheckRecord[]): RecheckUnit => ({
    unit_id: 'O4',
    period_id: '2025-Q2',
    period_start: '2025-04-01',
    period_end: '2025-06-30',
    previous_period_id: '2025-Q1',
    previous_score: previous,
    previous_checks: [check('C03', 'mystery', previous)],
    current_checks: current,
  });

  it('needs nothing from an outlet below 85 that was rechecked', () => {
    expect(checkRecheck(recheck, [unit(78, [check('C09', 'mystery', 86)])], labels)).toEqual([]);
  });

  it('finds an outlet below 85 not rechecked, with last quarter’s score and checks', () => {
    expect(checkRecheck(recheck, [unit(84.5, [])], labels)).toEqual([
      {
        ruleId: 'r-recheck',
        unitId: 'O4',
        periodStart: '2025-04-01',
        periodEnd: '2025-06-30',
        observed: 84.5,
        threshold: { op: '<', value: 85 },
        messageKey: 'finding.recheck',
        values: { previous: 'P:2025-Q1', score: 84.5, op: '<', value: 85 },
        evidence: [{ table: 'checks', id: 'C03', date: '2025-02-10', messageKey: 'evidence.check', values: { kind: 'K:mystery', score: 84.5, checker: '第三方', signedBy: '—' } }],
        key: '2025-Q2',
      },
    ]);
  });

  it('does not take a check of another kind as the recheck', () => {
    expect(checkRecheck(recheck, [unit(78, [check('S04', 'satisfaction', 85)])], labels)).toHaveLength(1);
  });

  it('needs no recheck at exactly 85: < 85 is strict', () => {
    expect(checkRecheck(recheck, [unit(85, [])], labels)).toEqual([]);
  });
});

describe('signoff (S3 验收签字)', () => {
  const signoff = rule('signoff', { checks: ['monthly'] });
  const row = (id: string, kind: string, signed: string, staff: string | null = null): SignoffCheck => ({ id, date: '2025-02-27', unit_id: 'T2', kind, score: 95, checker: '监控员乙', signed_by: signed, staff_name: staff });

  it('finds each unsigned check of the listed kinds, and only those', () => {
    const findings = checkSignoff(signoff, [row('K1', 'monthly', '刘站长'), row('K2', 'monthly', ''), row('K3', 'other', ''), row('K4', 'monthly', '', '王强')], labels);
    expect(findings.map((f) => [f.key, f.messageKey, f.values])).toEqual([
      ['K2', 'finding.signoff', { kind: 'K:monthly', score: 95 }],
      ['K4', 'finding.signoff.staff', { kind: 'K:monthly', score: 95, staff: '王强' }],
    ]);
  });
});

describe('score_threshold over any score', () => {
  it('finds a miss with the score’s checks as evidence, and passes a score on the line', () => {
    const target = rule('score_threshold', { level: 'outlet', score: 'mystery', periods: ['Y2025'], threshold: { op: '>=', value: 90 } });
    const scored = (score: number) => ({
      unit_id: 'O2',
      period_id: 'Y2025',
      period_start: '2025-01-01',
      period_end: '2025-12-31',
      score,
      parts: [{ table: 'checks' as const, id: 'C02', date: '2025-02-12', rule: 'mystery', amount: score, checker: '第三方', signed_by: '' }],
    });
    expect(checkScoreThreshold(target, [scored(90)], labels)).toEqual([]);
    expect(checkScoreThreshold(target, [scored(89.99)], labels)).toEqual([expect.objectContaining({ observed: 89.99, evidence: [expect.objectContaining({ table: 'checks', id: 'C02' })] })]);
  });

  it('works for a ledger score, with its events and surveys as evidence (S1 worked example)', async () => {
    // August (the data ends in August, so the 100 days have not ended and only the month is checked):
    // outlet A: 100 + survey V1 (7×2 − 1×2 = 12) = 112 < 113. 营业室: 100 − 5 (E2 cascade) = 95 < 96; ≥ 95 is met.
    const dir = tempDir('s1-threshold');
    cpSync(path.join(FIXTURES, 's1-worked'), dir, { recursive: true });
    editFile(dir, 'competition.yaml', (text) =>
      `${text}compliance:
  - { id: outlet-113, label: 网点113分, kind: score_threshold, level: outlet, score: points, periods: ['2009-08'], threshold: { op: '>=', value: 113 } }
  - { id: dept-96, label: 部门96分, kind: score_threshold, level: department, score: points, periods: ['2009-08'], threshold: { op: '>=', value: 96 } }
  - { id: dept-95, label: 部门95分, kind: score_threshold, level: department, score: points, periods: ['2009-08'], threshold: { op: '>=', value: 95 } }
`,
    );
    const report = await buildModel(dir);
    const findings = JSON.parse(readFileSync(path.join(report.modelDir, 'findings.json'), 'utf8')) as Finding[];
    expect(findings.map((f) => [f.ruleId, f.entity.id, f.values.score, f.evidence.map((e) => [e.table, e.id, e.values.points])])).toEqual([
      ['outlet-113', 'A', 112, [['surveys', 'V1', 12]]],
      ['dept-96', 'A-YYS', 95, [['events', 'E2', -5]]],
    ]);
    expect(message('zh-CN', findings[1]!.evidence[0]!.messageKey, findings[1]!.evidence[0]!.values)).toBe('检查违规，−5 分');
  });
});

describe('config of the compliance kinds', () => {
  const withRule = async (yaml: string) => {
    const dir = tempDir('s1-config');
    cpSync(path.join(FIXTURES, 's1-worked'), dir, { recursive: true });
    editFile(dir, 'competition.yaml', (text) => `${text}compliance:\n${yaml}`);
    return refusal(dir);
  };

  it('refuses a coverage rule with both a share and a number of units, at its YAML line', async () => {
    const [problem] = await withRule("  - { id: c, label: c, kind: coverage, level: department, periods: [month], by: {}, share: { op: '>=', value: 60 }, units: { op: '>=', value: 2 } }\n");
    // The fixture's competition.yaml has 41 lines; `compliance:` is line 42 and the rule line 43.
    expect(problem).toMatchObject({ line: 43, expected: 'exactly one of share and units', found: 'both' });
  });

  it('refuses a score the level does not have, and a `within` that is not above the level', async () => {
    const problems = await withRule(
      "  - { id: r, label: r, kind: recheck, level: outlet, score: nope, periods: [month], below: { op: '<', value: 85 } }\n" +
        "  - { id: c, label: c, kind: coverage, level: outlet, within: department, periods: [month], by: {}, share: { op: '>=', value: 60 } }\n",
    );
    expect(problems.map((p) => [p.field, p.found])).toEqual([
      ['compliance.0.score', '"nope"'],
      ['compliance.1.within', '"department"'],
    ]);
  });
});

describe('checks that name a person', () => {
  it('refuses a staff_id of another unit, or of no one, at its CSV cell', async () => {
    const dir = tempDir('s3-staff');
    cpSync(path.resolve('data/examples/s3-toll-station'), dir, { recursive: true });
    // K01 names A1 (team T1) but says T2; K02 names nobody on the staff list.
    editFile(dir, 'checks.csv', (text) => text.replace('K01,2025-01-28,T1,A1', 'K01,2025-01-28,T2,A1').replace('K02,2025-01-28,T1,A2', 'K02,2025-01-28,T1,X9'));
    const problems = await refusal(dir);
    expect(problems.map((p) => [p.line, p.column, p.expected, p.found])).toEqual([
      [2, 4, 'a person of unit "T2"', '"A1" of unit "T1"'],
      [3, 4, 'a staff_id from the staff table', 'no staff "X9"'],
    ]);
  });
});

describe('words of the compliance kinds', () => {
  it.each(LOCALES)('fills every methodology item of both examples (%s)', (locale) => {
    for (const slug of ['s3-toll-station', 's4-mystery-shopper']) {
      for (const section of describeMethodology(readCompetition(path.resolve('data/examples', slug), locale))) {
        for (const item of section.items) expect(message(locale, item.key, item.values)).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('prints the threshold symbol and the check kind labels', () => {
    const sections = describeMethodology(readCompetition(path.resolve('data/examples/s4-mystery-shopper'), 'zh-CN'));
    const texts = sections.flatMap((s) => s.items.map((i) => message('zh-CN', i.key, i.values)));
    expect(texts).toContain('每季覆盖60%以上网点：按季度，各分行所辖网点中接受神秘人现场检查、神秘人视频检查的须占 ≥ 60%。');
    expect(texts).toContain('上季低于85分的网点复查：上一季度神秘人检查得分 < 85 的网点，本季度须再次接受神秘人现场检查、神秘人视频检查（复查）。');
    // The period kind as a noun in English: "per quarter", "the previous quarter" (not "per Quarterly").
    const s4 = describeMethodology(readCompetition(path.resolve('data/examples/s4-mystery-shopper'), 'en')).flatMap((s) => s.items.map((i) => message('en', i.key, i.values)));
    expect(s4).toContain('60% of outlets each quarter: per quarter, ≥ 60% of the Outlet units of each Branch get a check (Mystery shopper visit, Mystery shopper video check).');
    expect(s4).toContain('Recheck of outlets below 85: each Outlet whose Mystery shopper score was < 85 in the previous quarter must be checked again (Mystery shopper visit, Mystery shopper video check) in the next one.');
    const en = describeMethodology(readCompetition(path.resolve('data/examples/s3-toll-station'), 'en')).flatMap((s) => s.items.map((i) => message('en', i.key, i.values)));
    expect(en).toContain('Checks without a sign-off do not count in Service score.');
    expect(en).toContain('Duty station master signs every score: every check (Monthly service check) must be signed off; an unsigned one is a finding.');
  });
});
