/** `check_average`: the mean (or last, or lowest) of the 0–100 checks dated inside the period. */
import { z } from 'zod';
import { Id, Subject } from '../../config/atoms.ts';
import { scoreKind, type RuleText, type TableRow } from '../kind.ts';
import { needBounds } from '../references.ts';
import { PeriodKindSchema, scoreHead } from '../score-atoms.ts';
import { checkAverageMessages } from './messages.ts';

export const CheckAverageScore = z.strictObject({
  ...scoreHead,
  model: z.literal('check_average'),
  chart: PeriodKindSchema.default('quarter'),
  aggregate: z.enum(['mean', 'last', 'min']).default('mean'),
  /** Which check kinds count; all of them when left out. */
  check_kinds: z.array(Id).optional(),
  /** Whether a check nobody signed off (`signed_by` empty) counts in the score (S3 验收签字). */
  unsigned: z.enum(['count', 'exclude']).default('count'),
  /** Levels, or `staff` for checks that name a person (`staff_id`). */
  subjects: z.array(Subject).min(1),
});

export const checkAverage = scoreKind({
  schema: CheckAverageScore,
  messages: checkAverageMessages,
  fromRecords: true,
  models: ['int_counted_checks', 'int_base_parts', 'int_base_scores'],
  // Check kinds are codes of the checks table, named (optionally) in check_kinds: nothing to look up.
  references: (score, at, refs) => needBounds(score.floor, score.cap, 'cap', at, refs),
  columns: (score) => ({ aggregate: score.aggregate }),
  rows: (score): TableRow[] => [
    ...(score.check_kinds ?? []).map((check_kind) => ({ table: 'cfg_score_check_kinds', row: { score_id: score.id, check_kind } })),
    ...(score.unsigned === 'exclude' ? [{ table: 'cfg_scores_excluding_unsigned', row: { score_id: score.id } }] : []),
  ],
  describe(score, words): RuleText[] {
    const own = { score: words.label(score.label) };
    const sentences: RuleText[] = [{ key: `method.checkAverage.${score.aggregate}`, values: { ...own, subjects: words.subjects(score.subjects), kinds: words.checkKinds(score.check_kinds) } }];
    if (score.unsigned === 'exclude' || words.signoffRule) sentences.push({ key: `method.checkAverage.unsigned.${score.unsigned}`, values: own });
    return sentences;
  },
});
