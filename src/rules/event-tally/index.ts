/** `event_tally`: per period, how many events of the listed types a subject had, or the sum of their points or amounts. */
import { z } from 'zod';
import { Id, Subject, Threshold } from '../../config/atoms.ts';
import { THRESHOLD_SYMBOL } from '../../config/thresholds.ts';
import { scoreKind, type RuleText, type TableRow } from '../kind.ts';
import { needBounds } from '../references.ts';
import { PeriodKindSchema, scoreHead } from '../score-atoms.ts';
import { eventTallyMessages } from './messages.ts';

/** Per period, how many events of the listed types an entity had, or the sum of their points or amounts. */
export const EventTallyScore = z.strictObject({
  ...scoreHead,
  model: z.literal('event_tally'),
  chart: PeriodKindSchema.default('month'),
  subjects: z.array(Subject).min(1),
  event_types: z.array(Id).min(1),
  measure: z.enum(['count', 'points', 'amount']).default('count'),
  /** Which statuses count; appeals apply on top (an upheld appeal removes the event). */
  statuses: z.array(z.enum(['verified', 'unverified', 'pending'])).min(1).default(['verified']),
  /** Only events whose amount (元) passes this threshold, e.g. single losses `>= 2000`. */
  amount: Threshold.optional(),
});

export const eventTally = scoreKind({
  schema: EventTallyScore,
  messages: eventTallyMessages,
  fromRecords: true,
  models: ['int_tally_events', 'int_base_parts', 'int_base_scores'],
  references: (score, at, refs) => needBounds(score.floor, score.cap, 'cap', at, refs),
  eventTypeReferences(score, at, refs) {
    const eventTypeIds = refs.eventTypes.map((e) => e.id);
    score.event_types.forEach((t, j) => {
      refs.need(eventTypeIds.includes(t), at('event_types', j), refs.oneOf(eventTypeIds), refs.shown(t));
      const pointless = refs.eventTypes.some((e) => e.id === t && e.points === undefined);
      refs.need(score.measure !== 'points' || !pointless, at('event_types', j), 'an event type with points (the tally sums points)', `fine-only type "${t}"`);
    });
  },
  rows: (score): TableRow[] => [
    { table: 'cfg_tallies', row: { score_id: score.id, measure: score.measure, amount_op: score.amount?.op ?? null, amount_value: score.amount?.value ?? null } },
    ...score.event_types.map((type_id) => ({ table: 'cfg_tally_types', row: { score_id: score.id, type_id } })),
    ...score.statuses.map((status) => ({ table: 'cfg_tally_statuses', row: { score_id: score.id, status } })),
  ],
  describe(score, words): RuleText[] {
    const own = { score: words.label(score.label) };
    const sentences: RuleText[] = [
      { key: `method.tally.${score.measure}`, values: { ...own, subjects: words.subjects(score.subjects), types: words.join(score.event_types.map(words.eventType)), statuses: score.statuses.join(', ') } },
    ];
    if (score.amount) sentences.push({ key: 'method.tally.threshold', values: { ...own, op: THRESHOLD_SYMBOL[score.amount.op], value: score.amount.value } });
    sentences.push({ key: 'method.tally.appeals', values: {} });
    return sentences;
  },
});
