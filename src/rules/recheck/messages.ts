/** The messages of the `recheck` kind: its methodology sentences, findings and evidence. */
import { kindWords } from '../kind.ts';

export const recheckMessages = kindWords({
  'zh-CN': {
    'finding.recheck': '{previous}得分 {score}（{op} {value}），本期未复查。',
    'method.compliance.recheck': '{rule}：上一{periods}{score} {op} {value} 的{level}，本{periods}须再次接受{kinds}（复查）。',
    'method.compliance.recheck.anyCheck': '{rule}：上一{periods}{score} {op} {value} 的{level}，本{periods}须再次接受检查（复查）。',
  },
  en: {
    'finding.recheck': 'Scored {score} in {previous} ({op} {value}) and not checked again this period.',
    'method.compliance.recheck': '{rule}: each {level} whose {score} was {op} {value} in the previous {periods} must be checked again ({kinds}) in the next one.',
    'method.compliance.recheck.anyCheck': '{rule}: each {level} whose {score} was {op} {value} in the previous {periods} must be checked again in the next one.',
  },
});
