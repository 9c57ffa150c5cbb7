/**
 * The messages of `event_types` that describeEventRules words: repeats, priority items and how
 * their multipliers combine. The points of each type and the notes said once for all types stay in
 * the site's catalogs (src/site/methodology.ts words them).
 */
import { kindWords } from '../kind.ts';

export const eventTypeMessages = kindWords({
  'zh-CN': {
    'method.event.repeat': '{type}：同一对象的同一问题在同一{periods}内重复发生的，自第二次起按 {multiplier} 倍计分（加倍考核）。',
    'method.event.repeat.rateOnly': '{type}：同一对象的同一问题在同一{periods}内重复发生的，自第二次起按重复标准罚款。',
    'method.event.priority': '{type}：属上级行列明的重点事项的，按 {multiplier} 倍计分。',
    'method.event.combine.max': '{type}：重复发生且属重点事项的，取两者中较高的倍数，不叠加。',
    'method.event.combine.product': '{type}：重复发生且属重点事项的，两个倍数相乘。',
  },
  en: {
    'method.event.repeat': '{type}: the same problem again for the same subject within one {periods} counts {multiplier} times from its second occurrence on.',
    'method.event.repeat.rateOnly': '{type}: the same problem again for the same subject within one {periods} is fined at the repeat rate from its second occurrence on.',
    'method.event.priority': '{type}: a priority item named by the higher level counts {multiplier} times.',
    'method.event.combine.max': '{type}: when a repeat is also a priority item, the higher of the two multipliers applies, not both.',
    'method.event.combine.product': '{type}: when a repeat is also a priority item, the two multipliers are multiplied.',
  },
});
