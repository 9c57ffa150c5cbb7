/**
 * `awards[]`: top lists and penalties (S5's rank-band fines among them), and `soft_caps[]` over
 * their winners: the schema, the cross-references, the config rows and the expressions. An award
 * reaches the scoring SQL by these two ways only: its rows of cfg_awards (by column name) and its
 * expressions (`when`, `amount`, `cases`, `order_by.expression`) as macros. The config states
 * money formulas such as `1000 + greatest(target - score, 0) * 200`; DuckDB parses them
 * (src/pipeline/award-expressions.ts) and every node of the syntax tree must pass `refusedNode`:
 * only the columns of one standing, arithmetic, comparisons and a few functions. The macros wrap
 * each expression, unchanged and parenthesised, into a CASE branch per award, so
 * sql/intermediate/int_award_candidates.sql calls them like any function. The list checks
 * (competitive selection, soft caps) are in ./check.ts, the methodology sentences in ./methodology.ts.
 */
import { z } from 'zod';
import { Id, Int, Num, Text, Threshold } from '../../config/atoms.ts';
import type { ConfigRow, References, TableRow, YamlPath } from '../kind.ts';
import { needPeriods } from '../references.ts';

/** The columns of one standing an expression may use, with their SQL types. */
export const EXPRESSION_COLUMNS = {
  score: 'DECIMAL(18, 6)',
  /** The period's target value for the ranking's score; NULL without a target. */
  target: 'DECIMAL(18, 6)',
  target_met: 'BOOLEAN',
  rank: 'INTEGER',
  rank_from_bottom: 'INTEGER',
  rank_count: 'INTEGER',
  previous_score: 'DECIMAL(18, 6)',
  previous_rank: 'INTEGER',
  /** Earlier periods of the same kind whose score met the award's `reached` standard. */
  earlier_periods_reached: 'INTEGER',
  /** 0 when the standard was first met in this period, 3 when three periods earlier; NULL if never. */
  first_reached_periods_ago: 'INTEGER',
  /** Staff in the unit and below it (1 for a person). */
  headcount: 'INTEGER',
} as const;
export const COLUMN_NAMES = Object.keys(EXPRESSION_COLUMNS);

export const FUNCTIONS = new Set(['greatest', 'least', 'round', 'abs', 'floor', 'ceil', 'ceiling', 'coalesce', 'nullif', 'sign', 'trunc']);
const OPERATORS = new Set(['+', '-', '*', '/', '//', '%']);
const OPERATOR_TYPES = new Set(['COMPARE_IN', 'COMPARE_NOT_IN', 'OPERATOR_NOT', 'OPERATOR_IS_NULL', 'OPERATOR_IS_NOT_NULL', 'OPERATOR_COALESCE']);

type Kind = 'boolean' | 'number';
/** The SQL type each macro gives (award_when, award_amount, award_order), and so each expression is cast to. */
const MACRO_TYPES = { when: 'BOOLEAN', amount: 'DECIMAL(18, 6)', order: 'DOUBLE' } as const;
export interface Located {
  path: (string | number)[];
  text: string;
  kind: Kind;
  /** The type the expression is cast to where it is used. */
  cast: (typeof MACRO_TYPES)[keyof typeof MACRO_TYPES];
}

/** Every expression of the config with where it sits and what it must yield. */
export function expressionsOf(awards: readonly Award[]): Located[] {
  return awards.flatMap((a, i) => {
    const at = (...rest: (string | number)[]) => ['awards', i, ...rest];
    const found: Located[] = [];
    const condition = (p: (string | number)[], text: string) => found.push({ path: p, text, kind: 'boolean', cast: MACRO_TYPES.when });
    const amount = (p: (string | number)[], text: string) => found.push({ path: p, text, kind: 'number', cast: MACRO_TYPES.amount });
    if (a.when !== undefined) condition(at('when'), a.when);
    if (typeof a.amount === 'string') amount(at('amount'), a.amount);
    a.cases.forEach((c, j) => {
      condition(at('cases', j, 'when'), c.when);
      if (typeof c.amount === 'string') amount(at('cases', j, 'amount'), c.amount);
    });
    if (a.order_by) found.push({ path: at('order_by', 'expression'), text: a.order_by.expression, kind: 'number', cast: MACRO_TYPES.order });
    return found;
  });
}

/** The expression as it is placed into SQL: on its own lines, so a trailing `--` comment stays inside. */
export const wrapped = (text: string) => `(\n${text}\n)`;

export type AstNode = Record<string, unknown>;

/**
 * The first node outside the allowlist, described for the diagnostic; null when all are allowed.
 * Every property of every node is walked (arguments, FILTER, ORDER BY, window specs, CASE
 * branches, whatever DuckDB adds next), so no part of the tree is skipped by construction; each
 * expression node (one with a `class`) must be of an allowed class.
 */
export function refusedNode(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return null;
  const own = !Array.isArray(value) && 'class' in value ? refusedClass(value as AstNode) : null;
  if (own) return own;
  for (const child of Object.values(value)) {
    const refused = refusedNode(child);
    if (refused) return refused;
  }
  return null;
}

/** Whether one expression node, apart from its children, is allowed. */
function refusedClass(node: AstNode): string | null {
  switch (node.class) {
    case 'CONSTANT':
    case 'COMPARISON':
    case 'CONJUNCTION':
    case 'BETWEEN':
    case 'CASE':
      return null;
    case 'COLUMN_REF': {
      const names = node.column_names as string[];
      return names.length === 1 && COLUMN_NAMES.includes(names[0]!.toLowerCase()) ? null : `the column "${names.join('.')}"`;
    }
    case 'FUNCTION': {
      const name = String(node.function_name).toLowerCase();
      const allowed = node.is_operator ? OPERATORS.has(name) : FUNCTIONS.has(name);
      const orders = (node.order_bys as { orders?: unknown[] } | null)?.orders ?? [];
      if (!allowed || node.schema !== '' || node.catalog !== '' || node.distinct) return `the function "${String(node.function_name)}"`;
      if (node.filter !== null) return `a FILTER clause on "${String(node.function_name)}"`;
      if (orders.length > 0) return `an ORDER BY inside "${String(node.function_name)}"`;
      return null;
    }
    case 'OPERATOR':
      return OPERATOR_TYPES.has(String(node.type)) ? null : `the operator ${String(node.type)}`;
    default:
      return `a ${String(node.class).toLowerCase()} (${String(node.type)})`;
  }
}

/**
 * A SQL expression over one standing: the columns of EXPRESSION_COLUMNS, the functions of
 * FUNCTIONS (docs/config/awards.md, "Expressions"). Checked in DuckDB when the config is read.
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
  needPeriods([a.period], () => at('period'), refs);
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

/**
 * The macros that evaluate every award's expressions, one CASE branch per award (by its position).
 * Each takes the award's position and one standing as a STRUCT (`award_when(c.award_ord, c)`), so
 * the SQL that calls it names no column; an inner macro of the same name plus `_of` takes the
 * columns one by one, the names the expressions use, both made here from EXPRESSION_COLUMNS.
 */
export function awardMacrosSql(awards: readonly Award[]): string[] {
  const macro = (name: string, type: string, branch: (a: Award) => string | null) => {
    const branches = awards.flatMap((a, ord) => {
      const sql = branch(a);
      return sql === null ? [] : [`WHEN ${ord} THEN CAST(${sql} AS ${type})`];
    });
    const body = branches.length === 0 ? `CAST(NULL AS ${type})` : `CASE award_ord\n${branches.join('\n')}\nEND`;
    const fields = COLUMN_NAMES.map((column) => `standing.${column}`).join(', ');
    return [
      `CREATE OR REPLACE MACRO ${name}_of(${['award_ord', ...COLUMN_NAMES].join(', ')}) AS ${body};`,
      `CREATE OR REPLACE MACRO ${name}(award_ord, standing) AS ${name}_of(award_ord, ${fields});`,
    ];
  };
  const number = (value: number | string) => (typeof value === 'number' ? String(value) : wrapped(value));
  const anyCase = (a: Award) => a.cases.map((c) => `coalesce(${wrapped(c.when)}, false)`).join(' OR ');
  return [
    ...macro('award_when', MACRO_TYPES.when, (a) => {
      const parts = [a.when === undefined ? 'true' : `coalesce(${wrapped(a.when)}, false)`];
      if (a.cases.length > 0) parts.push(`(${anyCase(a)})`);
      return parts.join(' AND ');
    }),
    ...macro('award_amount', MACRO_TYPES.amount, (a) =>
      a.cases.length === 0 ? number(a.amount) : `CASE ${a.cases.map((c) => `WHEN coalesce(${wrapped(c.when)}, false) THEN ${number(c.amount)}`).join(' ')} ELSE ${number(a.amount)} END`,
    ),
    ...macro('award_order', MACRO_TYPES.order, (a) => (a.order_by ? wrapped(a.order_by.expression) : null)),
  ];
}
