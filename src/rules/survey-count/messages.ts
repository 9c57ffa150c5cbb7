/** The messages of the `survey-count` kind: its methodology sentences, findings and evidence. */
import { kindWords } from '../kind.ts';

export const surveyCountMessages = kindWords({
  'zh-CN': {
    'finding.surveyCount': '回访客户 {respondents} 户，要求 {op} {required} 户。',
    'method.compliance.survey': '{rule}：每个{level}每月回访客户 {op} {value} 户。',
    'evidence.survey': '回访客户 {respondents} 户',
  },
  en: {
    'finding.surveyCount': '{respondents} customers surveyed; required {op} {required}.',
    'method.compliance.survey': '{rule}: each {level} surveys {op} {value} customers a month.',
    'evidence.survey': '{respondents} customers surveyed',
  },
});
