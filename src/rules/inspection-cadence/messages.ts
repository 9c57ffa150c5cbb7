/** The messages of the `inspection-cadence` kind: its methodology sentences, findings and evidence. */
import { kindWords } from '../kind.ts';

export const inspectionCadenceMessages = kindWords({
  'zh-CN': {
    'finding.inspectionCadence': '计入的{method}检查 {count} 次，要求 {op} {required} 次（单次时长下限 {minMinutes} 分钟）。',
    'method.compliance.inspection': '{rule}：每个{level}每周{method}检查 {op} {value} 次，单次时长不少于 {minMinutes} 分钟方可计入。',
    'method.compliance.inspection.anyLength': '{rule}：每个{level}每周{method}检查 {op} {value} 次。',
    'finding.inspectionCadence.anyLength': '计入的{method}检查 {count} 次，要求 {op} {required} 次。',
    'finding.inspectionCadence.slot': '{from}–{to}：计入的{method}检查 {count} 次，要求 {op} {required} 次（单次时长下限 {minMinutes} 分钟）。',
    'finding.inspectionCadence.slot.anyLength': '{from}–{to}：{method}检查 {count} 次，要求 {op} {required} 次。',
    'evidence.inspection.timed': '{time} {method}检查，{minutes} 分钟，检查人 {inspector}',
    'method.compliance.inspection.slot': '{rule}：每个{level}每天{from}时至{to}时每{hours}小时须有{op}{value}次{method}检查（按检查开始时间计），每次不少于{minMinutes}分钟方计入。',
    'method.compliance.inspection.slot.anyLength': '{rule}：每个{level}每天{from}时至{to}时每{hours}小时须有{op}{value}次{method}检查（按检查开始时间计）。',
    'method.compliance.inspection.workingDays.week': '{rule}：整周均为非工作日（如春节假期）的，该周不作要求；工作日按法定节假日安排认定，调休上班日计入。',
    'method.compliance.inspection.workingDays.hours': '{rule}：只检查工作日，周末和法定节假日不作要求，调休上班日照常检查。',
  },
  en: {
    'finding.inspectionCadence': '{count} qualifying {method} inspections; required {op} {required} (minimum length {minMinutes} minutes).',
    'method.compliance.inspection': '{rule}: each {level} needs {op} {value} {method} inspections a week; an inspection counts if it lasts at least {minMinutes} minutes.',
    'method.compliance.inspection.anyLength': '{rule}: each {level} gets {op} {value} {method} inspections a week.',
    'finding.inspectionCadence.anyLength': '{count} {method} inspections; required {op} {required}.',
    'finding.inspectionCadence.slot': '{from}–{to}: {count} qualifying {method} inspections; required {op} {required} (minimum length {minMinutes} minutes).',
    'finding.inspectionCadence.slot.anyLength': '{from}–{to}: {count} {method} inspections; required {op} {required}.',
    'evidence.inspection.timed': '{method} inspection at {time}, {minutes} minutes, by {inspector}',
    'method.compliance.inspection.slot': '{rule}: each {level} needs {op} {value} {method} inspections in every {hours}-hour slot from {from}:00 to {to}:00 each day, counted by the time an inspection started; an inspection counts if it lasts at least {minMinutes} minutes.',
    'method.compliance.inspection.slot.anyLength': '{rule}: each {level} gets {op} {value} {method} inspections in every {hours}-hour slot from {from}:00 to {to}:00 each day, counted by the time an inspection started.',
    'method.compliance.inspection.workingDays.week': '{rule}: a week without a working day (a public holiday week such as the Spring Festival) needs nothing; working days follow the holiday calendar, weekend days worked in lieu included.',
    'method.compliance.inspection.workingDays.hours': '{rule}: only working days are checked; weekends and public holidays need nothing, weekend days worked in lieu are checked.',
  },
});
