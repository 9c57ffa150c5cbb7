/** The messages of the `event-tally` score model: its methodology sentences. */
import { kindWords } from '../kind.ts';

export const eventTallyMessages = kindWords({
  'zh-CN': {
    'method.tally.count': '{score}：{subjects}本期{types}的件数（计入状态：{statuses}）。',
    'method.tally.points': '{score}：{subjects}本期{types}的分值合计（计入状态：{statuses}；按逐件认定或申诉调整后的分值，不含加倍）。',
    'method.tally.amount': '{score}：{subjects}本期{types}的金额合计（计入状态：{statuses}）。',
    'method.tally.threshold': '{score}只计单笔金额 {op} {value} 元的事项。',
    'method.tally.appeals': '申诉成立的事项不计入；申诉调整的按调整后的分值或金额计入。',
  },
  en: {
    'method.tally.count': '{score}: for each {subjects}, the number of events of type {types} in the period (statuses counted: {statuses}).',
    'method.tally.points': '{score}: for each {subjects}, the points of events of type {types} in the period added up (statuses counted: {statuses}; points as set or adjusted on appeal, before multipliers).',
    'method.tally.amount': '{score}: for each {subjects}, the amounts of events of type {types} in the period added up (statuses counted: {statuses}).',
    'method.tally.threshold': '{score} counts only events with a single amount {op} {value} yuan.',
    'method.tally.appeals': 'Events withdrawn on appeal are not counted; adjusted ones count with their adjusted points or amount.',
  },
});
