/** The messages of the `score-threshold` kind: its methodology sentences, findings and evidence. */
import { kindWords } from '../kind.ts';

export const scoreThresholdMessages = kindWords({
  'zh-CN': {
    'finding.scoreThreshold': '{period}得分 {score}，要求 {op} {required}。',
    'evidence.posting': '{rule}，{points} 分',
    'evidence.metric': '{metric} {value}',
    'method.compliance.scoreThreshold': '{rule}：{during}，各{level}的{score}须 {op} {value}。',
  },
  en: {
    'finding.scoreThreshold': '{period}: score {score}; required {op} {required}.',
    'evidence.posting': '{rule}, {points} points',
    'evidence.metric': '{metric} {value}',
    'method.compliance.scoreThreshold': '{rule}: {during}, the {score} of each {level} must be {op} {value}.',
  },
});
