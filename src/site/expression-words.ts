/**
 * Award expressions are SQL over a standing's columns. The methodology page words them as prose
 * for readers who do not read SQL: "得分低于98分时，每低1分加200元", never 较大值(98 − 得分, 0) × 200.
 *
 * The expression is parsed into a small tree (the grammar src/pipeline/award-expressions.ts admits), and each
 * shape is worded by a phrase of the page's language: comparisons of a score read as 低于/不低于
 * with 分, ranks as 前N名 or 倒数第N名, a per-point term greatest(A − score, 0) × K as "每低1分 K 元",
 * a CASE as "…时…，否则…". Anything the grammar does not know is kept as written, so nothing is
 * dropped.
 */
import type { Locale } from '../config/schema.ts';
import { formatNumber } from './i18n/index.ts';

type Node =
  | { type: 'number'; value: number }
  | { type: 'column'; name: string }
  | { type: 'call'; name: string; args: Node[] }
  | { type: 'arithmetic'; op: '+' | '-' | '*' | '/'; left: Node; right: Node }
  | { type: 'negate'; operand: Node }
  | { type: 'compare'; op: string; left: Node; right: Node }
  | { type: 'between'; operand: Node; low: Node; high: Node; negated: boolean }
  | { type: 'logical'; op: 'and' | 'or'; operands: Node[] }
  | { type: 'not'; operand: Node }
  | { type: 'isNull'; operand: Node; negated: boolean }
  | { type: 'case'; whens: { when: Node; then: Node }[]; otherwise: Node | null };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(>=|<=|<>|!=|[=<>+\-*/(),]))/y;

function tokenize(expression: string): string[] | null {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expression.length) {
    if (/^\s*$/.test(expression.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(expression);
    if (!match) return null;
    tokens.push(match[1] ?? match[2] ?? match[3]!);
  }
  return tokens;
}

/** A recursive-descent parser with SQL's precedence: OR < AND < NOT < comparison < + − < × ÷ < unary. */
function parse(expression: string): Node | null {
  const tokens = tokenize(expression);
  if (!tokens) return null;
  let at = 0;
  const peek = () => tokens[at]?.toLowerCase();
  const take = (word?: string) => {
    const token = tokens[at];
    if (token === undefined || (word !== undefined && token.toLowerCase() !== word)) throw new SyntaxError(word ?? 'more');
    at += 1;
    return token;
  };
  const logical = (op: 'and' | 'or', next: () => Node) => (): Node => {
    const operands = [next()];
    while (peek() === op) {
      take();
      operands.push(next());
    }
    return operands.length === 1 ? operands[0]! : { type: 'logical', op, operands };
  };
  const not = (): Node => {
    if (peek() !== 'not') return comparison();
    take();
    return { type: 'not', operand: not() };
  };
  const comparison = (): Node => {
    const left = sum();
    const word = peek();
    if (word && ['=', '<', '>', '<=', '>=', '<>', '!='].includes(word)) {
      take();
      return { type: 'compare', op: word === '!=' ? '<>' : word, left, right: sum() };
    }
    const negated = word === 'not' && ['between'].includes(tokens[at + 1]?.toLowerCase() ?? '');
    if (negated) take();
    if (peek() === 'between') {
      take();
      const low = sum();
      take('and');
      return { type: 'between', operand: left, low, high: sum(), negated };
    }
    if (word === 'is') {
      take();
      const isNot = peek() === 'not';
      if (isNot) take();
      take('null');
      return { type: 'isNull', operand: left, negated: isNot };
    }
    return left;
  };
  const binary = (ops: string[], next: () => Node) => (): Node => {
    let left = next();
    while (ops.includes(peek() ?? '')) {
      const op = take() as '+' | '-' | '*' | '/';
      left = { type: 'arithmetic', op, left, right: next() };
    }
    return left;
  };
  const unary = (): Node => {
    if (peek() === '-') {
      take();
      const operand = unary();
      return operand.type === 'number' ? { type: 'number', value: -operand.value } : { type: 'negate', operand };
    }
    return primary();
  };
  const primary = (): Node => {
    const token = take();
    const word = token.toLowerCase();
    if (token === '(') {
      const inner = expr();
      take(')');
      return inner;
    }
    if (/^\d/.test(token)) return { type: 'number', value: Number(token) };
    if (word === 'case') {
      const whens: { when: Node; then: Node }[] = [];
      while (peek() === 'when') {
        take();
        const when = expr();
        take('then');
        whens.push({ when, then: expr() });
      }
      let otherwise: Node | null = null;
      if (peek() === 'else') {
        take();
        otherwise = expr();
      }
      take('end');
      return { type: 'case', whens, otherwise };
    }
    if (!/^[a-z_]/i.test(token)) throw new SyntaxError(token);
    if (peek() !== '(') return { type: 'column', name: word };
    take('(');
    const args = [expr()];
    while (peek() === ',') {
      take();
      args.push(expr());
    }
    take(')');
    return { type: 'call', name: word, args };
  };
  const sum = binary(['+', '-'], binary(['*', '/'], unary));
  const expr = logical('or', logical('and', not));
  try {
    const tree = expr();
    return at === tokens.length ? tree : null;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

type Phrases = {
  columns: Record<string, string>;
  /** Comparisons of a score: "{left}低于{right}". */
  scoreCompare: Record<string, string>;
  /** Comparisons of anything else. */
  compare: Record<string, string>;
  rankTop: string;
  rankAt: string;
  rankRange: string;
  bottomTop: string;
  /** {nth} is the ordinal (2nd); the last place has its own words. */
  bottomAt: string;
  bottomLast: string;
  bottomRange: string;
  between: string;
  notBetween: string;
  points: string;
  and: string;
  or: string;
  not: string;
  isNull: string;
  isNotNull: string;
  arithmetic: Record<'+' | '-' | '*' | '/', string>;
  negate: string;
  functions: Record<string, string>;
  yuan: string;
  /** An amount in yuan worked out by arithmetic. */
  yuanOf: string;
  perPointBelow: string;
  perPointAbove: string;
  caseWhen: string;
  caseOtherwise: string;
  plus: string;
  bracket: string;
};

const PHRASES: Record<Locale, Phrases> = {
  'zh-CN': {
    columns: {
      score: '得分', target: '目标值', target_met: '达到目标', rank: '名次', rank_from_bottom: '倒数名次', rank_count: '参评数',
      previous_score: '上期得分', previous_rank: '上期名次', earlier_periods_reached: '此前达标期数',
      first_reached_periods_ago: '首次达标距今期数', headcount: '人数',
    },
    scoreCompare: { '<': '{left}低于{right}', '<=': '{left}不高于{right}', '>': '{left}高于{right}', '>=': '{left}不低于{right}', '=': '{left}为{right}', '<>': '{left}不为{right}' },
    compare: { '<': '{left}小于{right}', '<=': '{left}不超过{right}', '>': '{left}大于{right}', '>=': '{left}不少于{right}', '=': '{left}为{right}', '<>': '{left}不为{right}' },
    rankTop: '排名前{n}名', rankAt: '排名第{n}名', rankRange: '排名第{low}至{high}名',
    bottomTop: '倒数前{n}名', bottomAt: '倒数第{n}名', bottomLast: '倒数第1名', bottomRange: '倒数第{low}至{high}名',
    between: '{operand}在{low}至{high}之间', notBetween: '{operand}不在{low}至{high}之间',
    points: '{n}分', and: '且', or: '或', not: '并非{operand}', isNull: '{operand}为空', isNotNull: '{operand}不为空',
    arithmetic: { '+': '{left}加{right}', '-': '{left}减{right}', '*': '{left}乘以{right}', '/': '{left}除以{right}' },
    negate: '负{operand}',
    functions: {
      greatest: '{0}与{1}中的较大者', least: '{0}与{1}中的较小者', round: '{0}四舍五入', abs: '{0}的绝对值', floor: '{0}向下取整',
      ceil: '{0}向上取整', ceiling: '{0}向上取整', trunc: '{0}舍去小数', sign: '{0}的正负号', coalesce: '{0}（为空时取{1}）', nullif: '{0}（等于{1}时为空）',
    },
    yuan: '{n}元',
    yuanOf: '{amount}（元）',
    perPointBelow: '{value}低于{limit}时，每低1分{amount}',
    perPointAbove: '{value}高于{limit}时，每高1分{amount}',
    caseWhen: '{when}时{then}', caseOtherwise: '否则{otherwise}',
    plus: '，另', bracket: '（{inner}）',
  },
  en: {
    columns: {
      score: 'the score', target: 'the target', target_met: 'the target is met', rank: 'the rank', rank_from_bottom: 'the rank from the bottom',
      rank_count: 'the number ranked', previous_score: 'the previous score', previous_rank: 'the previous rank',
      earlier_periods_reached: 'the earlier periods at the standard', first_reached_periods_ago: 'the periods since the standard was first reached',
      headcount: 'the headcount',
    },
    scoreCompare: { '<': '{left} is below {right}', '<=': '{left} is at most {right}', '>': '{left} is above {right}', '>=': '{left} is at least {right}', '=': '{left} is {right}', '<>': '{left} is not {right}' },
    compare: { '<': '{left} is less than {right}', '<=': '{left} is at most {right}', '>': '{left} is more than {right}', '>=': '{left} is at least {right}', '=': '{left} is {right}', '<>': '{left} is not {right}' },
    rankTop: 'ranked in the top {n}', rankAt: 'ranked {n}', rankRange: 'ranked {low} to {high}',
    bottomTop: 'among the bottom {n}', bottomAt: 'ranked {nth} from the bottom', bottomLast: 'ranked last', bottomRange: 'ranked {low} to {high} from the bottom',
    between: '{operand} is between {low} and {high}', notBetween: '{operand} is not between {low} and {high}',
    points: '{n} points', and: ' and ', or: ' or ', not: 'not ({operand})', isNull: '{operand} is empty', isNotNull: '{operand} is not empty',
    arithmetic: { '+': '{left} plus {right}', '-': '{left} minus {right}', '*': '{left} times {right}', '/': '{left} divided by {right}' },
    negate: 'minus {operand}',
    functions: {
      greatest: 'the larger of {0} and {1}', least: 'the smaller of {0} and {1}', round: '{0} rounded', abs: 'the absolute value of {0}',
      floor: '{0} rounded down', ceil: '{0} rounded up', ceiling: '{0} rounded up', trunc: '{0} without its decimals', sign: 'the sign of {0}',
      coalesce: '{0} (or {1} when empty)', nullif: '{0} (empty when it equals {1})',
    },
    yuan: '{n} yuan',
    yuanOf: '{amount} (in yuan)',
    perPointBelow: '{amount} for each point {value} is below {limit}',
    perPointAbove: '{amount} for each point {value} is above {limit}',
    caseWhen: '{then} if {when}', caseOtherwise: 'otherwise {otherwise}',
    plus: ', plus ', bracket: '({inner})',
  },
};

const ORDINAL_SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
const englishOrdinals = new Intl.PluralRules('en', { type: 'ordinal' });
/** 2nd, 3rd, 11th in English; Chinese words places with 第 in the template and needs none. */
const ordinal = (n: number, locale: Locale) => (locale === 'en' && Number.isInteger(n) ? `${formatNumber(n, locale)}${ORDINAL_SUFFIX[englishOrdinals.select(n)]}` : formatNumber(n, locale));
const SCORE_COLUMNS = new Set(['score', 'target', 'previous_score']);
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
const isScore = (node: Node) => node.type === 'column' && SCORE_COLUMNS.has(node.name);
const FLIPPED: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=', '=': '=', '<>': '<>' };

function conditionPhrase(node: Node, locale: Locale): string {
  const p = PHRASES[locale];
  switch (node.type) {
    case 'logical':
      return node.operands.map((operand) => (operand.type === 'logical' ? fill(p.bracket, { inner: conditionPhrase(operand, locale) }) : conditionPhrase(operand, locale))).join(p[node.op]);
    case 'not':
      return fill(p.not, { operand: conditionPhrase(node.operand, locale) });
    case 'isNull':
      return fill(node.negated ? p.isNotNull : p.isNull, { operand: valuePhrase(node.operand, locale) });
    case 'between': {
      const { operand, low, high } = node;
      if (!node.negated && operand.type === 'column' && low.type === 'number' && high.type === 'number' && (operand.name === 'rank' || operand.name === 'rank_from_bottom')) {
        return fill(operand.name === 'rank' ? p.rankRange : p.bottomRange, { low: formatNumber(low.value, locale), high: formatNumber(high.value, locale) });
      }
      return fill(node.negated ? p.notBetween : p.between, { operand: valuePhrase(operand, locale), low: valuePhrase(low, locale), high: valuePhrase(high, locale) });
    }
    case 'compare': {
      // A constant on the left reads as the same test with the column first: 98 > score is score < 98.
      const flipped = node.left.type === 'number' && node.right.type !== 'number';
      const [left, right, op] = flipped ? [node.right, node.left, FLIPPED[node.op]!] : [node.left, node.right, node.op];
      if (left.type === 'column' && right.type === 'number' && (left.name === 'rank' || left.name === 'rank_from_bottom')) {
        const n = formatNumber(right.value, locale);
        const bottom = left.name === 'rank_from_bottom';
        if (op === '<=') return fill(bottom ? p.bottomTop : p.rankTop, { n });
        if (op === '=' && bottom) return right.value === 1 ? p.bottomLast : fill(p.bottomAt, { n, nth: ordinal(right.value, locale) });
        if (op === '=') return fill(p.rankAt, { n });
      }
      const scored = isScore(left);
      const rightWords = scored && right.type === 'number' ? fill(p.points, { n: formatNumber(right.value, locale) }) : valuePhrase(right, locale);
      return fill((scored ? p.scoreCompare : p.compare)[op]!, { left: valuePhrase(left, locale), right: rightWords });
    }
    default:
      return valuePhrase(node, locale);
  }
}

function valuePhrase(node: Node, locale: Locale): string {
  const p = PHRASES[locale];
  const inner = (operand: Node) => (operand.type === 'arithmetic' || operand.type === 'case' ? fill(p.bracket, { inner: valuePhrase(operand, locale) }) : valuePhrase(operand, locale));
  switch (node.type) {
    case 'number':
      return formatNumber(node.value, locale);
    case 'column':
      return p.columns[node.name] ?? node.name;
    case 'negate':
      return fill(p.negate, { operand: inner(node.operand) });
    case 'arithmetic':
      return fill(p.arithmetic[node.op], { left: inner(node.left), right: inner(node.right) });
    case 'call': {
      const template = p.functions[node.name];
      const args = node.args.map(inner);
      if (template === undefined || args.length > 2) return `${node.name}(${args.join(', ')})`;
      return fill(template, Object.fromEntries(args.map((arg, i) => [String(i), arg])));
    }
    case 'case':
      return casePhrase(node, locale, (then) => valuePhrase(then, locale));
    default:
      return conditionPhrase(node, locale);
  }
}

function casePhrase(node: Extract<Node, { type: 'case' }>, locale: Locale, wordThen: (then: Node) => string): string {
  const p = PHRASES[locale];
  const parts = node.whens.map(({ when, then }) => fill(p.caseWhen, { when: conditionPhrase(when, locale), then: wordThen(then) }));
  if (node.otherwise) parts.push(fill(p.caseOtherwise, { otherwise: wordThen(node.otherwise) }));
  return parts.join(locale === 'zh-CN' ? '，' : ', ');
}

/** The terms of a sum, so that each reads as its own clause: 2000元，另…每低1分200元. */
function terms(node: Node): Node[] {
  return node.type === 'arithmetic' && node.op === '+' ? [...terms(node.left), ...terms(node.right)] : [node];
}

/**
 * greatest(A − B, 0) × K, (A − B) × K or K × either: K for each point that B falls short of A (or
 * exceeds it, when B is the score's limit). Without greatest a negative product is left to the
 * award's floor_at_zero, which the page words as its own rule.
 */
function perPoint(node: Node): { limit: Node; value: Node; rate: number; below: boolean } | null {
  if (node.type !== 'arithmetic' || node.op !== '*') return null;
  const [factor, rate] = node.right.type === 'number' ? [node.left, node.right] : [node.right, node.left];
  if (rate.type !== 'number') return null;
  const floored = factor.type === 'call' && factor.name === 'greatest' && factor.args.length === 2 && factor.args[1]?.type === 'number' && factor.args[1].value === 0;
  const difference = floored ? factor.args[0] : factor;
  if (difference?.type !== 'arithmetic' || difference.op !== '-') return null;
  // 98 − score counts the points below 98; score − 98 those above it.
  const below = isScore(difference.right);
  if (!below && !isScore(difference.left)) return null;
  return below ? { limit: difference.left, value: difference.right, rate: rate.value, below } : { limit: difference.right, value: difference.left, rate: rate.value, below };
}

function amountTermPhrase(node: Node, locale: Locale): string {
  const p = PHRASES[locale];
  const yuan = (n: number) => fill(p.yuan, { n: formatNumber(n, locale) });
  if (node.type === 'number') return yuan(node.value);
  if (node.type === 'case') return casePhrase(node, locale, (then) => amountPhrase(then, locale));
  const point = perPoint(node);
  if (point) {
    const limit = point.limit.type === 'number' ? fill(p.points, { n: formatNumber(point.limit.value, locale) }) : valuePhrase(point.limit, locale);
    return fill(point.below ? p.perPointBelow : p.perPointAbove, { value: valuePhrase(point.value, locale), limit, amount: yuan(point.rate) });
  }
  return fill(p.yuanOf, { amount: valuePhrase(node, locale) });
}

function amountPhrase(node: Node, locale: Locale): string {
  return terms(node).map((term) => amountTermPhrase(term, locale)).join(PHRASES[locale].plus);
}

/** A condition (`when`, a band's test) as prose; an expression outside the grammar stays as written. */
export function wordCondition(expression: string, locale: Locale): string {
  const tree = parse(expression);
  return tree ? conditionPhrase(tree, locale) : expression;
}

/** An amount in yuan as prose: each term of the sum a clause. */
export function wordAmount(expression: string, locale: Locale): string {
  const tree = parse(expression);
  return tree ? amountPhrase(tree, locale) : expression;
}

/** An ordering expression (score / headcount) as prose. */
export function wordValue(expression: string, locale: Locale): string {
  const tree = parse(expression);
  return tree ? valuePhrase(tree, locale) : expression;
}
