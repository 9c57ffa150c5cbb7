/**
 * The SQL that follows from the column spec (tables.ts), generated here and nowhere else: the raw
 * tables the loader fills, the checks of each cell on its own (its form, its range, what it
 * references) and the typed columns the staging models read. Every name and value placed in the
 * text comes from the spec, never from the data; the messages' wording lives in the macros of
 * sql/validate/validate_macros.sql and in the spec.
 */
import { TABLES, type ColumnSpec, type TableSpec } from '../config/tables.ts';
import { masksPerson, withholds, type Redaction } from '../config/public-edition.ts';

/** The spec to generate from: the competition tables, or a test's own. */
type Tables = Record<string, TableSpec>;

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
// 'u' is left out: a unit_id (said with a y), as the tables' IDs are.
const withArticle = (noun: string) => `${/^[aeio]/.test(noun) ? 'an' : 'a'} ${noun}`;

/** raw_<table>: every column VARCHAR, exactly as the file had it, with the file and record it came from. */
export function rawTablesSql(tables: Tables = TABLES): string {
  return Object.entries(tables).map(([table, spec]) => {
    const columns = [
      'file_id INTEGER',
      'record_no BIGINT',
      ...spec.columns.map((c) => `${c.name} VARCHAR`),
      // Attribute columns vary by competition, so they travel as one MAP column (name → text).
      ...(spec.attributes ? ['attributes MAP(VARCHAR, VARCHAR)'] : []),
    ];
    return `CREATE TABLE raw_${table} (${columns.join(', ')});`;
  }).join('\n');
}

/**
 * A check of one cell: the rows of `from` (raw_<table>) WHERE `bad`, told `expected` and `found`
 * (SQL expressions).
 */
interface CellCheck {
  column: string;
  bad: string;
  expected: string;
  found: string;
  from?: string;
}

/** Inserts into validation_errors every cell of every table that breaks its column's spec. */
export function cellChecksSql(tables: Tables = TABLES): string {
  const selects = Object.keys(tables).flatMap((table) =>
    tableChecks(tables, table).map(
      (c) => `SELECT '${table}', file_id, record_no, '${c.column}', ${c.expected}, ${c.found} FROM ${c.from ?? `raw_${table}`} WHERE ${c.bad}`,
    ),
  );
  return `INSERT INTO validation_errors\n${selects.join('\nUNION ALL\n')};`;
}

function tableChecks(tables: Tables, table: string): CellCheck[] {
  const spec = tables[table]!;
  const checks = spec.columns.flatMap((column) => columnChecks(tables, table, column));
  const id = spec.idColumn;
  // Every row after the first of an ID, in file and record order, names the first.
  checks.push({
    column: id,
    bad: 'nth > 1',
    expected: literal([withArticle(id), 'used once', spec.idScope].filter(Boolean).join(' ')),
    found: `again_found(${id}, first_id)`,
    from: `(SELECT *, row_number() OVER (PARTITION BY lower(${id}) ORDER BY file_id, record_no) AS nth,
             first_value(${id}) OVER (PARTITION BY lower(${id}) ORDER BY file_id, record_no) AS first_id FROM raw_${table} WHERE ${id} IS NOT NULL)`,
  });
  if (spec.oneSubject) {
    checks.push({ column: 'unit_id', bad: 'not_one_subject(unit_id, staff_id)', expected: literal('exactly one of unit_id and staff_id'), found: 'not_one_subject_found(unit_id, staff_id)' });
  }
  return checks;
}

function columnChecks(tables: Tables, table: string, column: ColumnSpec): CellCheck[] {
  const x = column.name;
  const check = (bad: string, expected: string, found = `quoted(${x})`): CellCheck => ({ column: x, bad, expected, found });
  const emptyOr = (bad: string) => (column.required ? `${x} IS NULL OR ${bad}` : bad);
  if (column.checkedByRules || column.references === 'config') return [];
  switch (column.type) {
    case 'id': {
      const form = check(column.required && !column.references ? emptyOr(`bad_id(${x})`) : `bad_id(${x})`, 'id_expected()');
      if (!column.references) return [form];
      const target = tables[column.references];
      if (!target) throw new Error(`column ${table}.${x} references table ${column.references}, which the spec does not have`);
      const unknown = `NOT bad_id(${x}) AND ${x} NOT IN (SELECT ${target.idColumn} FROM raw_${column.references} WHERE ${target.idColumn} IS NOT NULL)`;
      return [
        form,
        check(
          column.required ? `${x} IS NULL OR (${unknown})` : `${x} IS NOT NULL AND ${unknown}`,
          literal(`${withArticle(target.idColumn)} from the ${column.references} table`),
          `CASE WHEN ${x} IS NULL THEN 'an empty value' ELSE 'no ${target.noun} ' || quoted(${x}) END`,
        ),
      ];
    }
    case 'text': {
      const characters = check(`forbidden_character(${x}) <> ''`, literal('text without control or direction-changing characters'), `forbidden_character_found(${x})`);
      const visible = check(`${x} IS NULL OR blank_text(${x})`, literal(column.expected ?? 'a value'), `CASE WHEN ${x} IS NULL THEN 'an empty value' ELSE 'only white space' END`);
      return column.required ? [visible, characters] : [characters];
    }
    case 'date': {
      const form = check(column.required ? `as_date(${x}) IS NULL` : `bad_date(${x})`, literal('a date written YYYY-MM-DD'), `date_found(${x}, '${table}', '${x}')`);
      if (column.within === 'competition') return [form, check(`outside_competition(as_date(${x}))`, 'competition_span()')];
      if (column.within === 'competition and after') return [form, check(`outside_late_records(as_date(${x}))`, 'late_records_span()')];
      return [form];
    }
    case 'time':
      return [check(column.required ? `as_time(${x}) IS NULL` : `${x} IS NOT NULL AND as_time(${x}) IS NULL`, literal('a time of day written HH:MM, 00:00 – 23:59'))];
    case 'number': {
      const bounds = [column.min === undefined ? '' : ` OR as_number(${x}) < ${column.min}`, column.max === undefined ? '' : ` OR as_number(${x}) > ${column.max}`].join('');
      const decimals = column.decimals ?? 6;
      return [
        check(`${column.required ? `as_number(${x}) IS NULL` : `bad_number(${x})`}${bounds}`, literal(column.expected ?? 'a number')),
        // More decimals than the column keeps would be rounded silently by staging.
        check(`too_precise(${x}, ${decimals})`, literal(`a number with at most ${decimals} decimals (${decimals === 2 ? 'money keeps cents' : 'scores keep 6'})`)),
      ];
    }
    case 'count':
      return [check(emptyOr(`bad_count(${x})`), literal(column.expected ?? 'a whole number, 0 or more'))];
    case 'enum':
      return [check(emptyOr(`${x} NOT IN (${column.values!.map(literal).join(', ')})`), literal(column.expected ?? `one of ${column.values!.join(', ')}`))];
    case 'flag':
      return [check(emptyOr(`${x} NOT IN ('yes', 'no')`), literal(column.expected ?? 'yes, no or an empty value'))];
  }
}

/**
 * typed_<table>(): the table macro the staging models read, each column of its type (an empty
 * cell NULL, or the column's `empty` value). Run after validation, so every cast succeeds. For the
 * public edition (`edition`), the columns it withholds are typed as if empty and a person's name
 * is masked (public_person_name, sql/load/public_person_name.sql), so no staged table, and nothing
 * scored, checked or exported from one, can carry them.
 */
export function typedTablesSql(tables: Tables = TABLES, edition: Redaction | null = null): string {
  return Object.entries(tables).map(([table, spec]) => {
    const columns = ['file_id', 'record_no', ...spec.columns.map((c) => `${published(c, edition)} AS ${c.name}`), ...(spec.attributes ? ['attributes'] : [])];
    return `CREATE OR REPLACE MACRO typed_${table}() AS TABLE SELECT ${columns.join(', ')} FROM raw_${table};`;
  }).join('\n');
}

/** A column's typed value as the edition shows it. */
function published(column: ColumnSpec, edition: Redaction | null): string {
  if (withholds(edition, column)) return typed(column, 'NULL::VARCHAR');
  if (masksPerson(edition, column)) return `public_person_name(${typed(column)}, ${column.person!.code ?? "''"}, ${literal(edition!.names)})`;
  return typed(column);
}

/** The column's value typed, read from `x` (the raw column, or an empty cell's NULL). */
function typed(column: ColumnSpec, x = column.name): string {
  const value = {
    id: x,
    text: x,
    enum: x,
    date: `as_date(${x})`,
    time: `as_time(${x})`,
    number: column.decimals === 2 ? `as_number(${x})::DECIMAL(18, 2)` : `as_number(${x})`,
    count: `${x}::INTEGER`,
    flag: `coalesce(${x} = 'yes', false)`,
  }[column.type];
  return column.empty === undefined ? value : `coalesce(${value}, ${typeof column.empty === 'string' ? literal(column.empty) : column.empty})`;
}
