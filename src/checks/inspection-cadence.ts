/**
 * S1: "HQ inspects each outlet at least once a week; video review covers at least 5 slots of
 * 5 minutes a week." One finding per unit and week that falls short.
 */
import type { ComplianceRule } from '../config/schema.ts';
import { inRecordOrder, meetsThreshold, THRESHOLD_SYMBOL, type CheckFinding } from './finding.ts';

export interface InspectionWeek {
  unit_id: string;
  week_start: string;
  week_end: string;
  /** Inspections of the rule's method long enough to count. */
  qualifying: number;
  /** All inspections of the rule's method that week, short ones included, as evidence. */
  inspections: { id: string; date: string; minutes: number; inspector: string }[];
}

type CadenceRule = Extract<ComplianceRule, { kind: 'inspection_cadence' }>;

export function checkInspectionCadence(rule: CadenceRule, weeks: InspectionWeek[]): CheckFinding[] {
  return weeks
    .filter((week) => !meetsThreshold(week.qualifying, rule.count))
    .map((week) => ({
      ruleId: rule.id,
      unitId: week.unit_id,
      periodStart: week.week_start,
      periodEnd: week.week_end,
      observed: week.qualifying,
      threshold: rule.count,
      // "at least 0 minutes" would read as a rule; a rule without a minimum length says nothing of it.
      messageKey: rule.min_minutes > 0 ? 'finding.inspectionCadence' : 'finding.inspectionCadence.anyLength',
      values: {
        method: rule.method,
        count: week.qualifying,
        op: THRESHOLD_SYMBOL[rule.count.op],
        required: rule.count.value,
        minMinutes: rule.min_minutes,
      },
      evidence: inRecordOrder(week.inspections).map((i) => ({
        table: 'inspections' as const,
        id: i.id,
        date: i.date,
        messageKey: 'evidence.inspection',
        values: { method: rule.method, minutes: i.minutes, inspector: i.inspector || '—' },
      })),
    }));
}
