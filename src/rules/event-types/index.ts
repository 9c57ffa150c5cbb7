/**
 * `event_types[]`: a kind of event moves a ledger score (`score`, `effect`, `points`), costs its
 * subject a `fine` (../fines), or both, with cascades, repeat and priority multipliers. Its
 * schema, cross-references, cfg_* rows and methodology sentences.
 */
import { z } from 'zod';
import { Id, Multiplier, Num, Text } from '../../config/atoms.ts';
import { describeFine, Fine, fineColumns, fineReferences } from '../fines/index.ts';
import type { References, RuleText, TableRow, YamlPath } from '../kind.ts';

const Points = z.union([
  z.strictObject({ fixed: Num().positive() }),
  z.strictObject({ min: Num().positive(), max: Num().positive() }),
]);
export type Points = z.infer<typeof Points>;

/** Where a cascaded share of an event lands, seen from the event's subject. */
const CascadeTarget = z.union([
  z.strictObject({ unit: Id }).describe('the subject’s own unit or its ancestor at this level'),
  z.strictObject({ head_of: Id }).describe('the head of that unit'),
]);

/**
 * A kind of event. It moves a ledger score (`score`, `effect`, `points`), costs its subject a
 * `fine`, or both: a fine-only type (S5 100元 per conduct breach) has no score, effect or points.
 */
export const EventType = z.strictObject({
  id: Id,
  label: Text,
  score: Id.optional(),
  effect: z.enum(['add', 'deduct']).optional(),
  points: Points.optional(),
  /** Only events whose status is `verified` move a score (经核实). */
  verified_only: z.boolean().default(false),
  cascade: z.array(z.strictObject({ to: CascadeTarget, points: Num().positive() })).default([]),
  /** The same problem again (same type, subject and problem code) inside one period of this kind counts more (加倍考核). */
  repeat: z
    .strictObject({
      within: z.enum(['month', 'quarter', 'phase', 'half', 'year', 'custom', 'competition']),
      /** Points (and money) of the second and later events; left out, repeats only change a fine's rate. */
      multiplier: Multiplier.optional(),
    })
    .optional(),
  /** Events marked `priority = yes` (a priority item named by the higher bank) count more. */
  priority: z.strictObject({ multiplier: Multiplier }).optional(),
  /** How repeat and priority multipliers combine when both apply; required when both are configured. */
  combine_multipliers: z.enum(['max', 'product']).optional(),
  fine: Fine.optional(),
});
export type EventType = z.infer<typeof EventType>;

/** What an event type's checks look up beyond `References`. */
export interface EventTypeLookups extends Pick<References, 'levelIds' | 'need' | 'oneOf' | 'shown'> {
  scoreById: ReadonlyMap<string, { model: string; subjects: readonly string[] }>;
  ledgerScoreIds: readonly string[];
  /** Types an event_tally counts. */
  talliedTypes: ReadonlySet<string>;
  /** Period kinds the competition has, and `competition`. */
  periodKinds: ReadonlySet<string>;
}

/** What the type does: a score with effect and points, a fine or a tally; its ledger score and cascades. */
export function eventTypeReferences(e: EventType, at: (...rest: PropertyKey[]) => YamlPath, refs: EventTypeLookups): void {
  const { need, oneOf, shown } = refs;
  // A type moves a score (score, effect and points together), costs a fine, or is counted by a
  // tally: a type that does none of these would change nothing, unseen.
  const scoreKeys = (['score', 'effect', 'points'] as const).filter((key) => e[key] !== undefined);
  need(scoreKeys.length > 0 || e.fine !== undefined || refs.talliedTypes.has(e.id), at(), 'a score with effect and points, a fine, or an event_tally that counts it', 'none of them');
  for (const key of ['score', 'effect', 'points'] as const) {
    need(e[key] !== undefined || scoreKeys.length === 0, at(key), `${key} beside ${scoreKeys.join(' and ')} (or none of score, effect and points for a fine-only type)`, 'nothing');
  }
  if (e.score === undefined) {
    need(e.cascade.length === 0, at('cascade'), 'no cascade on a type without a score', 'a list');
    need(!(e.fine && 'per_point' in e.fine), at('fine', 'per_point'), 'a fixed or ranged fine: the type has no points', 'per_point');
    return;
  }
  const score = refs.scoreById.get(e.score);
  need(score?.model === 'ledger', at('score'), `a ledger score, ${oneOf(refs.ledgerScoreIds)}`, shown(e.score));
  if (e.points && 'min' in e.points) need(e.points.min <= e.points.max, at('points', 'max'), `a maximum ≥ min ${e.points.min}`, String(e.points.max));
  e.cascade.forEach((step, j) => {
    const level = 'unit' in step.to ? step.to.unit : step.to.head_of;
    const key = 'unit' in step.to ? 'unit' : 'head_of';
    need(refs.levelIds.includes(level), at('cascade', j, 'to', key), oneOf(refs.levelIds), shown(level));
    const receiver = 'unit' in step.to ? step.to.unit : 'staff';
    need(!score || score.subjects.includes(receiver), at('cascade', j, 'to', key), `a receiver that score "${e.score}" applies to (${score?.subjects.join(', ')})`, shown(receiver));
  });
}

/**
 * Its repeat, multipliers and fine, checked after every type's own references (a second pass, so
 * that the problems of one type's score come before those of another's multipliers).
 */
export function eventTypeRuleReferences(e: EventType, at: (...rest: PropertyKey[]) => YamlPath, refs: EventTypeLookups): void {
  const { need, oneOf, shown } = refs;
  if (e.repeat) need(refs.periodKinds.has(e.repeat.within), at('repeat', 'within'), `a period kind this competition has, ${oneOf([...refs.periodKinds])}`, shown(e.repeat.within));
  const bothMultipliers = e.repeat?.multiplier !== undefined && e.priority !== undefined;
  need(!bothMultipliers || e.combine_multipliers !== undefined, at('combine_multipliers'), 'max or product: the type has both a repeat and a priority multiplier', 'nothing');
  need(bothMultipliers || e.combine_multipliers === undefined, at('combine_multipliers'), 'no combine_multipliers unless repeat.multiplier and priority are both set', shown(e.combine_multipliers ?? ''));
  if (e.fine) fineReferences(e.fine, e.repeat, (...rest) => at('fine', ...rest), refs);
}

export function eventTypeRows(t: EventType): TableRow[] {
  const type_id = t.id;
  return [
    {
      table: 'cfg_event_types',
      row: {
        type_id,
        // A fine-only type has no score, sign or points (NULLs: it posts nothing).
        score_id: t.score ?? null,
        sign: t.effect === undefined ? null : t.effect === 'add' ? 1 : -1,
        fixed_points: t.points && 'fixed' in t.points ? t.points.fixed : null,
        min_points: t.points && 'min' in t.points ? t.points.min : null,
        max_points: t.points && 'max' in t.points ? t.points.max : null,
        verified_only: t.verified_only,
      },
    },
    ...t.cascade.map((step, i) => ({
      table: 'cfg_cascades',
      row: { type_id, step: i + 1, ...('unit' in step.to ? { target: 'unit', level_id: step.to.unit } : { target: 'head', level_id: step.to.head_of }), points: step.points },
    })),
    {
      table: 'cfg_event_multipliers',
      row: { type_id, repeat_within: t.repeat?.within ?? null, repeat_multiplier: t.repeat?.multiplier ?? null, priority_multiplier: t.priority?.multiplier ?? null, combine: t.combine_multipliers ?? null },
    },
    ...(t.fine ? [{ table: 'cfg_fines', row: { type_id, ...fineColumns(t.fine) } }] : []),
  ];
}

/** Repeat and priority multipliers, their precedence, and the type's fine (S5), for the type labelled `type`. */
export function describeEventRules(t: EventType, type: string): RuleText[] {
  const sentence = (key: string, values: RuleText['values'] = {}): RuleText => ({ key, values: { type, ...values } });
  const sentences: RuleText[] = [];
  if (t.repeat) {
    const { within, multiplier } = t.repeat;
    sentences.push(multiplier === undefined ? sentence('method.event.repeat.rateOnly', { periods: within }) : sentence('method.event.repeat', { periods: within, multiplier }));
  }
  if (t.priority) sentences.push(sentence('method.event.priority', { multiplier: t.priority.multiplier }));
  if (t.combine_multipliers) sentences.push(sentence(`method.event.combine.${t.combine_multipliers}`));
  if (t.fine) sentences.push(...describeFine(t.fine, type));
  return sentences;
}
