/** The messages of the `signoff` kind: its methodology sentences, findings and evidence. */
import { kindWords } from '../kind.ts';

export const signoffMessages = kindWords({
  'zh-CN': {
    'finding.signoff': '{kind}（{score} 分）未经签字验收。',
    'finding.signoff.staff': '{staff}的{kind}（{score} 分）未经签字验收。',
    'method.compliance.signoff': '{rule}：每次{kinds}的结果须经签字验收，未签字的列为检查发现。',
    'method.compliance.signoff.anyCheck': '{rule}：每次检查的结果须经签字验收，未签字的列为检查发现。',
  },
  en: {
    'finding.signoff': '{kind} ({score} points) has no sign-off.',
    'finding.signoff.staff': '{kind} of {staff} ({score} points) has no sign-off.',
    'method.compliance.signoff': '{rule}: every check ({kinds}) must be signed off; an unsigned one is a finding.',
    'method.compliance.signoff.anyCheck': '{rule}: every check must be signed off; an unsigned one is a finding.',
  },
});
