/** The messages of the `rubric` score model: its methodology sentences. */
import { kindWords } from '../kind.ts';

export const rubricMessages = kindWords({
  'zh-CN': {
    'method.rubric': '{score}：各{subjects}按{count}项评分标准评分，满分{total}分，总分为各项得分之和。',
    'method.rubric.item': '{item}：满分{max}分（取自{metric}），超过{max}分的按{max}分计。',
    'method.rubric.aggregate.sum': '同一项目当期有多个分值的，相加计算。',
    'method.rubric.aggregate.mean': '同一项目当期有多个分值的，取平均值。',
    'method.rubric.aggregate.last': '同一项目当期有多个分值的，取最近一次。',
    'method.rubric.aggregate.min': '同一项目当期有多个分值的，取最低值。',
    'method.rubric.aggregate.max': '同一项目当期有多个分值的，取最高值。',
    'method.rubric.missing': '当期任一评分项目缺少分值的，不计算总分，不参加排名。',
  },
  en: {
    'method.rubric': '{score}: a rubric of {count} items, {total} points in all, for each {subjects}; the total is the sum of the items.',
    'method.rubric.item': '{item}: at most {max} points (from {metric}); a higher value counts as {max}.',
    'method.rubric.aggregate.sum': 'Several values of one item in a period are added up.',
    'method.rubric.aggregate.mean': 'Several values of one item in a period are averaged.',
    'method.rubric.aggregate.last': 'Of several values of one item in a period, the latest counts.',
    'method.rubric.aggregate.min': 'Of several values of one item in a period, the lowest counts.',
    'method.rubric.aggregate.max': 'Of several values of one item in a period, the highest counts.',
    'method.rubric.missing': 'An entry missing a value for any item in a period has no total for that period and is not ranked.',
  },
});
