/**
 * What an award expression (`when`, `amount`, `cases`, `order_by.expression`) may be, and the
 * macros it becomes. The config states money formulas such as `1000 + greatest(target - score,
 * 0) * 200`; DuckDB parses them (src/pipeline/award-expressions.ts) and every node of the syntax
 * tree must pass `refusedNode`: only the columns of one standing, arithmetic, comparisons and a
 * few functions. The macros wrap each expression, unchanged and parenthesised, into a CASE branch
 * per award, so sql/intermediate/int_award_candidates.sql calls them like any function.
 */
import type { Award } from './index.ts';

/** The columns of one standing an expression may use, with their SQL types. */
export const EXPRESSION_COLUMNS = {
  score: 'DECIMAL(18, 6)',
  /** The period's target value for the ranking's score; NULL without a target. */
  target: 'DECIMAL(18, 6)',
  target_met: 'BOOLEAN',
  rank: 'INTEGER',
  rank_from_bottom: 'INTEGER',
  rank_count: 'INTEGER',
  previous_score: 'DECIMAL(18, 6)',
  previous_rank: 'INTEGER',
  /** Earlier periods of the same kind whose score met the award's `reached` standard. */
  earlier_periods_reached: 'INTEGER',
  /** 0 when the standard was first met in this period, 3 when three periods earlier; NULL if never. */
  first_reached_periods_ago: 'INTEGER',
  /** Staff in the unit and below it (1 for a person). */
  headcount: 'INTEGER',
} as const;
export const COLUMN_NAMES = Object.keys(EXPRESSION_COLUMNS);

export const FUNCTIONS = new Set(['greatest', 'least', 'round', 'abs', 'floor', 'ceil', 'ceiling', 'coalesce', 'nullif', 'sign', 'trunc']);
const OPERATORS = new Set(['+', '-', '*', '/', '//', '%']);
const OPERATOR_TYPES = new Set(['COMPARE_IN', 'COMPARE_NOT_IN', 'OPERATOR_NOT', 'OPERATOR_IS_NULL', 'OPERATOR_IS_NOT_NULL', 'OPERATOR_COALESCE']);

type Kind = 'boolean' | 'number';
/** The SQL type each macro gives (award_when, award_amount, award_order), and so each expression is cast to. */
const MACRO_TYPES = { when: 'BOOLEAN', amount: 'DECIMAL(18, 6)', order: 'DOUBLE' } as const;
export interface Located {
  path: (string | number)[];
  text: string;
  kind: Kind;
  /** The type the expression is cast to where it is used. */
  cast: (typeof MACRO_TYPES)[keyof typeof MACRO_TYPES];
}

/** Every expression of the config with where it sits and what it must yield. */
export function expressionsOf(awards: readonly Award[]): Located[] {
  return awards.flatMap((a, i) => {
    const at = (...rest: (string | number)[]) => ['awards', i, ...rest];
    const found: Located[] = [];
    const condition = (p: (string | number)[], text: string) => found.push({ path: p, text, kind: 'boolean', cast: MACRO_TYPES.when });
    const amount = (p: (string | number)[], text: string) => found.push({ path: p, text, kind: 'number', cast: MACRO_TYPES.amount });
    if (a.when !== undefined) condition(at('when'), a.when);
    if (typeof a.amount === 'string') amount(at('amount'), a.amount);
    a.cases.forEach((c, j) => {
      condition(at('cases', j, 'when'), c.when);
      if (typeof c.amount === 'string') amount(at('cases', j, 'amount'), c.amount);
    });
    if (a.order_by) found.push({ path: at('order_by', 'expression'), text: a.order_by.expression, kind: 'number', cast: MACRO_TYPES.order });
    return found;
  });
}

/** The expression as it is placed into SQL: on its own lines, so a trailing `--` comment stays inside. */
export const wrapped = (text: string) => `(\n${text}\n)`;

export type AstNode = Record<string, unknown>;

/**
 * The first node outside the allowlist, described for the diagnostic; null when all are allowed.
 * Every property of every node is walked (arguments, FILTER, ORDER BY, window specs, CASE
 * branches, whatever DuckDB adds next), so no part of the tree is skipped by construction; each
 * expression node (one with a `class`) must be of an allowed class.
 */
export function refusedNode(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return null;
  const own = !Array.isArray(value) && 'class' in value ? refusedClass(value as AstNode) : null;
  if (own) return own;
  for (const child of Object.values(value)) {
    const refused = refusedNode(child);
    if (refused) return refused;
  }
  return null;
}

/** Whether one expression node, apart from its children, is allowed. */
function refusedClass(node: AstNode): string | null {
  switch (node.class) {
    case 'CONSTANT':
    case 'COMPARISON':
    case 'CONJUNCTION':
    case 'BETWEEN':
    case 'CASE':
      return null;
    case 'COLUMN_REF': {
      const names = node.column_names as string[];
      return names.length === 1 && COLUMN_NAMES.includes(names[0]!.toLowerCase()) ? null : `the column "${names.join('.')}"`;
    }
    case 'FUNCTION': {
      const name = String(node.function_name).toLowerCase();
      const allowed = node.is_operator ? OPERATORS.has(name) : FUNCTIONS.has(name);
      const orders = (node.order_bys as { orders?: unknown[] } | null)?.orders ?? [];
      if (!allowed || node.schema !== '' || node.catalog !== '' || node.distinct) return `the function "${String(node.function_name)}"`;
      if (node.filter !== null) return `a FILTER clause on "${String(node.function_name)}"`;
      if (orders.length > 0) return `an ORDER BY inside "${String(node.function_name)}"`;
      return null;
    }
    case 'OPERATOR':
      return OPERATOR_TYPES.has(String(node.type)) ? null : `the operator ${String(node.type)}`;
    default:
      return `a ${String(node.class).toLowerCase()} (${String(node.type)})`;
  }
}

/**
 * The macros that evaluate every award's expressions, one CASE branch per award (by its position).
 * Each takes the award's position and one standing as a STRUCT (`award_when(c.award_ord, c)`), so
 * the SQL that calls it names no column; an inner macro of the same name plus `_of` takes the
 * columns one by one, the names the expressions use, both made here from EXPRESSION_COLUMNS.
 */
export function awardMacrosSql(awards: readonly Award[]): string[] {
  const macro = (name: string, type: string, branch: (a: Award) => string | null) => {
    const branches = awards.flatMap((a, ord) => {
      const sql = branch(a);
      return sql === null ? [] : [`WHEN ${ord} THEN CAST(${sql} AS ${type})`];
    });
    const body = branches.length === 0 ? `CAST(NULL AS ${type})` : `CASE award_ord\n${branches.join('\n')}\nEND`;
    const fields = COLUMN_NAMES.map((column) => `standing.${column}`).join(', ');
    return [
      `CREATE OR REPLACE MACRO ${name}_of(${['award_ord', ...COLUMN_NAMES].join(', ')}) AS ${body};`,
      `CREATE OR REPLACE MACRO ${name}(award_ord, standing) AS ${name}_of(award_ord, ${fields});`,
    ];
  };
  const number = (value: number | string) => (typeof value === 'number' ? String(value) : wrapped(value));
  const anyCase = (a: Award) => a.cases.map((c) => `coalesce(${wrapped(c.when)}, false)`).join(' OR ');
  return [
    ...macro('award_when', MACRO_TYPES.when, (a) => {
      const parts = [a.when === undefined ? 'true' : `coalesce(${wrapped(a.when)}, false)`];
      if (a.cases.length > 0) parts.push(`(${anyCase(a)})`);
      return parts.join(' AND ');
    }),
    ...macro('award_amount', MACRO_TYPES.amount, (a) =>
      a.cases.length === 0 ? number(a.amount) : `CASE ${a.cases.map((c) => `WHEN coalesce(${wrapped(c.when)}, false) THEN ${number(c.amount)}`).join(' ')} ELSE ${number(a.amount)} END`,
    ),
    ...macro('award_order', MACRO_TYPES.order, (a) => (a.order_by ? wrapped(a.order_by.expression) : null)),
  ];
}
