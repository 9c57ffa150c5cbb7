/**
 * Award expressions (`when`, `amount`, `cases`, `order_by.expression`): the one place where SQL
 * text is made in TypeScript. The config states money formulas such as
 * `1000 + greatest(target - score, 0) * 200`; they cannot live in a .sql file because the
 * competition writes them. So they are (1) parsed by DuckDB itself (`json_serialize_sql`) and
 * their syntax tree walked against an allowlist of columns, functions and node classes — no
 * subqueries, no table functions, no second statement — and tried once on typed NULLs, when
 * the config is read; and (2) wrapped, unchanged and parenthesised, into scalar macros
 * (`award_when`, `award_amount`, `award_order`) whose parameters are exactly the allowed
 * columns, so sql/int_award_candidates.sql calls them like any function. Scoring still runs
 * with external access switched off, a second wall should the allowlist ever miss something.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Competition } from '../config/read.ts';
import { locateInConfig } from '../config/read.ts';
import type { Award, CompetitionConfig } from '../config/schema.ts';
import { BuildError, type Diagnostic } from './diagnostics.ts';

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
const COLUMN_NAMES = Object.keys(EXPRESSION_COLUMNS);

const FUNCTIONS = new Set(['greatest', 'least', 'round', 'abs', 'floor', 'ceil', 'ceiling', 'coalesce', 'nullif', 'sign', 'trunc']);
const OPERATORS = new Set(['+', '-', '*', '/', '//', '%']);
const OPERATOR_TYPES = new Set(['COMPARE_IN', 'COMPARE_NOT_IN', 'OPERATOR_NOT', 'OPERATOR_IS_NULL', 'OPERATOR_IS_NOT_NULL', 'OPERATOR_COALESCE']);

type Kind = 'boolean' | 'number';
interface Located {
  path: (string | number)[];
  text: string;
  kind: Kind;
}

/** Every expression of the config with where it sits and what it must yield. */
function expressionsOf(config: CompetitionConfig): Located[] {
  return config.awards.flatMap((a, i) => {
    const at = (...rest: (string | number)[]) => ['awards', i, ...rest];
    const found: Located[] = [];
    if (a.when !== undefined) found.push({ path: at('when'), text: a.when, kind: 'boolean' });
    if (typeof a.amount === 'string') found.push({ path: at('amount'), text: a.amount, kind: 'number' });
    a.cases.forEach((c, j) => {
      found.push({ path: at('cases', j, 'when'), text: c.when, kind: 'boolean' });
      if (typeof c.amount === 'string') found.push({ path: at('cases', j, 'amount'), text: c.amount, kind: 'number' });
    });
    if (a.order_by) found.push({ path: at('order_by', 'expression'), text: a.order_by.expression, kind: 'number' });
    return found;
  });
}

/** The expression as it is placed into SQL: on its own lines, so a trailing `--` comment stays inside. */
const wrapped = (text: string) => `(\n${text}\n)`;

/** Refuses the build with a diagnostic at the YAML line of every expression that is not allowed. */
export async function checkAwardExpressions(db: DuckDBConnection, competition: Competition): Promise<void> {
  const problems: Diagnostic[] = [];
  for (const e of expressionsOf(competition.config)) {
    const problem = await expressionProblem(db, e);
    if (problem) problems.push({ ...locateInConfig(competition.dir, e.path), field: e.path.join('.'), expected: problem.expected, found: problem.found });
  }
  if (problems.length > 0) throw new BuildError('config', problems);
}

async function expressionProblem(db: DuckDBConnection, e: Located): Promise<{ expected: string; found: string } | null> {
  const reader = await db.runAndReadAll('SELECT json_serialize_sql($sql::VARCHAR) AS ast', { sql: `SELECT ${wrapped(e.text)}` });
  const ast = JSON.parse(String(reader.getRowObjectsJS()[0]!.ast)) as AstNode;
  if (ast.error) return { expected: 'a SQL expression', found: String(ast.error_message ?? 'a syntax error') };
  const statements = ast.statements as AstNode[];
  const node = statements[0]?.node as AstNode | undefined;
  if (statements.length !== 1 || !node || node.type !== 'SELECT_NODE' || (node.select_list as AstNode[]).length !== 1 || (node.from_table as AstNode).type !== 'EMPTY' || node.where_clause !== null) {
    return { expected: 'one expression', found: 'more than one statement or clause' };
  }
  const refused = refusedNode((node.select_list as AstNode[])[0]!);
  if (refused) return { expected: `only the columns ${COLUMN_NAMES.join(', ')}, arithmetic, comparisons, AND/OR/NOT, CASE and ${[...FUNCTIONS].join(', ')}`, found: refused };
  // A trial run on typed NULLs catches type errors (text + number) before any data is scored.
  const columns = Object.entries(EXPRESSION_COLUMNS).map(([name, type]) => `NULL::${type} AS ${name}`).join(', ');
  try {
    const trial = await db.runAndReadAll(`SELECT typeof(${wrapped(e.text)}) AS t FROM (SELECT ${columns})`);
    const type = String(trial.getRowObjectsJS()[0]!.t);
    const ok = e.kind === 'boolean' ? ['BOOLEAN', '"NULL"', 'NULL'].includes(type) : /^(DECIMAL|DOUBLE|FLOAT|INTEGER|BIGINT|HUGEINT|SMALLINT|TINYINT|"NULL"|NULL)/.test(type);
    return ok ? null : { expected: e.kind === 'boolean' ? 'a condition (true or false)' : 'a number', found: `an expression of type ${type}` };
  } catch (error) {
    return { expected: 'an expression DuckDB accepts', found: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
}

type AstNode = Record<string, unknown>;

/** The first node outside the allowlist, described for the diagnostic; null when all are allowed. */
function refusedNode(node: AstNode): string | null {
  const children = (list: unknown): string | null => {
    for (const child of (list as AstNode[] | undefined) ?? []) {
      const refused = refusedNode(child);
      if (refused) return refused;
    }
    return null;
  };
  switch (node.class) {
    case 'CONSTANT':
      return null;
    case 'COLUMN_REF': {
      const names = node.column_names as string[];
      return names.length === 1 && COLUMN_NAMES.includes(names[0]!.toLowerCase()) ? null : `the column "${names.join('.')}"`;
    }
    case 'FUNCTION': {
      const name = String(node.function_name).toLowerCase();
      const allowed = node.is_operator ? OPERATORS.has(name) : FUNCTIONS.has(name);
      if (!allowed || node.schema !== '' || node.catalog !== '' || node.distinct || node.filter !== null) return `the function "${String(node.function_name)}"`;
      return children(node.children);
    }
    case 'COMPARISON':
      return refusedNode(node.left as AstNode) ?? refusedNode(node.right as AstNode);
    case 'CONJUNCTION':
      return children(node.children);
    case 'OPERATOR':
      return OPERATOR_TYPES.has(String(node.type)) ? children(node.children) : `the operator ${String(node.type)}`;
    case 'BETWEEN':
      return children([node.input, node.lower, node.upper]);
    case 'CASE':
      for (const c of node.case_checks as AstNode[]) {
        const refused = refusedNode(c.when_expr as AstNode) ?? refusedNode(c.then_expr as AstNode);
        if (refused) return refused;
      }
      return refusedNode(node.else_expr as AstNode);
    default:
      return `a ${String(node.class).toLowerCase()} (${String(node.type)})`;
  }
}

/** The macros that evaluate every award's expressions, one CASE branch per award (by its position). */
export function awardMacrosSql(config: CompetitionConfig): string[] {
  const params = ['award_ord', ...COLUMN_NAMES].join(', ');
  const macro = (name: string, type: string, branch: (a: Award) => string | null) => {
    const branches = config.awards.flatMap((a, ord) => {
      const sql = branch(a);
      return sql === null ? [] : [`WHEN ${ord} THEN CAST(${sql} AS ${type})`];
    });
    const body = branches.length === 0 ? `CAST(NULL AS ${type})` : `CASE award_ord\n${branches.join('\n')}\nEND`;
    return `CREATE OR REPLACE MACRO ${name}(${params}) AS ${body};`;
  };
  const number = (value: number | string) => (typeof value === 'number' ? String(value) : wrapped(value));
  const anyCase = (a: Award) => a.cases.map((c) => `coalesce(${wrapped(c.when)}, false)`).join(' OR ');
  return [
    macro('award_when', 'BOOLEAN', (a) => {
      const parts = [a.when === undefined ? 'true' : `coalesce(${wrapped(a.when)}, false)`];
      if (a.cases.length > 0) parts.push(`(${anyCase(a)})`);
      return parts.join(' AND ');
    }),
    macro('award_amount', 'DECIMAL(18, 6)', (a) =>
      a.cases.length === 0 ? number(a.amount) : `CASE ${a.cases.map((c) => `WHEN coalesce(${wrapped(c.when)}, false) THEN ${number(c.amount)}`).join(' ')} ELSE ${number(a.amount)} END`,
    ),
    macro('award_order', 'DOUBLE', (a) => (a.order_by ? wrapped(a.order_by.expression) : null)),
  ];
}
