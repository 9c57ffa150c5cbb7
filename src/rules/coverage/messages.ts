/** The messages of the `coverage` kind: its methodology sentences, findings and evidence. */
import { kindWords } from '../kind.ts';

export const coverageMessages = kindWords({
  'zh-CN': {
    'finding.coverage': '{period}{level}覆盖 {covered}/{total} 个（{share}%），要求 {op} {required}%。',
    'evidence.uncovered': '{name}：本期未接受检查',
    'method.compliance.coverage.checks': '{rule}：{during}，各{within}所辖{level}中接受{kinds}的须占 {op} {value}%。',
    'method.compliance.coverage.inspections': '{rule}：{during}，各{within}所辖{level}中接受{method}检查的须占 {op} {value}%。',
    'method.compliance.coverage.anyCheck': '{rule}：{during}，各{within}所辖{level}中接受检查的须占 {op} {value}%。',
    'finding.coverage.units': '{period}{level}覆盖 {covered}/{total} 个，要求 {op} {required} 个。',
    'method.compliance.coverage.checks.units': '{rule}：{during}，各{within}所辖{level}中接受{kinds}的须 {op} {value} 个。',
    'method.compliance.coverage.inspections.units': '{rule}：{during}，各{within}所辖{level}中接受{method}检查的须 {op} {value} 个。',
    'method.compliance.coverage.anyCheck.units': '{rule}：{during}，各{within}所辖{level}中接受检查的须 {op} {value} 个。',
  },
  en: {
    'finding.coverage': '{period}: {covered} of {total} {level} units covered ({share}%); required {op} {required}%.',
    'evidence.uncovered': '{name}: not checked in the period',
    'method.compliance.coverage.checks': '{rule}: {during}, {op} {value}% of the {level} units of each {within} get a check ({kinds}).',
    'method.compliance.coverage.inspections': '{rule}: {during}, {op} {value}% of the {level} units of each {within} get an inspection ({method}).',
    'method.compliance.coverage.anyCheck': '{rule}: {during}, {op} {value}% of the {level} units of each {within} get a check.',
    'finding.coverage.units': '{period}: {covered} of {total} {level} units covered; required {op} {required}.',
    'method.compliance.coverage.checks.units': '{rule}: {during}, {op} {value} {level} units of each {within} get a check ({kinds}).',
    'method.compliance.coverage.inspections.units': '{rule}: {during}, {op} {value} {level} units of each {within} get an inspection ({method}).',
    'method.compliance.coverage.anyCheck.units': '{rule}: {during}, {op} {value} {level} units of each {within} get a check.',
  },
});
