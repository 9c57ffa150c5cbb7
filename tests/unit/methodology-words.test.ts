/**
 * The methodology page states each rule of a config in prose (both languages): the examples'
 * sentences carry no raw keys, no placeholders, and read as English where English is asked for.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCompetition } from '../../src/config/read.ts';
import { LOCALES, type Locale } from '../../src/config/schema.ts';
import { describeMethodology } from '../../src/site/methodology.ts';
import { message } from '../../src/site/i18n/index.ts';
import { localize } from '../../src/config/text.ts';
import { describeEligibility, EligibilityRule } from '../../src/rules/eligibility/index.ts';

const EXAMPLES = readdirSync('data/examples').sort();
const sentences = (slug: string, locale: Locale) =>
  describeMethodology(readCompetition(path.resolve('data/examples', slug), locale)).flatMap((s) => [
    message(locale, s.headingKey, s.headingValues),
    ...s.items.map((i) => message(locale, i.key, i.values)),
  ]);
const periodLabels = (slug: string, locale: Locale) => readCompetition(path.resolve('data/examples', slug)).periods.map((p) => localize(p.label, locale));

describe('methodology sentences of the examples', () => {
  it.each(EXAMPLES.flatMap((slug) => LOCALES.map((locale) => [slug, locale] as const)))('%s (%s) are prose', (slug, locale) => {
    for (const text of sentences(slug, locale)) {
      expect(text, 'a placeholder left').not.toMatch(/[{}]/);
      expect(text, 'a message key left').not.toMatch(/\b(method|periodKind|periodNoun|order)\.\w/);
      for (const period of periodLabels(slug, locale)) expect(text, 'a named period read as a kind (per Year 2025)').not.toContain(locale === 'en' ? `per ${period}` : `按${period}`);
      expect(text, 'a config key left').not.toMatch(/\b(on_nonpositive|exemption_rule|verified_only|rank_from_bottom|first_reached_periods_ago|closed_through)\b/);
      if (locale === 'en') {
        expect(text, 'an article before a label').not.toMatch(/\ba [AEIOU]/);
        expect(text, 'an article before a vowel').not.toMatch(/\ba [aeio]/);
        expect(text, 'a count that does not agree').not.toMatch(/(^|[^\d.,])1 points\b/);
        expect(text, 'a period kind used as a noun').not.toMatch(/\b(per|one|previous) (Monthly|Quarterly|Annual|Half-year)\b|of kind/);
      }
    }
  });

  it('says the repeat rule, the rubric rule and the recheck rule in plain words', () => {
    expect(sentences('s1-credit-union', 'en')).toContain('Inspection violation: the same problem again for the same subject within one month counts 2 times from its second occurrence on.');
    expect(sentences('s1-credit-union', 'zh-CN')).toContain('检查违规：同一对象的同一问题在同一月内重复发生的，自第二次起按 2 倍计分（加倍考核）。');
    // A rubric has no deduction items: its missing-item rule says nothing of them.
    expect(sentences('s9-hospital-year', 'en')).toContain('An entry missing a value for any item in a period has no total for that period and is not ranked.');
    expect(sentences('s9-hospital-year', 'zh-CN')).toContain('当期任一评分项目缺少分值的，不计算总分，不参加排名。');
  });

  it('says a rule over named periods in them (in Year 2025, 2025年度) and a rule over a kind per period (per quarter, 按季度)', () => {
    const said = { en: sentences('s4-mystery-shopper', 'en'), 'zh-CN': sentences('s4-mystery-shopper', 'zh-CN') };
    const pinned: [Locale, string][] = [
      ['en', 'Mystery shopper score 90 for the year: in Year 2025, the Mystery shopper score of each Outlet must be ≥ 90.'],
      ['zh-CN', '年度神秘人检查得分90分以上：2025年度，各网点的神秘人检查得分须 ≥ 90。'],
      ['en', 'Each sub-branch covers all its outlets monthly: in Mar 2025, ≥ 100% of the Outlet units of each Sub-branch get an inspection (video).'],
      ['zh-CN', '一级支行每月覆盖全部所辖网点：2025年3月，各一级支行所辖网点中接受视频检查的须占 ≥ 100%。'],
      ['en', 'Customer satisfaction 85%: per quarter, the Customer satisfaction of each Outlet must be ≥ 85.'],
      ['zh-CN', '客户满意度达到85%：按季度，各网点的客户满意度须 ≥ 85。'],
    ];
    for (const [locale, sentence] of pinned) expect(said[locale]).toContain(sentence);
  });

  it('says that a score eligibility rule with missing: out removes a candidate without the score', () => {
    const words = { label: (text: string | Record<string, string>) => String(text), score: () => 'Check', period: () => 'Feb 2025', attribute: String, join: (parts: readonly string[]) => parts.join(', ') };
    const rule = (extra: object) => EligibilityRule.parse({ id: 'checked', label: 'Checked', kind: 'score', score: 'check', out_if: { op: '<', value: 60 }, ...extra });
    const said = (locale: Locale, extra: object) => describeEligibility(rule(extra), words).map((s) => message(locale, s.key, s.values));
    expect(said('en', { missing: 'out' })).toEqual(['Checked: out when Check < 60.', 'Checked: a candidate that has no Check in the period is out too.']);
    expect(said('zh-CN', { missing: 'out', period: '2025-02' })).toEqual(['Checked：Feb 2025Check < 60 的，取消评选资格。', 'Checked：Feb 2025没有Check的，同样取消评选资格。']);
    expect(said('en', {})).toEqual(['Checked: out when Check < 60.']);
  });

  it('words a selector of kinds and named periods together, each its own way', () => {
    const values = { rule: 'Target', during: 'month,Year 2025', level: 'Outlet', score: 'Points', op: '≥', value: 90 };
    expect(message('en', 'method.compliance.scoreThreshold', values)).toBe('Target: per month, in Year 2025, the Points of each Outlet must be ≥ 90.');
    expect(message('zh-CN', 'method.compliance.scoreThreshold', { ...values, during: 'month,2025年度' })).toBe('Target：按月、2025年度，各Outlet的Points须 ≥ 90。');
  });
});
