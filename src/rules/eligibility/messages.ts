/**
 * The messages of `eligibility`: the methodology sentence of each rule. The sentence on written
 * approvals, which the site says once for all rules, stays in the site's catalogs.
 */
import { kindWords } from '../kind.ts';

export const eligibilityMessages = kindWords({
  'zh-CN': {
    'method.eligibility.score': '{rule}：{score} {op} {value} 的，取消评选资格。',
    'method.eligibility.score.period': '{rule}：{period}{score} {op} {value} 的，取消评选资格。',
    'method.eligibility.score.ancestors': '{rule}：本单位或其上级机构{score} {op} {value} 的，其所属全部候选对象取消评选资格。',
    'method.eligibility.score.period.ancestors': '{rule}：{period}本单位或其上级机构{score} {op} {value} 的，其所属全部候选对象取消评选资格。',
    'method.eligibility.score.missing': '{rule}：当期没有{score}的，同样取消评选资格。',
    'method.eligibility.score.missing.period': '{rule}：{period}没有{score}的，同样取消评选资格。',
    'method.eligibility.attribute': '{rule}：{attribute} {op} {value} 的，不具备参评资格。',
    'method.eligibility.attribute.date': '{rule}：{attribute} {op} {date} 的，不具备参评资格。',
    'method.eligibility.attribute.in': '{rule}：{attribute} 为 {values} 之一的，不具备参评资格。',
    'method.eligibility.attribute.notIn': '{rule}：{attribute} 不属于 {values} 的，不具备参评资格。',
  },
  en: {
    'method.eligibility.score': '{rule}: out when {score} {op} {value}.',
    'method.eligibility.score.period': '{rule}: out when {score} over {period} {op} {value}.',
    'method.eligibility.score.ancestors': '{rule}: when {score} {op} {value} for a unit or any unit above it, all its candidates are out.',
    'method.eligibility.score.period.ancestors': '{rule}: when {score} over {period} {op} {value} for a unit or any unit above it, all its candidates are out.',
    'method.eligibility.score.missing': '{rule}: a candidate that has no {score} in the period is out too.',
    'method.eligibility.score.missing.period': '{rule}: a candidate that has no {score} over {period} is out too.',
    'method.eligibility.attribute': '{rule}: out when {attribute} {op} {value}.',
    'method.eligibility.attribute.date': '{rule}: out when {attribute} {op} {date}.',
    'method.eligibility.attribute.in': '{rule}: out when {attribute} is one of {values}.',
    'method.eligibility.attribute.notIn': '{rule}: out when {attribute} is not one of {values}.',
  },
});
