/**
 * The audit trail (exports/score_parts) for combined periods and check averages. Fixture:
 * tests/fixtures/ranks (the year = 40% h1 + 60% h2; checks C1 90 and C2 80 at O1 in January,
 * C3 85.5 at O2); every expected number is worked out by hand beside it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, FIXTURES, readOutputs } from '../support/fixture.ts';
import { ScorePartExportRow } from '../../src/pipeline/export-schemas.ts';
import { readScoreParts } from '../support/score-parts.ts';
import { parse } from 'yaml';

describe('score_parts audit trail: combined periods and check averages', () => {
  let parts: ScorePartExportRow[];
  let exportsDir: string;
  const of = (period: string, score: string, entity: string) =>
    parts.filter((p) => p.period_id === period && p.score_id === score && p.entity_id === entity).map((p) => [p.rule_id, p.amount, p.source_ids]);
  beforeAll(async () => {
    exportsDir = readOutputs(await buildModel(path.join(FIXTURES, 'ranks'))).exportsDir;
    parts = await readScoreParts(exportsDir);
  });

  it('writes the same rows, in the same order, as Parquet, with the same bytes on a second build', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    const file = path.join(exportsDir, 'score_parts.parquet');
    const reader = await db.runAndReadAll(`SELECT * FROM read_parquet('${file}')`);
    const columns = Object.fromEntries(reader.columnNames().map((name, i) => [name, reader.columnType(i).toString()]));
    expect(columns).toEqual({
      period_id: 'VARCHAR', score_id: 'VARCHAR', entity_kind: 'VARCHAR', entity_id: 'VARCHAR', rule_id: 'VARCHAR', amount: 'DOUBLE', source_ids: 'VARCHAR',
    });
    expect(reader.getRowObjectsJS()).toEqual(parts);
    db.closeSync();
    instance.closeSync();
    const again = readOutputs(await buildModel(path.join(FIXTURES, 'ranks'))).exportsDir;
    expect(readFileSync(path.join(again, 'score_parts.parquet')).equals(readFileSync(file))).toBe(true);
  });

  it('gives a combined period one row per part period: weight × the part’s score, sourced to the part', () => {
    // O1: h1 = 100 + 10 (E1) = 110, h2 = 100 + 2 (E6) = 102 → 0.4 × 110 = 44 and 0.6 × 102 = 61.2;
    // 44 + 61.2 = 105.2, the year's score.
    expect(of('year', 'service', 'O1')).toEqual([
      ['period:h1', 44, 'h1'],
      ['period:h2', expect.closeTo(61.2, 9), 'h2'],
    ]);
    // O4: h1 = 101 (E4), h2 = 110 (E5) → 40.4 + 66 = 106.4.
    expect(of('year', 'service', 'O4').map(([rule, amount]) => [rule, Number((amount as number).toFixed(9))])).toEqual([
      ['period:h1', 40.4],
      ['period:h2', 66],
    ]);
    // The part period's own rows hold the records: h2 of O1 is base 100 + praise 2 from E6.
    expect(of('h2', 'service', 'O1')).toEqual([
      ['base', 100, ''],
      ['praise', 2, 'E6'],
    ]);
  });

  it('gives no parts to a combined period without a score (a part without checks)', () => {
    // No check in February (h2): the year has no check score, so no parts either.
    expect(of('year', 'check-mean', 'O1')).toEqual([]);
  });

  it('sources a last-check average to the last check only, a mean or min to all its checks', () => {
    // O1 in January: C1 90 (10th), C2 80 (20th). last = 80 from C2; mean (90 + 80) / 2 = 85; min 80.
    expect(of('2025-01', 'check-last', 'O1')).toEqual([['check_last', 80, 'C2']]);
    expect(of('2025-01', 'check-mean', 'O1')).toEqual([['check_mean', 85, 'C1 C2']]);
    expect(of('2025-01', 'check-min', 'O1')).toEqual([['check_min', 80, 'C1 C2']]);
    expect(of('2025-01', 'check-last', 'O2')).toEqual([['check_last', 85.5, 'C3']]);
  });
});

describe('score_parts audit trail: weighted indicators (S10 K)', () => {
  it('lists each indicator’s points for SB1, capped and signed, adding up to its total of 80', async () => {
    const out = readOutputs(await buildModel(path.resolve('data/examples/s10-weighted-indicators')));
    const parts = await readScoreParts(out.exportsDir);
    const sb1 = parts.filter((p) => p.period_id === '2025-Q1' && p.score_id === 'k-total' && p.entity_id === 'SB1');
    const points = Object.fromEntries(sb1.map((p) => [p.rule_id, Number(p.amount.toFixed(6))]));
    // From tests/unit/examples-s10-weighted-indicators.test.ts: mystery 18, satisfaction 19, vip 9.6,
    // deposits 4, loans 3.2, customers 9.6, self-check 5, training 4, ebank 9.6, complaints −2.
    expect(points).toEqual({ mystery: 18, satisfaction: 19, vip: 9.6, deposits: 4, loans: 3.2, customers: 9.6, 'self-check': 5, training: 4, ebank: 9.6, complaints: -2 });
    expect(Object.values(points).reduce((a, b) => a + b, 0)).toBeCloseTo(80, 6);
    // Every part names the records behind it.
    expect(sb1.every((p) => p.source_ids.length > 0)).toBe(true);
  });
});

describe('score_parts audit trail: the records behind the parts read from records', () => {
  // The IDs are listed apart from the amounts (int_base_part_records beside int_base_parts): no
  // part may lose them. S5 has a ledger, a check average and an event tally; S10 a metric.
  it.each(['s5-staged-fines', 's10-weighted-indicators'])('names the records of every part of %s’s ledgers, check averages, tallies and metrics', async (example) => {
    const dir = path.resolve('data/examples', example);
    const scores = (parse(readFileSync(path.join(dir, 'competition.yaml'), 'utf8')) as { scores: { id: string; model: string }[] }).scores;
    const fromRecords = new Set(scores.filter((s) => ['ledger', 'check_average', 'event_tally', 'metric'].includes(s.model)).map((s) => s.id));
    const parts = (await readScoreParts(readOutputs(await buildModel(dir)).exportsDir)).filter((p) => fromRecords.has(p.score_id));
    const listed = parts.filter((p) => !['base', 'floor', 'cap'].includes(p.rule_id) && !p.rule_id.startsWith('period:'));
    expect(new Set(listed.map((p) => scores.find((s) => s.id === p.score_id)!.model))).toEqual(new Set(scores.filter((s) => fromRecords.has(s.id)).map((s) => s.model)));
    expect(listed.filter((p) => p.source_ids === '')).toEqual([]);
    expect(parts.filter((p) => p.rule_id === 'base' || p.rule_id === 'floor' || p.rule_id === 'cap').every((p) => p.source_ids === '')).toBe(true);
  });
});
