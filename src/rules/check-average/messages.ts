/** The messages of the `check-average` score model: its methodology sentences. */
import { kindWords } from '../kind.ts';

export const checkAverageMessages = kindWords({
  'zh-CN': {
    'method.checkAverage.mean': '{score}：{subjects}取本期各次检查（{kinds}）得分的平均值。',
    'method.checkAverage.last': '{score}：{subjects}取本期最近一次检查（{kinds}）的得分。',
    'method.checkAverage.min': '{score}：{subjects}取本期各次检查（{kinds}）中的最低分。',
    'method.checkAverage.unsigned.count': '未经签字验收的检查仍计入{score}。',
    'method.checkAverage.unsigned.exclude': '未经签字验收的检查不计入{score}。',
  },
  en: {
    'method.checkAverage.mean': '{score}: for each {subjects}, the mean of the period\'s checks ({kinds}).',
    'method.checkAverage.last': '{score}: for each {subjects}, the period\'s latest check ({kinds}).',
    'method.checkAverage.min': '{score}: for each {subjects}, the lowest of the period\'s checks ({kinds}).',
    'method.checkAverage.unsigned.count': 'Checks without a sign-off still count in {score}.',
    'method.checkAverage.unsigned.exclude': 'Checks without a sign-off do not count in {score}.',
  },
});
