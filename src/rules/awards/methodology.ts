/**
 * The methodology sentences of an award or penalty list: one catalog key per rule with its
 * numbers and threshold symbols; its expressions come worded for the page's language.
 */
import type { Text } from '../../config/atoms.ts';
import { THRESHOLD_SYMBOL } from '../../config/thresholds.ts';
import type { RuleText } from '../kind.ts';
import type { Award } from './index.ts';

/** Config names, and award expressions worded, in the page's language. */
export interface AwardWords {
  label(text: Text): string;
  /** A listed period's label, or a period kind as "each month". */
  period(id: string): string;
  score(id: string): string;
  award(id: string): string;
  level(id: string): string;
  attribute(id: string): string;
  eligibilityRule(id: string): string;
  ranking(id: string): string;
  /** Whom a ranking ranks: 每名 is said of people, an award to units is so much for each unit. */
  rankingSubject(id: string | undefined): string | undefined;
  join(parts: readonly string[]): string;
  condition(expression: string): string;
  amount(expression: string): string;
  value(expression: string): string;
}

const item = (key: string, values: RuleText['values'] = {}): RuleText => ({ key, values });

function headline(a: Award, words: AwardWords): RuleText {
  const base = { award: words.label(a.label), period: words.period(a.period), ranking: a.ranking ? words.ranking(a.ranking) : '' };
  if (a.candidates === 'selected') return item('method.award.selected', base);
  const places = a.quota?.places ?? a.places;
  const share = a.quota?.share;
  if (share) return item(`method.${a.kind}.share`, { ...base, percent: +(share.fraction * 100).toFixed(4), rounding: share.rounding, min: share.min });
  if (places === undefined) return item(a.quota?.per ? `method.${a.kind}.groups` : `method.${a.kind}.all`, base);
  return item(`method.${a.kind}.places`, { ...base, places });
}

export function describeAward(a: Award, words: AwardWords): RuleText[] {
  const award = words.label(a.label);
  const items = [headline(a, words)];
  const per = a.quota?.per;
  if (per) items.push(item('method.award.quotaPer', { award, group: 'level' in per ? words.level(per.level) : words.attribute(per.attribute) }));
  for (const [group, places] of Object.entries(a.quota?.group_places ?? {})) items.push(item('method.award.groupPlaces', { award, group, places }));
  if (a.candidates === 'nominated') items.push(item('method.award.nominated', { award }));
  for (const f of a.funnel) items.push(item('method.award.funnel', { award, source: words.award(f.award), op: THRESHOLD_SYMBOL[f.times.op], value: f.times.value }));
  if (a.when !== undefined) items.push(item('method.award.when', { award, expression: words.condition(a.when) }));
  if (a.reached) items.push(item('method.award.reached', { award, op: THRESHOLD_SYMBOL[a.reached.op], value: a.reached.value }));
  for (const c of a.cases) items.push(item('method.award.case', { award, when: words.condition(c.when), amount: words.amount(String(c.amount)) }));
  if (typeof a.amount === 'string') items.push(item('method.award.formula', { award, expression: words.amount(a.amount) }));
  else if (a.amount > 0 && a.cases.length === 0) items.push(item(`method.award.amount.${words.rankingSubject(a.ranking) === 'staff' ? 'staff' : 'unit'}`, { award, amount: a.amount }));
  if (a.floor_at_zero) items.push(item('method.award.floorAtZero', { award }));
  if (a.round === 'yuan') items.push(item('method.award.roundYuan', { award }));
  if (a.order_by) items.push(item(`method.award.orderBy.${a.order_by.order}`, { award, expression: words.value(a.order_by.expression) }));
  if (a.tie_breaks.length > 0) items.push(item('method.award.tieBreaks', { award, scores: words.join(a.tie_breaks.map((t) => `${words.score(t.score)} ${t.order === 'desc' ? '↓' : '↑'}`)) }));
  if (a.eligibility.length > 0) items.push(item('method.award.eligibility', { award, rules: words.join(a.eligibility.map(words.eligibilityRule)) }));
  if (a.competitive) items.push(item('method.award.competitive', { award }));
  return items;
}
