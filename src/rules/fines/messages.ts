/**
 * The messages of `event_types[].fine`: the sentences describeFine words. The note on who bears
 * fines, said once for all types, stays in the site's catalogs.
 */
import { kindWords } from '../kind.ts';

export const fineMessages = kindWords({
  'zh-CN': {
    'method.fine.fixed': '{type}：每发生一次罚款 {amount} 元。',
    'method.fine.range': '{type}：每件罚款 {min}–{max} 元，具体金额逐件认定。',
    'method.fine.perPoint': '{type}：按每分 {rate} 元罚款。',
    'method.fine.perPoint.repeat': '{type}：首次按每分 {rate} 元罚款，重复发生的按每分 {repeatRate} 元罚款。',
    'method.fine.onRepeat.rate': '{type}：重复发生时以重复罚款标准为准，罚款按原分值计算，不再加倍（计分仍加倍）。',
    'method.fine.onRepeat.multiplier': '{type}：重复发生时以加倍为准，按首次罚款标准乘以加倍后的分值计算。',
    'method.fine.onRepeat.both': '{type}：重复发生时两者并用，按重复罚款标准乘以加倍后的分值计算。',
  },
  en: {
    'method.fine.fixed': '{type}: a fine of {amount} yuan per occurrence.',
    'method.fine.range': '{type}: a fine of {min}–{max} yuan, set case by case.',
    'method.fine.perPoint': '{type}: a fine of {rate} yuan per point.',
    'method.fine.perPoint.repeat': '{type}: a fine of {rate} yuan per point the first time and {repeatRate} yuan per point on a repeat.',
    'method.fine.onRepeat.rate': '{type}: on a repeat the repeat rate wins: the fine is that rate times the points as set, not multiplied (the score is still multiplied).',
    'method.fine.onRepeat.multiplier': '{type}: on a repeat the multiplier wins: the fine is the first-time rate times the multiplied points.',
    'method.fine.onRepeat.both': '{type}: on a repeat both apply: the fine is the repeat rate times the multiplied points.',
  },
});
