/**
 * S1: "HQ inspects each outlet at least once a week; video review covers at least 5 slots of
 * 5 minutes a week." S6: "each line is patrolled every hour of its service day." One finding per
 * unit and week (or hour slot) that falls short.
 */
import type { InspectionCadence } from './schema.ts';
import { meetsThreshold, THRESHOLD_SYMBOL } from '../../config/thresholds.ts';
import { inRecordOrder, type CheckFinding } from '../finding.ts';

interface Inspection {
  id: string;
  date: string;
  minutes: number;
  inspector: string;
}

export interface InspectionWeek {
  unit_id: string;
  week_start: string;
  week_end: string;
  /** Inspections of the rule's method long enough to count. */
  qualifying: number;
  /** All inspections of the rule's method that week, short ones included, as evidence. */
  inspections: Inspection[];
}

/** One slot of `hours` hours of one day (per: hours): its inspections started in [start_hour, end_hour). */
export interface InspectionSlot {
  unit_id: string;
  day: string;
  start_hour: number;
  end_hour: number;
  qualifying: number;
  inspections: (Inspection & { time: string })[];
}

/** The days of a week, Monday to Sunday. */
function daysOf(week: InspectionWeek): string[] {
  const monday = Date.parse(`${week.week_start}T00:00:00Z`);
  return Array.from({ length: 7 }, (_, i) => new Date(monday + i * 86_400_000).toISOString().slice(0, 10));
}

/** `checked`: whether a day is checked (working_days_only: a working day); a week without any needs nothing. */
export function checkInspectionCadence(rule: InspectionCadence, weeks: InspectionWeek[], checked: (day: string) => boolean = () => true): CheckFinding[] {
  return weeks
    .filter((week) => daysOf(week).some(checked))
    .filter((week) => !meetsThreshold(week.qualifying, rule.count))
    .map((week) => ({
      ...shortfall(rule, week.unit_id, week.qualifying, week.inspections, 'finding.inspectionCadence', {}),
      periodStart: week.week_start,
      periodEnd: week.week_end,
    }));
}

const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export function checkInspectionSlots(rule: InspectionCadence, slots: InspectionSlot[], checked: (day: string) => boolean = () => true): CheckFinding[] {
  return slots
    .filter((slot) => checked(slot.day))
    .filter((slot) => !meetsThreshold(slot.qualifying, rule.count))
    .map((slot) => ({
      ...shortfall(rule, slot.unit_id, slot.qualifying, slot.inspections, 'finding.inspectionCadence.slot', { from: clock(slot.start_hour), to: clock(slot.end_hour) }),
      periodStart: slot.day,
      periodEnd: slot.day,
      // Several slots of one day: the slot's start (0700) tells their findings apart inside an ID.
      key: clock(slot.start_hour).replace(':', ''),
    }));
}

/** The finding of a unit's week or slot that falls short, with every inspection of it as evidence. */
function shortfall(rule: InspectionCadence, unitId: string, qualifying: number, inspections: (Inspection & { time?: string })[], key: string, slot: Record<string, string>): Omit<CheckFinding, 'periodStart' | 'periodEnd'> {
  return {
    ruleId: rule.id,
    unitId,
    observed: qualifying,
    threshold: rule.count,
    // "at least 0 minutes" would read as a rule; a rule without a minimum length says nothing of it.
    messageKey: rule.min_minutes > 0 ? key : `${key}.anyLength`,
    values: {
      ...slot,
      method: rule.method,
      count: qualifying,
      op: THRESHOLD_SYMBOL[rule.count.op],
      required: rule.count.value,
      minMinutes: rule.min_minutes,
    },
    evidence: inRecordOrder(inspections).map((i) => ({
      table: 'inspections' as const,
      id: i.id,
      date: i.date,
      messageKey: i.time === undefined ? 'evidence.inspection' : 'evidence.inspection.timed',
      values: { method: rule.method, minutes: i.minutes, inspector: i.inspector || '—', ...(i.time === undefined ? {} : { time: i.time }) },
    })),
  };
}
