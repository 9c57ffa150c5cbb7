/** The messages of the `metric` score model: its methodology sentences. */
import { kindWords } from '../kind.ts';

export const metricMessages = kindWords({
  'zh-CN': {
    'method.metric.sum': '{score}：各{subjects}按当期{metric}数值合计。',
    'method.metric.mean': '{score}：各{subjects}按当期{metric}数值的平均值。',
    'method.metric.last': '{score}：各{subjects}按当期最近一次{metric}数值。',
    'method.metric.min': '{score}：各{subjects}按当期{metric}数值的最低值。',
    'method.metric.max': '{score}：各{subjects}按当期{metric}数值的最高值。',
  },
  en: {
    'method.metric.sum': '{score}: for each {subjects}, the sum of the period\'s {metric} values.',
    'method.metric.mean': '{score}: for each {subjects}, the mean of the period\'s {metric} values.',
    'method.metric.last': '{score}: for each {subjects}, the period\'s latest {metric} value.',
    'method.metric.min': '{score}: for each {subjects}, the lowest of the period\'s {metric} values.',
    'method.metric.max': '{score}: for each {subjects}, the highest of the period\'s {metric} values.',
  },
});
