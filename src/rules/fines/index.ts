/**
 * `event_types[].fine`: the money an event costs its subject (S5: 100元 per conduct breach, 200
 * 元 per software point, 500 on a repeat). Events post fines through int_fines.sql into
 * fct_fine_totals.sql; the rank-band fines of S5 are penalty awards (src/rules/awards).
 */
import { z } from 'zod';
import { Money } from '../../config/atoms.ts';
import type { ConfigRow, References, RuleText, YamlPath } from '../kind.ts';

/**
 * Money (元) an event costs its subject: a fixed sum per occurrence, the event's own `amount`
 * within a range, or a rate per point (another rate on a repeat).
 */
export const Fine = z.union([
  z.strictObject({ fixed: Money().positive() }),
  z.strictObject({ min: Money().nonnegative(), max: Money().positive() }),
  z.strictObject({
    per_point: Money().positive(),
    /** Rate per point for a repeat (see `repeat`). */
    repeat_per_point: Money().positive().optional(),
    /**
     * Which wins on a repeat when the type also has a repeat multiplier: `rate` (the repeat rate,
     * points not multiplied), `multiplier` (the first rate, points multiplied) or `both`.
     */
    on_repeat: z.enum(['rate', 'multiplier', 'both']).optional(),
  }),
]);
export type Fine = z.infer<typeof Fine>;

/** The SQL models that post and total fines. */
export const FINE_MODELS = ['int_fines', 'fct_fine_totals'] as const;

/** A range that is one, and a repeat rate only where the type says what a repeat is. */
export function fineReferences(fine: Fine, repeat: { multiplier?: number } | undefined, at: (...rest: PropertyKey[]) => YamlPath, refs: Pick<References, 'need' | 'shown'>): void {
  const { need, shown } = refs;
  if ('min' in fine) need(fine.min <= fine.max, at('max'), `a maximum ≥ min ${fine.min}`, String(fine.max));
  if ('per_point' in fine) {
    need(fine.repeat_per_point === undefined || repeat !== undefined, at('repeat_per_point'), 'a repeat rule on the type (repeat.within) that says what a repeat is', 'no repeat');
    const both = fine.repeat_per_point !== undefined && repeat?.multiplier !== undefined;
    need(!both || fine.on_repeat !== undefined, at('on_repeat'), 'rate, multiplier or both: the type has a repeat multiplier and a repeat rate', 'nothing');
    need(both || fine.on_repeat === undefined, at('on_repeat'), 'no on_repeat unless repeat.multiplier and fine.repeat_per_point are both set', shown(fine.on_repeat ?? ''));
  }
}

/** A fine's columns of cfg_fines. */
export function fineColumns(fine: Fine): ConfigRow {
  if ('fixed' in fine) return { kind: 'fixed', fixed_amount: fine.fixed };
  if ('min' in fine) return { kind: 'range', min_amount: fine.min, max_amount: fine.max };
  return { kind: 'per_point', per_point: fine.per_point, repeat_per_point: fine.repeat_per_point ?? null, on_repeat: fine.on_repeat ?? null };
}

/** The fine's methodology sentences for the event type labelled `type`. */
export function describeFine(fine: Fine, type: string): RuleText[] {
  const sentence = (key: string, values: RuleText['values'] = {}): RuleText => ({ key, values: { type, ...values } });
  if ('fixed' in fine) return [sentence('method.fine.fixed', { amount: fine.fixed })];
  if ('min' in fine) return [sentence('method.fine.range', { min: fine.min, max: fine.max })];
  return [
    fine.repeat_per_point === undefined ? sentence('method.fine.perPoint', { rate: fine.per_point }) : sentence('method.fine.perPoint.repeat', { rate: fine.per_point, repeatRate: fine.repeat_per_point }),
    ...(fine.on_repeat ? [sentence(`method.fine.onRepeat.${fine.on_repeat}`)] : []),
  ];
}
