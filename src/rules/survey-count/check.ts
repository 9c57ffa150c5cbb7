/** S1: "10 customers are surveyed per month." One finding per unit and month that falls short. */
import type { SurveyCount } from './schema.ts';
import { meetsThreshold, THRESHOLD_SYMBOL } from '../../config/thresholds.ts';
import { inRecordOrder, type CheckFinding } from '../finding.ts';

export interface SurveyMonth {
  unit_id: string;
  month_start: string;
  month_end: string;
  respondents: number;
  surveys: { id: string; date: string; respondents: number }[];
}

export function checkSurveyCount(rule: SurveyCount, months: SurveyMonth[]): CheckFinding[] {
  return months
    .filter((month) => !meetsThreshold(month.respondents, rule.respondents))
    .map((month) => ({
      ruleId: rule.id,
      unitId: month.unit_id,
      periodStart: month.month_start,
      periodEnd: month.month_end,
      observed: month.respondents,
      threshold: rule.respondents,
      messageKey: 'finding.surveyCount',
      values: { respondents: month.respondents, op: THRESHOLD_SYMBOL[rule.respondents.op], required: rule.respondents.value },
      evidence: inRecordOrder(month.surveys).map((s) => ({ table: 'surveys' as const, id: s.id, date: s.date, messageKey: 'evidence.survey', values: { respondents: s.respondents } })),
    }));
}
