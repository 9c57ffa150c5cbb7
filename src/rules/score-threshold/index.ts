/** `score_threshold` (S4/S9 targets): each unit's score in each selected period meets a threshold. */
import { THRESHOLD_SYMBOL } from '../../config/thresholds.ts';
import { complianceKind, findingsOf } from '../kind.ts';
import { needLevel, needPeriods, needScoreOf } from '../references.ts';
import { checkScoreThreshold, type ScoredUnit } from './check.ts';
import { ScoreThreshold } from './schema.ts';
import { scoreThresholdMessages } from './messages.ts';

export const scoreThreshold = complianceKind({
  schema: ScoreThreshold,
  messages: scoreThresholdMessages,
  models: ['check_period_scores'],
  references(rule, at, refs) {
    needLevel(rule.level, at('level'), refs);
    needPeriods(rule.periods, (j) => at('periods', j), refs);
    needScoreOf(rule.score, rule.level, at('score'), refs);
  },
  describe: (rule, words) => ({
    key: 'method.compliance.scoreThreshold',
    values: { rule: words.label(rule.label), during: words.periods(rule.periods), level: words.level(rule.level), score: words.score(rule.score), op: THRESHOLD_SYMBOL[rule.threshold.op], value: rule.threshold.value },
  }),
  check: (rule, run) =>
    findingsOf(run.periods(rule.periods), async (period) =>
      checkScoreThreshold(rule, await run.query<ScoredUnit>('check_period_scores', { level: rule.level, score_id: rule.score, period_id: period.id }), run.labels),
    ),
});
