/** `awards[]` (top lists and penalties, S5's fines among them) and `soft_caps[]` over their winners. */
import { z } from 'zod';
import { Id, Int, Num, Text, Threshold } from '../../config/atoms.ts';

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
