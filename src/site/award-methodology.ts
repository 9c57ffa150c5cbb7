/**
 * The methodology items of awards, penalties, eligibility rules and soft caps: each rule's own
 * sentences (src/rules/awards, src/rules/eligibility) with the config's names in the page's
 * language and its expressions worded.
 */
import type { Competition } from '../config/read.ts';
import { localize } from '../config/text.ts';
import { describeAward, describeEligibility } from '../rules/index.ts';
import type { MethodologyItem } from './model.ts';
import { wordAmount, wordCondition, wordValue } from './expression-words.ts';

const PERIOD_KIND_WORDS = {
  'zh-CN': { month: '每月', quarter: '每季度', phase: '每阶段', half: '每半年', year: '每年', custom: '每期' },
  en: { month: 'each month', quarter: 'each quarter', phase: 'each phase', half: 'each half-year', year: 'each year', custom: 'each period' },
} as const;

export function describeAwards(competition: Competition): MethodologyItem[] {
  const { config, locale } = competition;
  const label = (text: Parameters<typeof localize>[0]) => localize(text, locale);
  const item = (key: string, values: MethodologyItem['values'] = {}): MethodologyItem => ({ key, values });
  const periodLabel = (id: string) => {
    const listed = competition.periods.find((p) => p.id === id);
    if (listed) return label(listed.label);
    return (PERIOD_KIND_WORDS[locale] as Record<string, string>)[id] ?? id;
  };
  const awardLabel = (id: string) => label(config.awards.find((a) => a.id === id)?.label ?? id);
  const join = (parts: readonly string[]) => parts.join(locale === 'zh-CN' ? '、' : ', ');
  const words = {
    label,
    period: periodLabel,
    score: (id: string) => label(config.scores.find((s) => s.id === id)?.label ?? id),
    award: awardLabel,
    level: (id: string) => label(config.org.levels.find((l) => l.id === id)?.label ?? id),
    attribute: (id: string) => label(config.org.attributes.find((a) => a.id === id)?.label ?? id),
    eligibilityRule: (id: string) => label(config.eligibility.find((r) => r.id === id)!.label),
    ranking: (id: string) => label(config.rankings.find((r) => r.id === id)!.label),
    rankingSubject: (id: string | undefined) => config.rankings.find((r) => r.id === id)?.subject,
    join,
    condition: (expression: string) => wordCondition(expression, locale),
    amount: (expression: string) => wordAmount(expression, locale),
    value: (expression: string) => wordValue(expression, locale),
  };

  const awardItems = config.awards.flatMap((a) => describeAward(a, words));
  if (awardItems.length === 0) return [];
  const ruleItems = config.eligibility.flatMap((r) => describeEligibility(r, words));
  const capItems = config.soft_caps.map((cap) => item('method.softCap', { cap: label(cap.label), awards: join(cap.awards.map(awardLabel)), max: cap.max }));
  return [...awardItems, item('method.award.ties'), ...ruleItems, ...(ruleItems.length > 0 ? [item('method.eligibility.approval')] : []), ...capItems];
}
