/**
 * The methodology items of awards, penalties, eligibility rules and soft caps: one catalog key
 * per rule with its numbers and threshold symbols; expressions are worded for the page's language.
 */
import type { Competition } from '../config/read.ts';
import { localize } from '../config/text.ts';
import type { Award } from '../config/schema.ts';
import { describeEligibility } from '../rules/index.ts';
import { THRESHOLD_SYMBOL } from '../config/thresholds.ts';
import type { MethodologyItem } from '../site/model.ts';
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
  const scoreLabel = (id: string) => label(config.scores.find((s) => s.id === id)?.label ?? id);
  const awardLabel = (id: string) => label(config.awards.find((a) => a.id === id)?.label ?? id);
  const levelLabel = (id: string) => label(config.org.levels.find((l) => l.id === id)?.label ?? id);
  const join = (parts: string[]) => parts.join(locale === 'zh-CN' ? '、' : ', ');
  // 每名 is said of people; an award to units is so much for each unit.
  const recipients = (a: Award) => (config.rankings.find((r) => r.id === a.ranking)?.subject === 'staff' ? 'staff' : 'unit');
  const attributeLabel = (id: string) => label(config.org.attributes.find((a) => a.id === id)?.label ?? id);

  const headline = (a: Award): MethodologyItem => {
    const base = { award: label(a.label), period: periodLabel(a.period), ranking: a.ranking ? label(config.rankings.find((r) => r.id === a.ranking)!.label) : '' };
    if (a.candidates === 'selected') return item('method.award.selected', base);
    const places = a.quota?.places ?? a.places;
    const share = a.quota?.share;
    if (share) return item(`method.${a.kind}.share`, { ...base, percent: +(share.fraction * 100).toFixed(4), rounding: share.rounding, min: share.min });
    if (places === undefined) return item(a.quota?.per ? `method.${a.kind}.groups` : `method.${a.kind}.all`, base);
    return item(`method.${a.kind}.places`, { ...base, places });
  };

  const awardItems = config.awards.flatMap((a): MethodologyItem[] => {
    const award = label(a.label);
    const items = [headline(a)];
    const per = a.quota?.per;
    if (per) items.push(item('method.award.quotaPer', { award, group: 'level' in per ? levelLabel(per.level) : attributeLabel(per.attribute) }));
    for (const [group, places] of Object.entries(a.quota?.group_places ?? {})) items.push(item('method.award.groupPlaces', { award, group, places }));
    if (a.candidates === 'nominated') items.push(item('method.award.nominated', { award }));
    for (const f of a.funnel) items.push(item('method.award.funnel', { award, source: awardLabel(f.award), op: THRESHOLD_SYMBOL[f.times.op], value: f.times.value }));
    if (a.when !== undefined) items.push(item('method.award.when', { award, expression: wordCondition(a.when, locale) }));
    if (a.reached) items.push(item('method.award.reached', { award, op: THRESHOLD_SYMBOL[a.reached.op], value: a.reached.value }));
    for (const c of a.cases) items.push(item('method.award.case', { award, when: wordCondition(c.when, locale), amount: wordAmount(String(c.amount), locale) }));
    if (typeof a.amount === 'string') items.push(item('method.award.formula', { award, expression: wordAmount(a.amount, locale) }));
    else if (a.amount > 0 && a.cases.length === 0) items.push(item(`method.award.amount.${recipients(a)}`, { award, amount: a.amount }));
    if (a.floor_at_zero) items.push(item('method.award.floorAtZero', { award }));
    if (a.round === 'yuan') items.push(item('method.award.roundYuan', { award }));
    if (a.order_by) items.push(item(`method.award.orderBy.${a.order_by.order}`, { award, expression: wordValue(a.order_by.expression, locale) }));
    if (a.tie_breaks.length > 0) items.push(item('method.award.tieBreaks', { award, scores: join(a.tie_breaks.map((t) => `${scoreLabel(t.score)} ${t.order === 'desc' ? '↓' : '↑'}`)) }));
    if (a.eligibility.length > 0) items.push(item('method.award.eligibility', { award, rules: join(a.eligibility.map((id) => label(config.eligibility.find((r) => r.id === id)!.label))) }));
    if (a.competitive) items.push(item('method.award.competitive', { award }));
    return items;
  });
  if (awardItems.length === 0) return [];
  const ruleItems = config.eligibility.map((r) => describeEligibility(r, { label, period: periodLabel, score: scoreLabel, attribute: attributeLabel, join }));
  const capItems = config.soft_caps.map((cap) => item('method.softCap', { cap: label(cap.label), awards: join(cap.awards.map(awardLabel)), max: cap.max }));
  return [...awardItems, item('method.award.ties'), ...ruleItems, ...(ruleItems.length > 0 ? [item('method.eligibility.approval')] : []), ...capItems];
}
