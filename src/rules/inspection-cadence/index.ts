/** `inspection_cadence`: inspections of a method per unit, counted by week or by hour slot (S1, S6). */
import { THRESHOLD_SYMBOL } from '../../config/thresholds.ts';
import { complianceKind, findingsOf } from '../kind.ts';
import { needLevel, needPhases } from '../references.ts';
import { checkInspectionCadence, checkInspectionSlots, type InspectionSlot, type InspectionWeek } from './check.ts';
import { InspectionCadence } from './schema.ts';
import { inspectionCadenceMessages } from './messages.ts';

export const inspectionCadence = complianceKind({
  schema: InspectionCadence,
  messages: inspectionCadenceMessages,
  models: ['check_inspection_weeks', 'check_inspection_slots'],
  references(rule, at, refs) {
    needLevel(rule.level, at('level'), refs);
    needPhases(rule.during, (j) => at('during', j), refs);
    const { from, to } = rule.service_hours;
    if (rule.per === 'week') refs.need(rule.hours === undefined, at('hours'), 'no hours unless per: hours', String(rule.hours));
    else if (rule.hours === undefined) refs.need(false, at('per'), 'hours: the slot length in hours, with per: hours', 'no hours');
    else {
      refs.need(from < to, at('service_hours', 'to'), `an hour after from ${from}`, String(to));
      refs.need(from >= to || (to - from) % rule.hours === 0, at('hours'), `a slot length that divides the service hours ${from}–${to} (${to - from} hours)`, String(rule.hours));
    }
  },
  // Inspections of an hourly rule's method at its level need a time; slots a day count in the row budget.
  rows: (rule) =>
    rule.per === 'hours' ? [{ table: 'cfg_hourly_cadences', row: { rule_id: rule.id, method: rule.method, level_id: rule.level, slots: (rule.service_hours.to - rule.service_hours.from) / rule.hours! } }] : [],
  describe(rule, words) {
    const key = rule.per === 'hours' ? 'method.compliance.inspection.slot' : 'method.compliance.inspection';
    const slot: Record<string, number> = rule.per === 'hours' ? { hours: rule.hours!, from: rule.service_hours.from, to: rule.service_hours.to } : {};
    const values = { rule: words.label(rule.label), level: words.level(rule.level), method: rule.method, op: THRESHOLD_SYMBOL[rule.count.op], value: rule.count.value, minMinutes: rule.min_minutes, ...slot };
    const sentence = { key: rule.min_minutes > 0 ? key : `${key}.anyLength`, values };
    if (!rule.working_days_only) return sentence;
    return [sentence, { key: `method.compliance.inspection.workingDays.${rule.per}`, values: { rule: words.label(rule.label) } }];
  },
  check: (rule, run) =>
    findingsOf(run.windows(rule.during), async (window) => {
      const params = { level: rule.level, from: window.start, to: window.end, method: rule.method, min_minutes: rule.min_minutes };
      const checked = (day: string) => !rule.working_days_only || run.isWorkingDay(day);
      if (rule.per === 'week') return checkInspectionCadence(rule, await run.query<InspectionWeek>('check_inspection_weeks', params), checked);
      const { from, to } = rule.service_hours;
      const slotParams = { ...params, hours: rule.hours!, from_hour: from, to_hour: to, op: rule.count.op, required: rule.count.value };
      return checkInspectionSlots(rule, await run.query<InspectionSlot>('check_inspection_slots', slotParams), checked);
    }),
});
