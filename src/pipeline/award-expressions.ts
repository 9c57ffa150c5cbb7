/**
 * Award expressions (`when`, `amount`, `cases`, `order_by.expression`): the one place where SQL
 * text is made in TypeScript. The config states money formulas such as
 * `1000 + greatest(target - score, 0) * 200`; they cannot live in a .sql file because the
 * competition writes them. So they are (1) parsed by DuckDB itself (`json_serialize_sql`) and
 * their syntax tree walked, every node of it, against an allowlist of columns, functions and
 * node classes — no subqueries, no table functions, no second statement — and tried once on
 * typed NULLs, when the config is read, on a database of their own with external access off;
 * and (2) wrapped, unchanged and parenthesised, into scalar macros (`award_when`,
 * `award_amount`, `award_order`) that read exactly the allowed columns of the one standing they
 * are given as a STRUCT, so sql/intermediate/int_award_candidates.sql calls them like any function. Scoring
 * runs with external access switched off too, a second wall should the allowlist ever miss
 * something. (3) When they fail on the data, the failure is traced to the expression and the
 * standing (awardExpressionFailure). The allowlist and the macros are the awards rule's own
 * (src/rules/awards/index.ts); this module runs them on DuckDB.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Competition } from '../config/read.ts';
import { locateInConfig } from '../config/read.ts';
import { awardMacrosSql, COLUMN_NAMES, EXPRESSION_COLUMNS, expressionsOf, FUNCTIONS, refusedNode, wrapped, type Award, type AstNode, type Located } from '../rules/awards/index.ts';
import { BuildError, shown, type Diagnostic } from '../config/diagnostics.ts';
import { queryRows, runSqlFile } from './sql.ts';

/**
 * Refuses the build with a diagnostic at the YAML line of every expression that is not allowed.
 * Runs on a database of its own with external access off from the start: the syntax tree is
 * walked before anything is evaluated, and the typed trial runs where no file can be reached
 * even should the allowlist miss something.
 */
export async function checkAwardExpressions(competition: Competition): Promise<void> {
  const expressions = expressionsOf(competition.config.awards);
  if (expressions.length === 0) return;
  const instance = await DuckDBInstance.create(':memory:', { enable_external_access: 'false', threads: '1' });
  const db = await instance.connect();
  try {
    const problems: Diagnostic[] = [];
    for (const e of expressions) {
      const problem = await expressionProblem(db, e);
      if (problem) problems.push({ ...locateInConfig(competition.dir, e.path), field: e.path.join('.'), expected: problem.expected, found: problem.found });
    }
    if (problems.length > 0) throw new BuildError('config', problems);
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

async function expressionProblem(db: DuckDBConnection, e: Located): Promise<{ expected: string; found: string } | null> {
  const reader = await db.runAndReadAll('SELECT json_serialize_sql($sql::VARCHAR) AS ast', { sql: `SELECT ${wrapped(e.text)}` });
  let ast: AstNode;
  try {
    ast = JSON.parse(String(reader.getRowObjectsJS()[0]!.ast)) as AstNode;
  } catch {
    // DuckDB writes a constant beyond the range of DOUBLE (1e400) as a bare Infinity, which is no JSON.
    return { expected: 'numbers from -1e308 to 1e308', found: 'a number DuckDB reads as infinite' };
  }
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
    return { expected: 'an expression DuckDB accepts', found: firstLine(error) };
  }
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error));

interface Candidate {
  period_id: string;
  entity_kind: 'unit' | 'staff';
  entity_id: string;
}
const standing = (c: Candidate) => `${c.entity_kind} ${shown(c.entity_id)} in period ${shown(c.period_id)}`;

/**
 * (Re)defines the award macros for these awards. For no awards they are inert: each gives NULL of
 * its type, so int_award_candidates can be made without evaluating any expression.
 */
export async function defineAwardMacros(db: DuckDBConnection, awards: readonly Award[]): Promise<void> {
  for (const statement of awardMacrosSql(awards)) await db.run(statement);
}

/**
 * Why int_award_candidates failed, as a diagnostic: the first award, in config order, whose
 * expressions fail on one of its candidates (an overflow, a cast of infinity after a division by
 * zero), with the expression's YAML line and the standing. Scoring evaluates every expression in
 * one pass; only when that pass fails is the model made again with inert macros (`rebuild`), which
 * gives every candidate's inputs, then the awards tried one by one on them with the real macros,
 * and the failing candidate found by bisection, so the normal path pays nothing. Null when the
 * model fails without the expressions too, or no expression fails alone.
 */
export async function awardExpressionFailure(db: DuckDBConnection, competition: Competition, rebuild: () => Promise<void>): Promise<BuildError | null> {
  await defineAwardMacros(db, []);
  const inputsBuilt = await rebuild().then(
    () => true,
    () => false,
  );
  await defineAwardMacros(db, competition.config.awards);
  if (!inputsBuilt) return null;
  const expressions = expressionsOf(competition.config.awards);
  for (let ord = 0; ord < competition.config.awards.length; ord++) {
    await runSqlFile(db, 'award_trial_rows', { ord });
    const failsUpTo = (upto: number) => queryRows(db, 'award_trial', { upto }).then(() => false, () => true);
    const [first] = await queryRows<Candidate & { candidates: number }>(db, 'award_trial_row', { rn: 1 });
    if (!first || !(await failsUpTo(first.candidates))) continue;
    // The first failing candidate lies in [low, high].
    let [low, high] = [1, first.candidates];
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (await failsUpTo(middle)) high = middle;
      else low = middle + 1;
    }
    const [candidate] = await queryRows<Candidate>(db, 'award_trial_row', { rn: low });
    for (const e of expressions.filter((x) => x.path[1] === ord)) {
      // The one place SQL is made in TypeScript (see the top of this file): the expression alone, on the one row.
      const failure = await db.run(`SELECT CAST(${wrapped(e.text)} AS ${e.cast}) FROM award_trial_rows WHERE rn = $rn`, { rn: low }).then(
        () => null,
        (error: unknown) => firstLine(error),
      );
      if (failure === null) continue;
      return new BuildError('score', [
        {
          ...locateInConfig(competition.dir, e.path),
          field: e.path.join('.'),
          expected: `an expression that gives a ${e.kind === 'boolean' ? 'condition' : `number that fits ${e.cast}`} for every standing (no overflow, no division by zero)`,
          found: `${failure.replace(/^[A-Za-z ]+Error: /, '').replace(/^Could not cast value -?(inf|nan) to \S+/, 'an infinite value (a division by zero)')} for ${standing(candidate!)} (award "${competition.config.awards[ord]!.id}")`,
        },
      ]);
    }
  }
  return null;
}

/** A matched candidate whose order_by expression gave no finite number is refused at the expression. */
export async function checkAwardOrders(db: DuckDBConnection, competition: Competition): Promise<void> {
  const [infinite] = await queryRows<Candidate & { award_ord: number }>(db, 'award_infinite_orders');
  if (!infinite) return;
  const award = competition.config.awards[infinite.award_ord]!;
  const at = ['awards', infinite.award_ord, 'order_by', 'expression'];
  throw new BuildError('score', [
    {
      ...locateInConfig(competition.dir, at),
      field: at.join('.'),
      expected: `a finite number for every candidate of award "${award.id}"`,
      found: `an infinite value or NaN (an overflow of DOUBLE, about 1e308) for ${standing(infinite)}`,
    },
  ]);
}

/**
 * A winner whose amount expression gave no value (NULL, e.g. `target - score` where the period
 * has no target) is refused rather than published blank or counted as 0.
 */
export async function checkAwardAmounts(db: DuckDBConnection, competition: Competition): Promise<void> {
  const [missing] = await queryRows<Candidate & { award_ord: number }>(db, 'award_missing_amounts');
  if (!missing) return;
  const award = competition.config.awards[missing.award_ord]!;
  const at = ['awards', missing.award_ord, award.cases.length > 0 ? 'cases' : 'amount'];
  throw new BuildError('score', [
    {
      ...locateInConfig(competition.dir, at),
      field: at.join('.'),
      expected: `an amount for every winner of award "${award.id}" (coalesce(…, 0) states a default where a column can be NULL)`,
      found: `no amount (NULL) for ${standing(missing)}`,
    },
  ]);
}
