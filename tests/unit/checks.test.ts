/** The compliance checks are pure functions: rows in, findings with evidence out. */
import { describe, expect, it } from 'vitest';
import { checkInspectionCadence, type InspectionWeek } from '../../src/rules/inspection-cadence/check.ts';
import { checkSurveyCount } from '../../src/rules/survey-count/check.ts';
import { ComplianceRule } from '../../src/config/schema.ts';

const weekly = ComplianceRule.parse({
  id: 'weekly-video',
  label: 'video',
  kind: 'inspection_cadence',
  level: 'outlet',
  method: 'video',
  per: 'week',
  count: { op: '>=', value: 5 },
  min_minutes: 5,
});
if (weekly.kind !== 'inspection_cadence') throw new Error('fixture rule has the wrong kind');

const slot = (id: string, minutes: number) => ({ id, date: '2025-04-08', minutes, inspector: '王五' });
const week = (qualifying: number, inspections = [slot('V1', 6)]): InspectionWeek => ({
  unit_id: 'O1',
  week_start: '2025-04-07',
  week_end: '2025-04-13',
  qualifying,
  inspections,
});

describe('weekly inspection cadence (S1: ≥ 5 video slots of ≥ 5 minutes a week)', () => {
  it('passes a week that meets the count exactly', () => {
    expect(checkInspectionCadence(weekly, [week(5)])).toEqual([]);
  });

  it('finds a week one short, with every slot of that week as evidence', () => {
    const findings = checkInspectionCadence(weekly, [week(4, [slot('V2', 3), slot('V1', 6)])]);
    expect(findings).toEqual([
      {
        ruleId: 'weekly-video',
        unitId: 'O1',
        periodStart: '2025-04-07',
        periodEnd: '2025-04-13',
        observed: 4,
        threshold: { op: '>=', value: 5 },
        messageKey: 'finding.inspectionCadence',
        values: { method: 'video', count: 4, op: '≥', required: 5, minMinutes: 5 },
        evidence: [
          { table: 'inspections', id: 'V1', date: '2025-04-08', messageKey: 'evidence.inspection', values: { method: 'video', minutes: 6, inspector: '王五' } },
          { table: 'inspections', id: 'V2', date: '2025-04-08', messageKey: 'evidence.inspection', values: { method: 'video', minutes: 3, inspector: '王五' } },
        ],
      },
    ]);
  });

  it('words a rule without a minimum length without one', () => {
    const onsite = { ...weekly, id: 'weekly-onsite', method: 'onsite' as const, count: { op: '>=' as const, value: 1 }, min_minutes: 0 };
    expect(checkInspectionCadence(onsite, [week(0, [])])).toEqual([expect.objectContaining({ messageKey: 'finding.inspectionCadence.anyLength' })]);
  });

  it('finds a week with no inspection at all', () => {
    expect(checkInspectionCadence(weekly, [week(0, [])])).toEqual([expect.objectContaining({ observed: 0, evidence: [] })]);
  });
});

describe('monthly survey count (S1: 10 customers a month)', () => {
  const rule = ComplianceRule.parse({ id: 'survey', label: 's', kind: 'survey_count', level: 'outlet', per: 'month', respondents: { op: '>=', value: 10 } });
  if (rule.kind !== 'survey_count') throw new Error('fixture rule has the wrong kind');
  const month = (respondents: number) => ({
    unit_id: 'O1',
    month_start: '2025-05-01',
    month_end: '2025-05-31',
    respondents,
    surveys: [{ id: 'SV1', date: '2025-05-20', respondents }],
  });

  it('passes 10 and finds 9', () => {
    expect(checkSurveyCount(rule, [month(10)])).toEqual([]);
    expect(checkSurveyCount(rule, [month(9)])).toEqual([
      expect.objectContaining({ unitId: 'O1', observed: 9, values: { respondents: 9, op: '≥', required: 10 }, evidence: [expect.objectContaining({ id: 'SV1' })] }),
    ]);
  });
});
