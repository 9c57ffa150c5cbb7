/** `rubric` (S9): items with maximum points, each read from its own metric; the total sums the capped items. */
import { z } from 'zod';
import { Id, Num, Subject, Text } from '../../config/atoms.ts';
import { scoreKind, type RuleText, type TableRow } from '../kind.ts';
import { needBounds } from '../references.ts';
import { MetricAggregate, PeriodKindSchema, scoreHead } from '../score-atoms.ts';
import { metricKey } from '../score-sources.ts';
import { rubricMessages } from './messages.ts';

/** A rubric (S9): items with maximum points, each read from its own metric; total = sum of the capped items. */
export const RubricScore = z.strictObject({
  ...scoreHead,
  model: z.literal('rubric'),
  chart: PeriodKindSchema.default('month'),
  /** How several values of an item's metric in a period combine (several raters → mean). */
  aggregate: MetricAggregate.default('mean'),
  items: z.array(z.strictObject({ id: Id, label: Text, max: Num().positive(), metric: Id })).min(1),
  subjects: z.array(Subject).min(1),
});

export const rubric = scoreKind({
  schema: RubricScore,
  messages: rubricMessages,
  fromRecords: false,
  models: ['int_source_values', 'int_composite_parts'],
  references(score, at, refs) {
    needBounds(score.floor, score.cap, 'cap', at, refs);
    refs.needUnique(score.items.map((item) => item.id), (j) => at('items', j, 'id'));
    score.items.forEach((item, j) => refs.needMetric(item.metric, at('items', j, 'metric')));
  },
  // A rubric item is a composite's 'scaled' part with scale = weight = cap = its maximum.
  rows: (score): TableRow[] => [
    { table: 'cfg_composites', row: { score_id: score.id, exemption_rule: 'rescale' } },
    ...score.items.flatMap((item, ord): TableRow[] => [
      { table: 'cfg_indicators', row: { score_id: score.id, indicator_id: item.id, ord, kind: 'scaled', weight: item.max, cap_points: item.max, scale: item.max, factor: 1 } },
      { table: 'cfg_indicator_terms', row: { score_id: score.id, indicator_id: item.id, term: 1, source_key: metricKey(item.metric, score.aggregate), share: 1 } },
    ]),
  ],
  describe: (score, words): RuleText[] => [
    { key: 'method.rubric', values: { score: words.label(score.label), subjects: words.subjects(score.subjects), count: score.items.length, total: score.items.reduce((sum, i) => sum + i.max, 0) } },
    ...score.items.map((i) => ({ key: 'method.rubric.item', values: { item: words.label(i.label), max: i.max, metric: words.metric(i.metric) } })),
    { key: `method.rubric.aggregate.${score.aggregate}`, values: {} },
    { key: 'method.rubric.missing', values: {} },
  ],
});
