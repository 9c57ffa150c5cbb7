/** `rollup`: a unit's score from another score of the units at a lower level, or of the staff, beneath it. */
import { z } from 'zod';
import { Id, Subject } from '../../config/atoms.ts';
import { scoreKind, type RuleText, type TableRow } from '../kind.ts';
import { needBounds } from '../references.ts';
import { MetricAggregate, PeriodKindSchema, scoreHead } from '../score-atoms.ts';
import { metricKey } from '../score-sources.ts';
import { rollupMessages } from './messages.ts';

/** A unit's score from another score of the units at a lower level, or of the staff, beneath it. */
export const RollupScore = z.strictObject({
  ...scoreHead,
  model: z.literal('rollup'),
  chart: PeriodKindSchema.default('month'),
  of: Id,
  /** A level below the subjects, or `staff`. */
  from: Id,
  /** `min` is the barrel rule: a unit is only as good as its weakest part. */
  aggregate: z.enum(['sum', 'mean', 'weighted_mean', 'min']),
  /** weighted_mean only: each part's weight, a metric of the part aggregated over the period. */
  weight: z.strictObject({ metric: Id, aggregate: MetricAggregate.default('last') }).optional(),
  subjects: z.array(Subject).min(1),
});

export const rollup = scoreKind({
  schema: RollupScore,
  messages: rollupMessages,
  fromRecords: false,
  models: ['int_stage_scores'],
  reads: (score) => [{ score: score.of, path: ['of'] }],
  references(score, at, refs) {
    needBounds(score.floor, score.cap, 'cap', at, refs);
    refs.needScore(score.of, at('of'), [score.from]);
    score.subjects.forEach((subject, j) => {
      const below = ['staff', ...refs.levelIds.slice(refs.levelIds.indexOf(subject) + 1)];
      refs.need(subject !== 'staff', at('subjects', j), 'a level of the org tree (a rollup scores units)', refs.shown(subject));
      refs.need(subject === 'staff' || below.includes(score.from), at('from'), `a level below "${subject}" or staff, ${refs.oneOf(below)}`, refs.shown(score.from));
    });
    if (score.aggregate === 'weighted_mean') refs.need(score.weight !== undefined, at('aggregate'), 'a weight: { metric } for weighted_mean', 'no weight');
    if (score.weight) refs.needMetric(score.weight.metric, at('weight', 'metric'));
  },
  rows: (score): TableRow[] => [
    {
      table: 'cfg_rollups',
      row: { score_id: score.id, of_score_id: score.of, from_subject: score.from, aggregate: score.aggregate, weight_key: score.weight ? metricKey(score.weight.metric, score.weight.aggregate) : null },
    },
  ],
  describe: (score, words): RuleText[] => {
    const subjects = words.subjects(score.subjects);
    const from = words.subjects([score.from]);
    return [
      { key: `method.rollup.${score.aggregate}`, values: { score: words.label(score.label), subjects, of: words.score(score.of), from, weight: score.weight ? words.metric(score.weight.metric) : '' } },
      { key: 'method.rollup.parts', values: { subjects, from } },
    ];
  },
});
