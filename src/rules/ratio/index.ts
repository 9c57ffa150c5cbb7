/** `ratio`: numerator / denominator over the period, each a metric's sum or another score (S9). */
import { z } from 'zod';
import { Num, Subject } from '../../config/atoms.ts';
import { scoreKind, type RuleText, type TableRow } from '../kind.ts';
import { needBounds } from '../references.ts';
import { OnNonpositive, PeriodKindSchema, RatioTerm, scoreHead } from '../score-atoms.ts';
import { ratioTermColumns, sourceLabel, sourceScore } from '../score-sources.ts';
import { ratioMessages } from './messages.ts';

/** Numerator / denominator over the period (S9: rated / served, satisfied / rated). */
export const RatioScore = z.strictObject({
  ...scoreHead,
  model: z.literal('ratio'),
  chart: PeriodKindSchema.default('month'),
  numerator: RatioTerm,
  denominator: RatioTerm,
  /** The ratio is multiplied by this: 100 states it in percent (评价率 92.0). */
  scale: Num().positive().default(1),
  on_nonpositive: OnNonpositive.default('none'),
  subjects: z.array(Subject).min(1),
});

export const ratio = scoreKind({
  schema: RatioScore,
  messages: ratioMessages,
  fromRecords: false,
  models: ['int_stage_scores'],
  reads: (score) => [...sourceScore(score.numerator, ['numerator']), ...sourceScore(score.denominator, ['denominator'])],
  references(score, at, refs) {
    refs.needSource(score.numerator, at('numerator'), score.subjects);
    refs.needSource(score.denominator, at('denominator'), score.subjects);
    needBounds(score.floor, score.cap, 'cap', at, refs);
  },
  rows: (score): TableRow[] => [
    {
      table: 'cfg_ratio_scores',
      row: { score_id: score.id, ...ratioTermColumns(score.numerator, 'numerator'), ...ratioTermColumns(score.denominator, 'denominator'), on_nonpositive: score.on_nonpositive, scale: score.scale },
    },
  ],
  describe(score, words): RuleText[] {
    const denominator = sourceLabel(score.denominator, words);
    return [
      { key: 'method.ratio', values: { score: words.label(score.label), subjects: words.subjects(score.subjects), numerator: sourceLabel(score.numerator, words), denominator } },
      ...(score.scale === 1 ? [] : [{ key: 'method.ratio.scale', values: { scale: score.scale } }]),
      { key: `method.ratio.onNonpositive.${score.on_nonpositive}`, values: { denominator } },
    ];
  },
});
