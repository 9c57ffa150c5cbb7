/**
 * What the score kinds share: the period kind a page charts them by, their bounds, and where a
 * value is read from (a metric aggregated over the period, or another score).
 */
import { z } from 'zod';
import { Id, Num, Text } from '../config/atoms.ts';

export const PeriodKindSchema = z.enum(['month', 'quarter', 'phase', 'half', 'year', 'custom']);

/**
 * A score's bounds in points, for each period's score: `floor: 0` is 扣完为止 (deductions stop at
 * zero), `cap: 5` a ceiling on a bonus. What a bound takes away or adds is an audit row of its
 * own (rule `floor` or `cap`), so the parts still add up to the score.
 */
export const scoreFloor = { floor: Num().optional() };
export const scoreBounds = { ...scoreFloor, cap: Num().optional() };
/** The keys every score opens with: its id, label and bounds. */
export const scoreHead = { id: Id, label: Text, ...scoreBounds };

export const MetricAggregate = z.enum(['sum', 'mean', 'last', 'min', 'max']);

/**
 * What a ratio scores when its denominator is zero or negative: `none` leaves the subject without
 * a score (not ranked that period), `zero` scores 0, `full` gives full marks. Never a silent division.
 */
export const OnNonpositive = z.enum(['none', 'zero', 'full']);

/**
 * A ratio's numerator or denominator: a metric's sum over the period (its id), or any other
 * score's value (`{ score: id }`), e.g. an event tally of complaints per 10,000 trips.
 */
export const RatioTerm = z.union([Id, z.strictObject({ score: Id })]);
export type RatioTerm = z.infer<typeof RatioTerm>;

/** Where an indicator reads its value: another score of any model, or a metric aggregated over the period. */
export const Source = z.union([
  z.strictObject({ score: Id }),
  z.strictObject({ metric: Id, aggregate: MetricAggregate.default('sum') }),
]);
export type Source = z.infer<typeof Source>;

/**
 * The all-units value a peer ratio divides by: the sum or mean over every subject, or a metric
 * recorded for (or a score of) the top unit.
 */
export const Peer = z.union([z.enum(['sum', 'mean']), z.strictObject({ metric: Id, aggregate: MetricAggregate.default('sum') }), z.strictObject({ score: Id })]);
export type Peer = z.infer<typeof Peer>;
