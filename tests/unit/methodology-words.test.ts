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

const EXAMPLES = readdirSync('data/examples').sort();
const sentences = (slug: string, locale: Locale) =>
  describeMethodology(readCompetition(path.resolve('data/examples', slug), locale)).flatMap((s) => [
    message(locale, s.headingKey, s.headingValues),
    ...s.items.map((i) => message(locale, i.key, i.values)),
  ]);

describe('methodology sentences of the examples', () => {
  it.each(EXAMPLES.flatMap((slug) => LOCALES.map((locale) => [slug, locale] as const)))('%s (%s) are prose', (slug, locale) => {
    for (const text of sentences(slug, locale)) {
      expect(text, 'a placeholder left').not.toMatch(/[{}]/);
      expect(text, 'a message key left').not.toMatch(/\b(method|periodKind|periodNoun|order)\.\w/);
      expect(text, 'a config key left').not.toMatch(/\b(on_nonpositive|exemption_rule|verified_only|rank_from_bottom|first_reached_periods_ago|closed_through)\b/);
      if (locale === 'en') {
        expect(text, 'an article before a label').not.toMatch(/\ba [AEIOU]/);
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
});
