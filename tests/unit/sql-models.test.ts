/**
 * The SQL model runner (src/pipeline/models.ts): the run order comes from the tables each model
 * reads, a cycle or a missing model names the files, and the special runs are header words.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { brokenContracts, plannedModels, runModels } from '../../src/pipeline/models.ts';

/** A sql/ folder of the given files, e.g. { 'marts/fct_a.sql': 'SELECT 1' }. */
function sqlDir(files: Record<string, string>): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'podium-models-')), 'sql');
  for (const layer of ['staging', 'intermediate', 'marts']) mkdirSync(path.join(dir, layer), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return dir;
}

const order = (dir: string) => plannedModels(dir).map((m) => m.name);

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
    expect(() => order(dir)).toThrow('sql/marts/fct_a.sql reads int_gone, but there is no model sql/intermediate/int_gone.sql');
  });

  it('refuses a model named without its layer prefix and an unknown header word', () => {
    expect(() => order(sqlDir({ 'marts/standings.sql': 'SELECT 1' }))).toThrow('sql/marts/standings.sql: a model of this layer is named fct_<table>');
    expect(() => order(sqlDir({ 'marts/fct_a.sql': '-- podium: repeat twice\nSELECT 1' }))).toThrow('unknown podium header word "repeat twice"');
  });

  it('runs an operation after the models that make what it writes and before every reader, repeated per loop value and only when its flag is set', async () => {
    const dir = sqlDir({
      'intermediate/int_totals.sql': 'SELECT NULL::INTEGER AS stage WHERE false',
      'intermediate/int_fill.sql': '-- podium: operation, repeat per stage\nINSERT INTO int_totals SELECT $stage',
      'intermediate/int_hide.sql': '-- podium: operation, when public\nDELETE FROM int_totals WHERE stage = 0',
      'marts/fct_sum.sql': 'SELECT sum(stage)::INTEGER AS total, count(*)::INTEGER AS n FROM int_totals',
    });
    const models = plannedModels(dir);
    expect(models.map((m) => m.name)).toEqual(['int_totals', 'int_fill', 'int_hide', 'fct_sum']);
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const stages = async () => [{ stage: 0 }, { stage: 1 }, { stage: 2 }];
    await runModels(db, models, { params: {}, flags: new Set(), loops: { stage: stages } });
    expect((await db.runAndReadAll('SELECT total, n FROM fct_sum')).getRowObjectsJS()).toEqual([{ total: 3, n: 3 }]);
    await runModels(db, models, { params: {}, flags: new Set(['public']), loops: { stage: stages } });
    expect((await db.runAndReadAll('SELECT total, n FROM fct_sum')).getRowObjectsJS()).toEqual([{ total: 3, n: 2 }]);
  });

  it('reports a contract test that returns rows, with its file and the rows', async () => {
    const dir = sqlDir({
      'marts/fct_a.sql': 'SELECT 1 AS x UNION ALL SELECT -1',
      'marts/fct_a.test.sql': '-- x is never negative\nSELECT x FROM fct_a WHERE x < 0',
      'marts/fct_b.sql': 'SELECT 1 AS y',
      'marts/fct_b.test.sql': 'SELECT y FROM fct_b WHERE y < 0',
    });
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await runModels(db, plannedModels(dir), { params: {}, flags: new Set(), loops: {} });
    expect(await brokenContracts(db, dir)).toEqual([{ label: 'sql/marts/fct_a.test.sql', rows: [{ x: -1 }] }]);
  });
});
