/** `metric`: the period's values of one declared metric for the subject, aggregated. */
import { z } from 'zod';
import { Id, Subject } from '../../config/atoms.ts';
import { scoreKind, type RuleText, type TableRow } from '../kind.ts';
import { needBounds } from '../references.ts';
import { MetricAggregate, PeriodKindSchema, scoreHead } from '../score-atoms.ts';
import { metricMessages } from './messages.ts';

/** The period's values of one declared metric for the subject: their sum, mean, latest, lowest or highest. */
export const MetricScore = z.strictObject({
  ...scoreHead,
  model: z.literal('metric'),
  chart: PeriodKindSchema.default('month'),
  metric: Id,
  aggregate: MetricAggregate.default('sum'),
  subjects: z.array(Subject).min(1),
});

export const metric = scoreKind({
  schema: MetricScore,
  messages: metricMessages,
  fromRecords: true,
  models: ['int_metric_values', 'int_base_parts', 'int_base_scores'],
  references(score, at, refs) {
    refs.needMetric(score.metric, at('metric'));
    needBounds(score.floor, score.cap, 'cap', at, refs);
  },
  rows: (score): TableRow[] => [{ table: 'cfg_metric_scores', row: { score_id: score.id, metric_id: score.metric, aggregate: score.aggregate } }],
  describe: (score, words): RuleText[] => [
    { key: `method.metric.${score.aggregate}`, values: { score: words.label(score.label), subjects: words.subjects(score.subjects), metric: words.metric(score.metric) } },
  ],
});
