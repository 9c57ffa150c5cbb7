/**
 * The SQL generated from the column spec (src/pipeline/table-sql.ts), on a small spec of its own:
 * every kind of column gets the checks its spec asks for, with the messages it states, and the
 * typed columns the staging models read, redacted for the public edition as the spec marks them.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSqlFile, runStatements } from '../../src/pipeline/sql.ts';
import { cellChecksSql, rawTablesSql, typedTablesSql } from '../../src/pipeline/table-sql.ts';
import type { TableSpec } from '../../src/config/tables.ts';
import type { Redaction } from '../../src/config/public-edition.ts';

const SPEC: Record<string, TableSpec> = {
  units: {
    idColumn: 'unit_id',
    noun: 'unit',
    columns: [
      { name: 'unit_id', type: 'id', required: true, help: '' },
      { name: 'name', type: 'text', required: true, help: '', expected: 'a name' },
    ],
  },
  staff: { idColumn: 'staff_id', noun: 'staff', columns: [{ name: 'staff_id', type: 'id', required: true, help: '' }] },
  visits: {
    idColumn: 'visit_id',
    idScope: 'across all visit files',
    noun: 'visit',
    oneSubject: true,
    columns: [
      { name: 'visit_id', type: 'id', required: true, help: '' },
      { name: 'date', type: 'date', required: true, help: '', within: 'competition' },
      { name: 'unit_id', type: 'id', required: false, help: '', references: 'units' },
      { name: 'staff_id', type: 'id', required: false, help: '', references: 'staff' },
      { name: 'score', type: 'number', required: true, help: '', min: 0, max: 10, expected: 'a score from 0 to 10' },
      { name: 'fee', type: 'number', required: false, help: '', min: 0, decimals: 2, empty: 0 },
      { name: 'kind', type: 'enum', required: true, help: '', values: ['a', 'b'] },
      { name: 'urgent', type: 'flag', required: false, help: '' },
      { name: 'people', type: 'count', required: true, help: '' },
      { name: 'note', type: 'text', required: false, help: '', empty: '' },
    ],
  },
};

/** A database of a 2025 competition with the macros validation and typing use, and the spec's raw tables. */
async function databaseWith(spec: Record<string, TableSpec>) {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  await db.run("CREATE TABLE cfg_competition AS SELECT DATE '2025-01-01' AS start_date, DATE '2025-12-31' AS end_date");
  await runSqlFile(db, 'excel_dates');
  await runSqlFile(db, 'validate_macros');
  await runStatements(db, rawTablesSql(spec), 'raw');
  return db;
}

const VISITS = [
  // visit_id, date, unit_id, staff_id, score, fee, kind, urgent, people, note
  ['V1', '2025-05-02', 'U1', null, '5', null, 'a', 'yes', '3', null],
  ['V2', '2025-13-01', null, null, '11', '1.234', 'c', 'maybe', '-1', 'x'],
  ['V3', '2026-01-01', 'U9', 'S1', '1.1234567', null, null, null, null, null],
  ['V/4', '2025-05-04', null, 'S/1', '5', null, 'b', 'no', '0', null],
  ['v1', '2025-05-02', 'U1', null, '5', null, 'a', null, '3', null],
];

describe('the SQL generated from the column spec', () => {
  let db: Awaited<ReturnType<DuckDBInstance['connect']>>;
  beforeAll(async () => {
    db = await databaseWith(SPEC);
    await db.run("INSERT INTO raw_units VALUES (0, 1, 'U1', 'Unit one'), (0, 2, 'U/2', NULL)");
    await db.run("INSERT INTO raw_staff VALUES (1, 1, 'S1')");
    const cell = (v: string | null) => (v === null ? 'NULL' : `'${v}'`);
    await db.run(`INSERT INTO raw_visits VALUES ${VISITS.map((row, i) => `(2, ${i + 1}, ${row.map(cell).join(', ')})`).join(', ')}`);
    await runStatements(db, cellChecksSql(SPEC), 'checks');
  });

  it('lists every bad cell with what was expected and found', async () => {
    const rows = (await db.runAndReadAll('SELECT table_name, record_no::INTEGER AS r, column_name, expected, found FROM validation_errors ORDER BY ALL')).getRowsJS();
    const ID = 'an ID of letters, digits, "-" or "_" (at most 64, no "/", "\\" or ".", not a Windows device name such as CON or NUL)';
    expect(rows).toEqual(
      [
        ['units', 2, 'name', 'a name', 'an empty value'],
        ['units', 2, 'unit_id', ID, '"U/2"'],
        ['visits', 2, 'date', 'a date written YYYY-MM-DD', '"2025-13-01"'],
        ['visits', 2, 'fee', 'a number with at most 2 decimals (money keeps cents)', '"1.234"'],
        ['visits', 2, 'kind', 'one of a, b', '"c"'],
        ['visits', 2, 'people', 'a whole number, 0 or more', '"-1"'],
        ['visits', 2, 'score', 'a score from 0 to 10', '"11"'],
        ['visits', 2, 'unit_id', 'exactly one of unit_id and staff_id', 'both empty'],
        ['visits', 2, 'urgent', 'yes, no or an empty value', '"maybe"'],
        ['visits', 3, 'date', 'a date inside the competition, 2025-01-01 – 2025-12-31', '"2026-01-01"'],
        ['visits', 3, 'kind', 'one of a, b', 'an empty value'],
        ['visits', 3, 'people', 'a whole number, 0 or more', 'an empty value'],
        ['visits', 3, 'score', 'a number with at most 6 decimals (scores keep 6)', '"1.1234567"'],
        ['visits', 3, 'unit_id', 'a unit_id from the units table', 'no unit "U9"'],
        ['visits', 3, 'unit_id', 'exactly one of unit_id and staff_id', 'both set: "U9" and "S1"'],
        // A malformed reference is told its form, and not looked up.
        ['visits', 4, 'staff_id', ID, '"S/1"'],
        ['visits', 4, 'visit_id', ID, '"V/4"'],
        ['visits', 5, 'visit_id', 'a visit_id used once across all visit files', '"v1" after "V1" (IDs that differ only in case name the same file on Windows and macOS)'],
      ].sort(),
    );
  });

  it('types each column for the staging models, empty cells as the spec says', async () => {
    await runStatements(db, typedTablesSql(SPEC), 'typed');
    const [v1] = (
      await db.runAndReadAll(
        "SELECT typeof(date) AS date_type, date::VARCHAR AS date, typeof(score) AS score_type, typeof(fee) AS fee_type, fee::VARCHAR AS fee, urgent, typeof(people) AS people_type, note FROM typed_visits() WHERE visit_id = 'V1'",
      )
    ).getRowObjectsJS();
    expect(v1).toEqual({ date_type: 'DATE', date: '2025-05-02', score_type: 'DECIMAL(18,6)', fee_type: 'DECIMAL(18,2)', fee: '0.00', urgent: true, people_type: 'INTEGER', note: '' });
    const [v4] = (await db.runAndReadAll("SELECT urgent, note FROM typed_visits() WHERE visit_id = 'V/4'")).getRowObjectsJS();
    expect(v4).toEqual({ urgent: false, note: '' });
  });

  it('refuses a spec whose column references a table it does not have', () => {
    expect(() => cellChecksSql({ visits: { ...SPEC.visits!, oneSubject: false } })).toThrow('column visits.unit_id references table units, which the spec does not have');
  });
});

describe('the typed columns of the public edition, redacted by the column spec', () => {
  const PEOPLE: Record<string, TableSpec> = {
    people: {
      idColumn: 'person_id',
      noun: 'person',
      columns: (
        [
          ['person_id', 'id', { required: true }],
          ['name', 'text', { required: true, person: { code: 'person_id' } }],
          ['name_en', 'text', { person: { code: 'person_id' }, translates: 'name' }],
          ['checker', 'text', { empty: '', person: {} }],
          ['payroll', 'text', { internal: true }],
          ['fee', 'number', { internal: true }],
          ['source', 'text', { empty: '', withheldUnless: 'event_sources' }],
          ['plain', 'text', {}],
        ] as const
      ).map(([name, type, flags]) => ({ name, type, required: false, help: '', ...flags })),
    },
  };
  let db: Awaited<ReturnType<DuckDBInstance['connect']>>;
  beforeAll(async () => {
    db = await databaseWith(PEOPLE);
    await runSqlFile(db, 'public_person_name');
    await db.run(`INSERT INTO raw_people VALUES
      (0, 1, 'P1', '张小三', 'Zhang Xiaosan', '李四', 'X1', '5', 'hotline', 'ok'),
      (0, 2, 'P2', '王五', NULL, NULL, NULL, NULL, NULL, NULL),
      (0, 3, 'P3', '欧阳', '  ', '赵', NULL, NULL, NULL, NULL)`);
  });
  const typed = async (edition: Redaction | null) => {
    await runStatements(db, typedTablesSql(PEOPLE, edition), 'typed');
    const reader = await db.runAndReadAll('SELECT person_id, name, name_en, checker, payroll, typeof(fee) AS fee_type, fee::VARCHAR AS fee, source, plain FROM typed_people() ORDER BY person_id');
    return reader.getRowObjectsJS();
  };
  const row = (person_id: string, name: string, name_en: string | null, checker: string, payroll: string | null, fee: string | null, source: string, plain: string | null) =>
    ({ person_id, name, name_en, checker, payroll, fee_type: 'DECIMAL(18,6)', fee, source, plain });

  it('shows everything in the internal edition', async () => {
    expect(await typed(null)).toEqual([
      row('P1', '张小三', 'Zhang Xiaosan', '李四', 'X1', '5.000000', 'hotline', 'ok'),
      row('P2', '王五', null, '', null, null, '', null),
      row('P3', '欧阳', '  ', '赵', null, null, '', null),
    ]);
  });

  it('masks names keeping the first and last character, blanks internal columns in their types and a source whose switch is off', async () => {
    // 'Zhang Xiaosan' is 13 characters: Z, 11 stars, n. Two characters or fewer keep the first and one star.
    expect(await typed({ names: 'masked', switches: { event_sources: false } })).toEqual([
      row('P1', '张*三', 'Z***********n', '李*', null, null, '', 'ok'),
      row('P2', '王*', null, '', null, null, '', null),
      row('P3', '欧*', '  ', '赵*', null, null, '', null),
    ]);
  });

  it('omits names for the person code, or * where the record has none; a blank name stays blank; a source whose switch is on stays', async () => {
    expect(await typed({ names: 'omitted', switches: { event_sources: true } })).toEqual([
      row('P1', 'P1', 'P1', '*', null, null, 'hotline', 'ok'),
      row('P2', 'P2', 'P2', '', null, null, '', null),
      row('P3', 'P3', '  ', '*', null, null, '', null),
    ]);
  });

  it('leaves names whole when the public edition keeps them in full', async () => {
    expect((await typed({ names: 'full', switches: { event_sources: true } })).map((r) => [r.name, r.name_en, r.checker, r.payroll])).toEqual([
      ['张小三', 'Zhang Xiaosan', '李四', null],
      ['王五', null, '', null],
      ['欧阳', '  ', '赵', null],
    ]);
  });
});
