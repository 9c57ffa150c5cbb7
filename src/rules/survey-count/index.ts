/** `survey_count`: customers surveyed per unit and month (S1: 10 a month). */
import { THRESHOLD_SYMBOL } from '../../config/thresholds.ts';
import { complianceKind, findingsOf } from '../kind.ts';
import { needLevel, needPhases } from '../references.ts';
import { checkSurveyCount, type SurveyMonth } from './check.ts';
import { SurveyCount } from './schema.ts';
import { surveyCountMessages } from './messages.ts';

export const surveyCount = complianceKind({
  schema: SurveyCount,
  messages: surveyCountMessages,
  models: ['check_survey_months'],
  references(rule, at, refs) {
    needLevel(rule.level, at('level'), refs);
    needPhases(rule.during, (j) => at('during', j), refs);
    // The months counted are the calendar's: without them the rule would check nothing, unseen.
    refs.need(refs.periodsMatching(['month']).length > 0, at('per'), 'calendar months to count in (periods.calendar with month)', 'no month periods');
  },
  describe: (rule, words) => ({
    key: 'method.compliance.survey',
    values: { rule: words.label(rule.label), level: words.level(rule.level), op: THRESHOLD_SYMBOL[rule.respondents.op], value: rule.respondents.value },
  }),
  check: (rule, run) =>
    findingsOf(run.windows(rule.during), async (window) => checkSurveyCount(rule, await run.query<SurveyMonth>('check_survey_months', { level: rule.level, from: window.start, to: window.end }))),
});
