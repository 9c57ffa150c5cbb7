/**
 * `awards[]`: top lists and penalties (S5's rank-band fines among them). The schema is in
 * ./schema.ts, the expressions' allowlist and macros in ./expressions.ts, the list checks
 * (competitive selection, soft caps) in ./check.ts; here the cross-references and config rows.
 */
import type { ConfigRow, References, TableRow, YamlPath } from '../kind.ts';
import type { Award } from './schema.ts';

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
