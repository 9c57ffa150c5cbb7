/**
 * Award expressions are SQL over a standing's columns. The methodology page words them for
 * readers who do not read SQL: column names and keywords become words of the page's language,
 * comparison and arithmetic signs become the symbols a notice would print (≥, ×, ÷). Numbers,
 * brackets and anything unknown stay as written.
 */
import type { Locale } from '../config/schema.ts';

const WORDS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    score: '得分',
    target: '目标值',
    target_met: '达到目标',
    rank: '名次',
    rank_from_bottom: '倒数名次',
    rank_count: '参评数',
    previous_score: '上期得分',
    previous_rank: '上期名次',
    earlier_periods_reached: '此前达标期数',
    first_reached_periods_ago: '首次达标距今期数',
    headcount: '人数',
    and: '且',
    or: '或',
    not: '非',
    between: '介于',
    is: '为',
    null: '空',
    case: '(',
    when: '若',
    then: '则',
    else: '否则',
    end: ')',
    greatest: '较大值',
    least: '较小值',
    round: '四舍五入',
    abs: '绝对值',
    floor: '向下取整',
    ceil: '向上取整',
    coalesce: '取首个非空值',
  },
  en: {
    target_met: 'target met',
    rank_from_bottom: 'rank from the bottom',
    rank_count: 'number ranked',
    previous_score: 'previous score',
    previous_rank: 'previous rank',
    earlier_periods_reached: 'earlier periods at the standard',
    first_reached_periods_ago: 'periods since the standard was first reached',
    greatest: 'the larger of',
    least: 'the smaller of',
    and: 'and',
    or: 'or',
    not: 'not',
    between: 'between',
    case: '(',
    when: 'if',
    then: 'then',
    else: 'otherwise',
    end: ')',
  },
};

const SIGNS: Record<string, string> = { '>=': '≥', '<=': '≤', '<>': '≠', '!=': '≠', '*': '×', '/': '÷', '-': '−' };

const RANGE: Record<Locale, string> = { 'zh-CN': '介于 $1 至 $2', en: 'between $1 and $2' };

export function wordExpression(expression: string, locale: Locale): string {
  const words = WORDS[locale];
  return expression
    // BETWEEN's AND is not a logical "and": word the range first.
    .replace(/\bbetween\s+(\S+)\s+and\s+(\S+)/gi, RANGE[locale])
    .replace(/>=|<=|<>|!=|[*/]|(?<=\s)-(?=\s)/g, (sign) => SIGNS[sign] ?? sign)
    // A function's word is followed by a space before its bracket: "the larger of (98 − score, 0)".
    .replace(/[A-Za-z_][A-Za-z0-9_]*(\()?/g, (token, bracket: string | undefined) => {
      const name = bracket ? token.slice(0, -1) : token;
      const word = words[name.toLowerCase()] ?? name;
      return bracket ? `${word}${locale === 'en' && word !== name ? ' ' : ''}(` : word;
    })
    .replace(/\s{2,}/g, ' ')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .trim();
}
