/** The messages of the `ratio` score model: its methodology sentences. */
import { kindWords } from '../kind.ts';

export const ratioMessages = kindWords({
  'zh-CN': {
    'method.ratio': '{score}：各{subjects}按当期{numerator}÷{denominator}计算（指标取当期合计，得分取当期得分）。',
    'method.ratio.onNonpositive.none': '{denominator}为零或负数时，当期不计分，不参加排名。',
    'method.ratio.onNonpositive.zero': '{denominator}为零或负数时，当期得0。',
    'method.ratio.onNonpositive.full': '{denominator}为零或负数时，当期按100%计。',
    'method.ratio.scale': '比值乘以{scale}计（每{scale}的比率）。',
  },
  en: {
    'method.ratio': '{score}: for each {subjects}, {numerator} ÷ {denominator} in the period (a metric summed over the period, a score as scored in it).',
    'method.ratio.onNonpositive.none': 'When {denominator} is zero or negative there is no score for that period, and the entry is not ranked.',
    'method.ratio.onNonpositive.zero': 'When {denominator} is zero or negative the score is 0.',
    'method.ratio.onNonpositive.full': 'When {denominator} is zero or negative the score is 100%.',
    'method.ratio.scale': 'The ratio is multiplied by {scale} (a rate per {scale}).',
  },
});
