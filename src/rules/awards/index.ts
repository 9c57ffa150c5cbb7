/**
 * `awards[]`: top lists and penalties (S5's rank-band fines among them), and `soft_caps[]` over
 * their winners: the schema, the cross-references and the config rows. The expressions'
 * allowlist and macros are in ./expressions.ts, the list checks (competitive selection, soft
 * caps) in ./check.ts.
 */
import { z } from 'zod';
import { Id, Int, Num, Text, Threshold } from '../../config/atoms.ts';
import type { ConfigRow, References, TableRow, YamlPath } from '../kind.ts';

/**
 * A SQL expression over one standing: the columns and functions it may use are listed in
 * docs/config/awards.md ("Expressions") and allowed by ./expressions.ts (EXPRESSION_COLUMNS).
 * Checked in DuckDB when the config is read.
 */
const Expression = z.string().min(1);

/** The first case whose `when` holds sets the amount (S5 phase 3 bands). */
const AmountCase = z.strictObject({ when: Expression, amount: z.union([Num(), Expression]) });

/**
 * Another award's winners as this award's candidates: a quarterly star twice in a year becomes an
 * advanced worker (S9); `times: { op: '<', value: 1 }` excludes them instead (千佳 are not 百佳, S8).
 */
const Funnel = z.strictObject({
  award: Id,
  /** How many periods inside this award's period the candidate must have won; `>= 1` when left out. */
  times: Threshold.default({ op: '>=', value: 1 }),
});

export const Quota = z.strictObject({
  /** One list per unit of this level (per district), or per value of a unit/staff attribute. */
  per: z.union([z.strictObject({ level: Id }), z.strictObject({ attribute: Id })]).optional(),
  /** Places per group when `share` is not given. */
  places: Int().positive().optional(),
  /** Places for named groups (region codes, attribute values), overriding `places`. */
  group_places: z.record(z.string(), Int().nonnegative()).default({}),
  /** A share of the group's headcount (staff in it): 5% → 0.05, one in ten → 0.1. */
  share: z
    .strictObject({
      fraction: Num().positive().max(1),
      rounding: z.enum(['floor', 'round', 'ceil']),
      min: Int().nonnegative().default(0),
    })
    .optional(),
});
export type Quota = z.infer<typeof Quota>;

export const Award = z.strictObject({
  id: Id,
  label: Text,
  kind: z.enum(['award', 'penalty']).default('award'),
  /** The ranking whose standings are the candidates; not needed when `candidates: selected`. */
  ranking: Id.optional(),
  /** A period id, or a period kind (`month`, `quarter` …): one list per period of that kind. */
  period: Id,
  /** Places from the top (awards) or from the bottom (penalties); every matching standing when left out. */
  places: Int().positive().optional(),
  quota: Quota.optional(),
  /** Candidates: every standing (`ranked`), nominated un-objected ones, or the `selected` ones alone (no score). */
  candidates: z.enum(['ranked', 'nominated', 'selected']).default('ranked'),
  /** A condition on the standing; only standings where it holds are candidates. */
  when: Expression.optional(),
  /** Yuan per entry: a number or an expression. */
  amount: z.union([Num(), Expression]).default(0),
  cases: z.array(AmountCase).default([]),
  /** A computed amount below zero becomes zero. */
  floor_at_zero: z.boolean().default(false),
  /** Money keeps cents unless the scheme rounds to whole yuan. */
  round: z.enum(['cents', 'yuan']).default('cents'),
  /**
   * A standard for the history columns: `earlier_periods_reached` counts earlier periods of the
   * same kind whose score met it; `first_reached_periods_ago` is how many periods ago it was first met.
   */
  reached: Threshold.optional(),
  /** Orders candidates by this expression instead of the ranking's rank (e.g. score / headcount). */
  order_by: z.strictObject({ expression: Expression, order: z.enum(['desc', 'asc']).default('desc') }).optional(),
  /** Other scores of the same period that decide ties at the boundary, in order; ties stand when empty. */
  tie_breaks: z.array(z.strictObject({ score: Id, order: z.enum(['desc', 'asc']) })).default([]),
  /** Eligibility rule ids (see `eligibility`); a candidate failing one is out whatever the score. */
  eligibility: z.array(Id).default([]),
  funnel: z.array(Funnel).default([]),
  /** 差额评选: candidates after eligibility must outnumber places, or a finding says so. */
  competitive: z.boolean().default(false),
  note: Text.optional(),
});
export type Award = z.infer<typeof Award>;

/** A cap over several awards' winners together (百佳 + 千佳 ≤ 1000): warns, never blocks. */
export const SoftCap = z.strictObject({ id: Id, label: Text, awards: z.array(Id).min(1), max: Int().positive() });
export type SoftCap = z.infer<typeof SoftCap>;

/** The IDs an award names: its ranking and period, quota groups, tie-break scores, eligibility rules, funnel awards. */
export function awardReferences(a: Award, i: number, at: (...rest: PropertyKey[]) => YamlPath, refs: References): void {
  const { need, oneOf, shown } = refs;
  const ranking = a.ranking === undefined ? undefined : refs.rankingById.get(a.ranking);
  if (a.candidates === 'selected') need(a.ranking === undefined, at('ranking'), 'no ranking: the leadership selects (candidates: selected)', shown(a.ranking ?? ''));
  else need(ranking !== undefined, at('ranking'), oneOf([...refs.rankingById.keys()]), a.ranking === undefined ? 'nothing' : shown(a.ranking));
  const selectable = [...refs.periodKinds, ...refs.periodIds];
  need(selectable.includes(a.period), at('period'), `a period kind or id, ${oneOf(selectable)}`, shown(a.period));
  if (ranking) {
    const ranked = refs.periodsMatching(ranking.periods);
    need(refs.periodsMatching([a.period]).every((p) => ranked.includes(p)), at('period'), `a period that ranking "${a.ranking}" ranks`, shown(a.period));
  }
  need(a.places === undefined || a.quota === undefined, at('quota'), 'places either at the award or in its quota, not both', 'both');
  if (a.quota) {
    need(a.quota.places === undefined || a.quota.share === undefined, at('quota', 'share'), 'either places or share', 'both');
    const per = a.quota.per;
    if (per && 'level' in per) need(refs.levelIds.includes(per.level), at('quota', 'per', 'level'), oneOf(refs.levelIds), shown(per.level));
    if (per && 'attribute' in per) need(refs.attributeIds.includes(per.attribute), at('quota', 'per', 'attribute'), `a declared attribute, ${oneOf(refs.attributeIds)}`, shown(per.attribute));
  }
  a.tie_breaks.forEach((t, j) => need(refs.scoreById.has(t.score), at('tie_breaks', j, 'score'), oneOf([...refs.scoreById.keys()]), shown(t.score)));
  a.eligibility.forEach((r, j) => need(refs.eligibilityIds.includes(r), at('eligibility', j), oneOf(refs.eligibilityIds), shown(r)));
  // A funnel reads the winners of an award decided before this one.
  const above = refs.awardIds.slice(0, i);
  a.funnel.forEach((f, j) => need(above.includes(f.award), at('funnel', j, 'award'), `an award listed above this one, ${oneOf(above)}`, shown(f.award)));
}

/** An award's rows of cfg_awards and the tables beside it; `ord` is its place in the config, the order awards are decided in. */
export function awardRows(a: Award, ord: number, periodsMatching: (selectors: readonly string[]) => readonly string[]): TableRow[] {
  const award_id = a.id;
  const rows = (table: string, list: ConfigRow[]) => list.map((row) => ({ table, row: { award_id, ...row } }));
  const per = a.quota?.per;
  return [
    ...rows('cfg_awards', [
      {
        ord,
        kind: a.kind,
        ranking_id: a.ranking ?? null,
        places: a.quota?.places ?? a.places ?? null,
        candidates: a.candidates,
        floor_at_zero: a.floor_at_zero,
        round_yuan: a.round === 'yuan',
        order_descending: a.order_by ? a.order_by.order === 'desc' : null,
        reached_op: a.reached?.op ?? null,
        reached_value: a.reached?.value ?? null,
        quota_level: per && 'level' in per ? per.level : null,
        quota_attribute: per && 'attribute' in per ? per.attribute : null,
        share_fraction: a.quota?.share?.fraction ?? null,
        share_rounding: a.quota?.share?.rounding ?? null,
        share_min: a.quota?.share?.min ?? null,
        competitive: a.competitive,
      },
    ]),
    ...rows('cfg_award_periods', periodsMatching([a.period]).map((period_id) => ({ period_id }))),
    ...rows('cfg_award_group_places', Object.entries(a.quota?.group_places ?? {}).map(([group_id, places]) => ({ group_id, places }))),
    ...rows('cfg_award_tie_breaks', a.tie_breaks.map((t, step) => ({ step, score_id: t.score, descending: t.order === 'desc' }))),
    ...rows('cfg_award_funnels', a.funnel.map((f) => ({ source_award_id: f.award, op: f.times.op, value: f.times.value }))),
    ...rows('cfg_award_eligibility', a.eligibility.map((rule_id) => ({ rule_id }))),
  ];
}
