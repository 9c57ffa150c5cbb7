/** `recheck` (S4 复查): a unit whose score last period met `below` is checked again this period. */
import { THRESHOLD_SYMBOL } from '../../config/thresholds.ts';
import { complianceKind, findingsOf } from '../kind.ts';
import { needLevel, needPeriods, needScoreOf } from '../references.ts';
import { checkRecheck, type RecheckUnit } from './check.ts';
import { Recheck } from './schema.ts';
import { recheckMessages } from './messages.ts';

export const recheck = complianceKind({
  schema: Recheck,
  messages: recheckMessages,
  models: ['check_recheck'],
  references(rule, at, refs) {
    needLevel(rule.level, at('level'), refs);
    needPeriods(rule.periods, (j) => at('periods', j), refs);
    needScoreOf(rule.score, rule.level, at('score'), refs);
  },
  describe: (rule, words) => ({
    key: rule.checks ? 'method.compliance.recheck' : 'method.compliance.recheck.anyCheck',
    values: {
      rule: words.label(rule.label),
      periods: words.periods(rule.periods),
      level: words.level(rule.level),
      score: words.score(rule.score),
      op: THRESHOLD_SYMBOL[rule.below.op],
      value: rule.below.value,
      kinds: words.checkKinds(rule.checks),
    },
  }),
  check: (rule, run) =>
    findingsOf(run.periods(rule.periods), async (period) =>
      checkRecheck(rule, await run.query<RecheckUnit>('check_recheck', { level: rule.level, score_id: rule.score, period_id: period.id }), run.labels),
    ),
});
