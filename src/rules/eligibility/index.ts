/**
 * `eligibility[]`: rules that remove an award candidate whatever the score, a score threshold (its
 * own or an ancestor's) or an attribute test; a recorded approval overrides them
 * (sql/intermediate/int_award_exclusions.sql).
 */
import { z } from 'zod';
import { Id, IsoDate, Num, Text, Threshold, ThresholdOp } from '../../config/atoms.ts';
import { THRESHOLD_SYMBOL } from '../../config/thresholds.ts';
import type { ConfigRow, References, RuleText, TableRow, YamlPath } from '../kind.ts';

const EligibilityScore = z.strictObject({
  id: Id,
  label: Text,
  kind: z.literal('score'),
  score: Id,
  /** A period id; the award's own period when left out (a major complaint tally over the year). */
  period: Id.optional(),
  /** `ancestors`: the score of any unit above counts too (an organisation's termination removes all below it). */
  scope: z.enum(['self', 'ancestors']).default('self'),
  /** The candidate is out when the score meets this. */
  out_if: Threshold,
  /**
   * A candidate without this score of its own in the period (a rate with nothing served, a check
   * average without checks) passes unless this says `out`: the rule then demands a score.
   */
  missing: z.enum(['out', 'pass']).default('pass'),
});

const EligibilityAttribute = z.strictObject({
  id: Id,
  label: Text,
  kind: z.literal('attribute'),
  attribute: Id,
  /** The candidate is out when the attribute meets this: a number, a date (YYYY-MM-DD) or text values. */
  out_if: z.union([
    z.strictObject({ op: ThresholdOp, value: Num() }),
    z.strictObject({ op: ThresholdOp, date: IsoDate }),
    z.strictObject({ in: z.array(z.string()).min(1) }),
    z.strictObject({ not_in: z.array(z.string()).min(1) }),
  ]),
  /** An entity without the attribute is out unless this says `pass`. */
  missing: z.enum(['out', 'pass']).default('out'),
});

export const EligibilityRule = z.discriminatedUnion('kind', [EligibilityScore, EligibilityAttribute]);
export type EligibilityRule = z.infer<typeof EligibilityRule>;

/** A score rule's score and period; an attribute rule's attribute, declared with the type its test reads. */
export function eligibilityReferences(r: EligibilityRule, at: (...rest: PropertyKey[]) => YamlPath, refs: References): void {
  const { need, oneOf, shown } = refs;
  if (r.kind === 'score') {
    need(refs.scoreById.has(r.score), at('score'), oneOf([...refs.scoreById.keys()]), shown(r.score));
    if (r.period !== undefined) need(refs.periodIds.includes(r.period), at('period'), `a period id, ${oneOf(refs.periodIds)}`, shown(r.period));
    return;
  }
  const declared = refs.attributes.filter((a) => a.id === r.attribute);
  const wanted = 'date' in r.out_if ? 'date' : 'value' in r.out_if ? 'number' : 'text';
  need(declared.length > 0, at('attribute'), `a declared attribute, ${oneOf(refs.attributeIds)}`, shown(r.attribute));
  need(declared.length === 0 || declared.some((a) => a.type === wanted), at('out_if'), `a test for a ${declared[0]?.type ?? wanted} attribute`, `a ${wanted} test`);
}

/** A rule's row of cfg_eligibility (`ord`: its place in the config) and the values an `in` / `not_in` test lists. */
export function eligibilityRows(r: EligibilityRule, ord: number): TableRow[] {
  if (r.kind === 'score') {
    const row: ConfigRow = { rule_id: r.id, ord, kind: r.kind, score_id: r.score, period_id: r.period ?? null, ancestors: r.scope === 'ancestors', op: r.out_if.op, value_number: r.out_if.value, missing_out: r.missing === 'out' };
    return [{ table: 'cfg_eligibility', row }];
  }
  const test = r.out_if;
  const op = 'op' in test ? test.op : 'in' in test ? 'in' : 'not_in';
  const row: ConfigRow = {
    rule_id: r.id,
    ord,
    kind: r.kind,
    ancestors: false,
    attribute_id: r.attribute,
    op,
    value_number: 'value' in test ? test.value : null,
    value_date: 'date' in test ? test.date : null,
    missing_out: r.missing === 'out',
  };
  const values = 'in' in test ? test.in : 'not_in' in test ? test.not_in : [];
  return [{ table: 'cfg_eligibility', row }, ...values.map((value) => ({ table: 'cfg_eligibility_values', row: { rule_id: r.id, value } }))];
}

/** Config names for an eligibility rule's methodology sentence. */
export interface EligibilityWords {
  label(text: Text): string;
  period(id: string): string;
  score(id: string): string;
  attribute(id: string): string;
  join(parts: readonly string[]): string;
}

/** A rule's sentence; a score rule with `missing: out` says in a second one that a candidate without the score is out too. */
export function describeEligibility(r: EligibilityRule, words: EligibilityWords): RuleText[] {
  const rule = words.label(r.label);
  if (r.kind === 'score') {
    const values = { rule, score: words.score(r.score), op: THRESHOLD_SYMBOL[r.out_if.op], value: r.out_if.value, period: r.period ? words.period(r.period) : '' };
    const period = r.period ? '.period' : '';
    const missing = r.missing === 'out' ? [{ key: `method.eligibility.score.missing${period}`, values }] : [];
    return [{ key: `method.eligibility.score${period}${r.scope === 'ancestors' ? '.ancestors' : ''}`, values }, ...missing];
  }
  const test = r.out_if;
  const values = { rule, attribute: words.attribute(r.attribute) };
  if ('in' in test) return [{ key: 'method.eligibility.attribute.in', values: { ...values, values: words.join(test.in) } }];
  if ('not_in' in test) return [{ key: 'method.eligibility.attribute.notIn', values: { ...values, values: words.join(test.not_in) } }];
  // A date goes through the page's date formatter (message() words `date`), like every other date.
  if ('date' in test) return [{ key: 'method.eligibility.attribute.date', values: { ...values, op: THRESHOLD_SYMBOL[test.op], date: test.date } }];
  return [{ key: 'method.eligibility.attribute', values: { ...values, op: THRESHOLD_SYMBOL[test.op], value: test.value } }];
}
