/**
 * The SQL model runner (src/pipeline/models.ts): the run order comes from the tables each model
 * reads, a cycle or a missing model names the files, and the special runs are header words.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { brokenContracts, contractTests, plannedModels, runModels } from '../../src/pipeline/models.ts';
import { queryText } from '../../src/pipeline/sql.ts';

/** A sql/ folder of the given files, e.g. { 'marts/fct_a.sql': 'SELECT 1' }. */
function sqlDir(files: Record<string, string>): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'podium-models-')), 'sql');
  for (const layer of ['staging', 'intermediate', 'marts']) mkdirSync(path.join(dir, layer), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return dir;
}

const order = (dir: string) => plannedModels([dir]).map((m) => m.name);

describe('SQL models', () => {
  it('runs each model after the models it reads, whatever their names and layers', () => {
    const dir = sqlDir({
      'staging/stg_b.sql': 'SELECT 1 AS x',
      'intermediate/int_a.sql': 'SELECT * FROM int_c JOIN stg_b USING (x)',
      'intermediate/int_c.sql': 'SELECT * FROM stg_b',
      'marts/fct_a.sql': 'SELECT * FROM int_a',
    });
    expect(order(dir)).toEqual(['stg_b', 'int_c', 'int_a', 'fct_a']);
  });

  it('does not take a model named in a comment or a string for a table it reads', () => {
    const dir = sqlDir({
      'intermediate/int_a.sql': "-- reads int_b? no: see int_b.sql\nSELECT 'int_b' AS note /* int_b */",
      'intermediate/int_b.sql': 'SELECT * FROM "int_a"',
    });
    expect(order(dir)).toEqual(['int_a', 'int_b']);
  });

  it('refuses a cycle, naming each file of it and the table it reads', () => {
    const dir = sqlDir({
      'intermediate/int_a.sql': 'SELECT * FROM int_b',
      'intermediate/int_b.sql': 'SELECT * FROM int_a',
    });
    expect(() => order(dir)).toThrow(
      'the SQL models form a cycle: sql/intermediate/int_a.sql reads int_b from sql/intermediate/int_b.sql, sql/intermediate/int_b.sql reads int_a from sql/intermediate/int_a.sql',
    );
  });

  it('refuses a model that reads a model no file makes, naming both files', () => {
    const dir = sqlDir({ 'marts/fct_a.sql': 'SELECT * FROM int_gone' });
    expect(() => order(dir)).toThrow('sql/marts/fct_a.sql reads int_gone, but there is no model sql/intermediate/int_gone.sql, nor int_gone.sql in a rule kind\'s folder');
  });

  it('takes a rule kind folder’s files named with a layer prefix as models of that layer, and refuses a name used twice', () => {
    const kindDir = path.join(mkdtempSync(path.join(tmpdir(), 'podium-kind-')), 'rules');
    mkdirSync(path.join(kindDir, 'stamp'), { recursive: true });
    writeFileSync(path.join(kindDir, 'stamp', 'int_b.sql'), 'SELECT * FROM stg_a');
    writeFileSync(path.join(kindDir, 'stamp', 'check_stamp.sql'), 'SELECT * FROM int_b');
    const dir = sqlDir({ 'staging/stg_a.sql': 'SELECT 1 AS x', 'intermediate/int_c.sql': 'SELECT * FROM int_b' });
    expect(plannedModels([dir, kindDir]).map((m) => [m.name, m.label])).toEqual([
      ['stg_a', 'sql/staging/stg_a.sql'],
      ['int_b', 'rules/stamp/int_b.sql'],
      ['int_c', 'sql/intermediate/int_c.sql'],
    ]);
    writeFileSync(path.join(dir, 'intermediate', 'int_b.sql'), 'SELECT 2 AS x');
    expect(() => plannedModels([dir, kindDir])).toThrow('two SQL files named int_b.sql');
  });

  it('names the files of a cycle and of a missing model across sql/ and a rule kind folder', () => {
    const kindDir = path.join(mkdtempSync(path.join(tmpdir(), 'podium-kind-')), 'rules');
    mkdirSync(path.join(kindDir, 'stamp'), { recursive: true });
    writeFileSync(path.join(kindDir, 'stamp', 'int_b.sql'), 'SELECT * FROM int_c');
    const dir = sqlDir({ 'intermediate/int_c.sql': 'SELECT * FROM int_b' });
    expect(() => plannedModels([dir, kindDir])).toThrow(
      'the SQL models form a cycle: rules/stamp/int_b.sql reads int_c from sql/intermediate/int_c.sql, sql/intermediate/int_c.sql reads int_b from rules/stamp/int_b.sql',
    );
    writeFileSync(path.join(kindDir, 'stamp', 'int_b.sql'), 'SELECT * FROM fct_gone');
    expect(() => plannedModels([dir, kindDir])).toThrow("rules/stamp/int_b.sql reads fct_gone, but there is no model sql/marts/fct_gone.sql, nor fct_gone.sql in a rule kind's folder");
  });

  it('refuses a model named without its layer prefix and an unknown header word', () => {
    expect(() => order(sqlDir({ 'marts/standings.sql': 'SELECT 1' }))).toThrow('sql/marts/standings.sql: a model of this layer is named fct_<table>');
    expect(() => order(sqlDir({ 'marts/fct_a.sql': '-- podium: repeat twice\nSELECT 1' }))).toThrow('unknown podium header word "repeat twice"');
  });

  it('runs an operation after the models that make what it writes and before every reader, repeated per loop value', async () => {
    const dir = sqlDir({
      'intermediate/int_totals.sql': 'SELECT NULL::INTEGER AS stage WHERE false',
      'intermediate/int_fill.sql': '-- podium: operation, repeat per stage\nINSERT INTO int_totals SELECT $stage',
      'intermediate/int_hide.sql': '-- podium: operation\nDELETE FROM int_totals WHERE stage = 0',
      'marts/fct_sum.sql': 'SELECT sum(stage)::INTEGER AS total, count(*)::INTEGER AS n FROM int_totals',
    });
    const models = plannedModels([dir]);
    expect(models.map((m) => m.name)).toEqual(['int_totals', 'int_fill', 'int_hide', 'fct_sum']);
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const stages = async () => [{ stage: 0 }, { stage: 1 }, { stage: 2 }];
    await runModels(db, models, { loops: { stage: stages } });
    // Stages 0, 1 and 2 inserted, stage 0 deleted before fct_sum reads them: 1 + 2 in 2 rows.
    expect((await db.runAndReadAll('SELECT total, n FROM fct_sum')).getRowObjectsJS()).toEqual([{ total: 3, n: 2 }]);
  });

  it('makes a model whose header says view as a view, which reads what its tables hold when it is read', async () => {
    const dir = sqlDir({
      'intermediate/int_n.sql': 'SELECT 1 AS n',
      'marts/fct_all.sql': '-- podium: view\nSELECT n FROM int_n',
    });
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await runModels(db, plannedModels([dir]), { loops: {} });
    const kinds = await db.runAndReadAll("SELECT table_name, table_type FROM information_schema.tables WHERE table_name IN ('int_n', 'fct_all') ORDER BY table_name");
    expect(kinds.getRowObjectsJS()).toEqual([{ table_name: 'fct_all', table_type: 'VIEW' }, { table_name: 'int_n', table_type: 'BASE TABLE' }]);
    await db.run('INSERT INTO int_n VALUES (2)');
    expect((await db.runAndReadAll('SELECT sum(n)::INTEGER AS total FROM fct_all')).getRowObjectsJS()).toEqual([{ total: 3 }]);
    expect(() => order(sqlDir({ 'marts/fct_a.sql': '-- podium: view, repeat per stage\nSELECT $stage' }))).toThrow('sql/marts/fct_a.sql: a view is one SELECT, made once');
  });

  it('refuses a model of more than one statement', async () => {
    const dir = sqlDir({ 'marts/fct_a.sql': 'SELECT 1 AS x;\nDROP TABLE cfg_x;' });
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await expect(runModels(db, plannedModels([dir]), { loops: {} })).rejects.toThrow('sql/marts/fct_a.sql: a model is one SELECT');
  });

  it('reports a contract test that returns rows, with its file and the rows', async () => {
    const dir = sqlDir({
      'marts/fct_a.sql': 'SELECT 1 AS x UNION ALL SELECT -1',
      'marts/fct_a.test.sql': '-- x is never negative\nSELECT x FROM fct_a WHERE x < 0',
      'marts/fct_b.sql': 'SELECT 1 AS y',
      'marts/fct_b.test.sql': 'SELECT y FROM fct_b WHERE y < 0',
    });
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await runModels(db, plannedModels([dir]), { loops: {} });
    expect(await brokenContracts(db, [dir])).toEqual([{ label: 'sql/marts/fct_a.test.sql', rows: [{ x: -1 }] }]);
  });

  describe('the contracts of the marts', () => {
    const contract = (label: string) => contractTests().find((t) => t.label === label)!;
    const rowsBreaking = async (label: string, tables: string) => {
      const db = await (await DuckDBInstance.create(':memory:')).connect();
      await db.run(tables);
      return queryText<Record<string, unknown>>(db, contract(label).text, label);
    };

    it('finds a rank that skips no place after a tie, and a wrong count of the scope', async () => {
      // Scores 90, 80, 80, 70 rank 1, 2, 2, 4; the last is given 3 (dense, not competition ranking).
      // In the lower-is-better ranking "late" a single entry of group g2 is counted as 2.
      const rows = await rowsBreaking('sql/marts/fct_standings.test.sql', `
        CREATE TABLE cfg_rankings AS SELECT * FROM (VALUES ('top', true), ('late', false)) t(ranking_id, descending);
        CREATE TABLE fct_standings AS SELECT * FROM (VALUES
          ('top', 'm1', 'unit', 'A', NULL, 90, 1, 4), ('top', 'm1', 'unit', 'B', NULL, 80, 2, 4),
          ('top', 'm1', 'unit', 'C', NULL, 80, 2, 4), ('top', 'm1', 'unit', 'D', NULL, 70, 3, 4),
          ('late', 'm1', 'unit', 'A', 'g1', 5, 1, 2), ('late', 'm1', 'unit', 'B', 'g1', 7, 2, 2),
          ('late', 'm1', 'unit', 'C', 'g2', 1, 1, 2)
        ) t(ranking_id, period_id, entity_kind, entity_id, group_id, score, rank, rank_count);`);
      expect(rows.map((r) => [r.ranking_id, r.entity_id, Number(r.rank_due), Number(r.count_due)]).sort()).toEqual([
        ['late', 'C', 1, 1],
        ['top', 'D', 4, 4],
      ]);
    });

    it('finds an additive score whose parts do not add up, and leaves a ratio alone', async () => {
      // Ledger L: base 100 − 4 = 96, but the score says 97. Ratio R: parts 10 and 20, score 0.5.
      // Tally T: no parts at all and 0: an empty sum. Tally U: no parts but 2.
      const rows = await rowsBreaking('sql/intermediate/int_score_parts.test.sql', `
        CREATE TABLE cfg_scores AS SELECT * FROM (VALUES ('L', 'ledger'), ('R', 'ratio'), ('T', 'event_tally'), ('U', 'event_tally')) t(score_id, model);
        CREATE TABLE cfg_periods AS SELECT 'm1' AS period_id, false AS combined;
        CREATE TABLE fct_period_scores AS SELECT * FROM (VALUES
          ('m1', 'L', 'unit', 'A', 97.0), ('m1', 'R', 'unit', 'A', 0.5), ('m1', 'T', 'unit', 'A', 0.0), ('m1', 'U', 'unit', 'A', 2.0)
        ) t(period_id, score_id, entity_kind, entity_id, score);
        CREATE TABLE int_score_parts AS SELECT * FROM (VALUES
          ('m1', 'L', 'unit', 'A', 100.0), ('m1', 'L', 'unit', 'A', -4.0), ('m1', 'R', 'unit', 'A', 10.0), ('m1', 'R', 'unit', 'A', 20.0)
        ) t(period_id, score_id, entity_kind, entity_id, amount);`);
      expect(rows.map((r) => [r.score_id, Number(r.score), r.parts_sum === null ? null : Number(r.parts_sum)]).sort()).toEqual([
        ['L', 97, 96],
        ['U', 2, null],
      ]);
    });

    it('finds an entity missing a period it has records in', async () => {
      // A's complaint E1 (5 May) posts to the ledger L in May, which has no score for A; B's check
      // in May has its score; C's posting in June is in no started period; D is no subject of L.
      const rows = await rowsBreaking('sql/marts/fct_period_scores.test.sql', `
        CREATE TABLE cfg_periods AS SELECT * FROM (VALUES ('may', DATE '2025-05-01', DATE '2025-05-31', false), ('jun', DATE '2025-06-01', DATE '2025-06-30', false)) t(period_id, start_date, end_date, combined);
        CREATE TABLE int_as_of AS SELECT DATE '2025-05-31' AS as_of;
        CREATE TABLE int_postings AS SELECT * FROM (VALUES ('events', 'E1', DATE '2025-05-05', 'L', 'unit', 'A'), ('events', 'E2', DATE '2025-06-02', 'L', 'unit', 'C'), ('events', 'E3', DATE '2025-05-02', 'L', 'unit', 'D')) t(source_table, source_id, posted_on, score_id, entity_kind, entity_id);
        CREATE TABLE int_counted_checks AS SELECT 'K1' AS check_id, DATE '2025-05-09' AS check_date, 'Q' AS score_id, 'unit' AS entity_kind, 'B' AS entity_id;
        CREATE TABLE int_tally_events AS SELECT 'E9' AS event_id, DATE '2025-05-09' AS event_date, 'T' AS score_id, 'unit' AS entity_kind, 'Z' AS entity_id WHERE false;
        CREATE TABLE int_metric_values AS SELECT 'may' AS period_id, 'm' AS metric_id, 'sum' AS aggregate, 'unit' AS entity_kind, 'Z' AS entity_id, ['M1'] AS source_ids WHERE false;
        CREATE TABLE cfg_metric_scores AS SELECT 'M' AS score_id, 'm' AS metric_id, 'sum' AS aggregate;
        CREATE TABLE int_score_subjects AS SELECT * FROM (VALUES ('L', 'unit', 'A'), ('L', 'unit', 'C'), ('Q', 'unit', 'B')) t(score_id, entity_kind, entity_id);
        CREATE TABLE fct_period_scores AS SELECT 'may' AS period_id, 'Q' AS score_id, 'unit' AS entity_kind, 'B' AS entity_id, 80.0 AS score;`);
      expect(rows).toEqual([{ period_id: 'may', score_id: 'L', entity_kind: 'unit', entity_id: 'A', source_table: 'events', source_id: 'E1' }]);
    });
  });
});
