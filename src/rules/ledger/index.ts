/** `ledger` (S1): each subject starts every period at `base`; events add or deduct their points. */
import { z } from 'zod';
import { Num, Subject } from '../../config/atoms.ts';
import { scoreKind, type RuleText } from '../kind.ts';
import { needBounds } from '../references.ts';
import { PeriodKindSchema, scoreHead } from '../score-atoms.ts';
import { ledgerMessages } from './messages.ts';

export const LedgerScore = z.strictObject({
  ...scoreHead,
  model: z.literal('ledger'),
  /** The period kind an entity page charts this score by. */
  chart: PeriodKindSchema.default('month'),
  base: Num().default(0),
  subjects: z.array(Subject).min(1),
});

// Event types and the survey rule name the ledger they post to; their sentences follow this one
// (src/site/methodology.ts), as they are rules of their own lists.
export const ledger = scoreKind({
  schema: LedgerScore,
  messages: ledgerMessages,
  fromRecords: true,
  models: ['int_postings', 'int_base_parts', 'int_base_scores'],
  references: (score, at, refs) => needBounds(score.floor, score.cap, 'cap', at, refs),
  columns: (score) => ({ base: score.base }),
  describe: (score, words): RuleText[] => [{ key: 'method.ledger', values: { score: words.label(score.label), base: score.base, subjects: words.subjects(score.subjects) } }],
});
