/**
 * Floors and caps on scores and indicators, and scores that read other scores: a deduction from an
 * event tally, an indicator of a composite, a rollup of a rollup, complaints per 10,000 trips and
 * a peer value that is a score of the top unit. Fixture: tests/fixtures/missing-rules (one month;
 * outlets W1, W2 under branch B1, W3 under B2, all under region R); every number by hand.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, copyFixture, editFile, FIXTURES, readOutputs } from '../support/fixture.ts';
import { ScorePartExportRow } from '../../src/pipeline/export-schemas.ts';
import type { MethodologySection } from '../../src/site/model.ts';
import { readScoreParts } from '../support/score-parts.ts';

type Outputs = ReturnType<typeof readOutputs>;
const MAY = '2025-05';

describe('score floors, caps and scores read by scores', () => {
  let out: Outputs;
  let parts: ScorePartExportRow[];
  let methodology: MethodologySection[];
  const scoresOf = (ranking: string) =>
    Object.fromEntries(out.standings.filter((s) => s.scope_id === ranking && s.period_id === MAY).map((s) => [s.entity_id, s.score]));
  /** rule → amount (6 decimals) and rule → source IDs of one entity's parts of a score in May. */
  const partsOf = (score: string, entity: string) => {
    const rows = parts.filter((p) => p.period_id === MAY && p.score_id === score && p.entity_id === entity);
    return {
      amounts: Object.fromEntries(rows.map((p) => [p.rule_id, Number(p.amount.toFixed(6))])),
      sources: Object.fromEntries(rows.map((p) => [p.rule_id, p.source_ids])),
      sum: Number(rows.reduce((total, p) => total + p.amount, 0).toFixed(6)),
    };
  };
  beforeAll(async () => {
    const report = await buildModel(path.join(FIXTURES, 'missing-rules'));
    out = readOutputs(report);
    methodology = report.site.methodology;
    parts = await readScoreParts(out.exportsDir);
  });

  it('stops a ledger’s deductions at its floor (扣完为止) and shows what the floor gave back', () => {
    // W1: base 10 − 3 complaints × 4 = −2 → floor 0; W2: 10 − 4 = 6; W3: 10.
    expect(scoresOf('service')).toEqual({ W1: 0, W2: 6, W3: 10 });
    const w1 = partsOf('service', 'W1');
    expect(w1.amounts).toEqual({ base: 10, complaint: -12, floor: 2 });
    expect(w1.sum).toBe(0);
    // W2 is above the floor: no floor row.
    expect(partsOf('service', 'W2').amounts).toEqual({ base: 10, complaint: -4 });
  });

  it('shows on the entity page which periods a floor or cap changed, and from what', () => {
    const pointOf = (unit: string, score: string) => out.entity('units', unit).histories.find((h) => h.scoreId === score)?.points.find((p) => p.periodId === MAY);
    expect(pointOf('W1', 'service')).toMatchObject({ score: 0, bound: { rule: 'floor', raw: -2 } });
    expect(pointOf('W1', 'bonus')).toMatchObject({ score: 5, bound: { rule: 'cap', raw: 6 } });
    expect(pointOf('W2', 'service')).not.toHaveProperty('bound');
  });

  it('caps a bonus ledger and shows what the cap took away', () => {
    // W1: 3 praises × 2 = 6 → cap 5; W2: 2; W3: 0.
    expect(scoresOf('bonus')).toEqual({ W1: 5, W2: 2, W3: 0 });
    expect(partsOf('bonus', 'W1').amounts).toEqual({ base: 0, praise: 6, cap: -1 });
  });

  it('rates events per 10,000 trips: an event tally over a metric', () => {
    // W1 3 / 20000 × 10000 = 1.5; W2 1 / 5000 × 10000 = 2; W3 0 / 10000 = 0.
    expect(scoresOf('complaint-rate')).toEqual({ W1: 1.5, W2: 2, W3: 0 });
    const w1 = partsOf('complaint-rate', 'W1');
    expect(w1.amounts).toEqual({ 'numerator:score:major': 3, 'denominator:trips': 20000 });
    expect(w1.sources).toEqual({ 'numerator:score:major': 'score:major', 'denominator:trips': 'M1' });
  });

  it('scores indicators from a ledger, a tally and a peer score, with indicator floors and the total’s floor and cap', () => {
    // svc = service / 10 × 50: W1 0, W2 30, W3 50. grow = growth / region growth 25 × 10 × 0.8:
    // W1 3.2, W2 −1.6 → floor 0 × 10 = 0, W3 6.4. complaints = −2 per tallied complaint: W1 −6 → floor −4, W2 −2, W3 0.
    // Totals: W1 0 + 3.2 − 4 = −0.8 → floor 0; W2 30 + 0 − 2 = 28; W3 50 + 6.4 = 56.4 → total_cap 50.
    expect(scoresOf('k')).toEqual({ W1: 0, W2: 28, W3: 50 });
    const w1 = partsOf('k', 'W1');
    expect(w1.amounts).toEqual({ svc: 0, grow: 3.2, complaints: -6, 'complaints:floor': 2, floor: 0.8 });
    expect(w1.sum).toBe(0);
    // The peer part names the records of the all-units value too: W1's growth row and the region's score.
    expect(w1.sources.grow).toBe('M4 score:region-growth');
    expect(w1.sources.complaints).toBe('score:major');
    expect(partsOf('k', 'W2').amounts).toEqual({ svc: 30, grow: -1.6, 'grow:floor': 1.6, complaints: -2 });
    const w3 = partsOf('k', 'W3');
    expect(w3.amounts).toEqual({ svc: 50, grow: 6.4, complaints: 0, cap: -6.4 });
    expect(w3.sum).toBe(50);
  });

  it('scores an indicator of a composite score (a composite of composites)', () => {
    // k / 50 × 100: W1 0, W2 56, W3 100.
    expect(scoresOf('k2')).toEqual({ W1: 0, W2: 56, W3: 100 });
  });

  it('lists every record of a peer sum in each part', () => {
    // Deposits 30 + 10 + 60 = 100: W1 30/100 × 10 × 0.8 = 2.4, W2 0.8, W3 4.8.
    expect(scoresOf('share')).toEqual({ W1: 2.4, W2: 0.8, W3: 4.8 });
    expect(partsOf('share', 'W2').sources).toEqual({ deposits: 'M10 M8 M9' });
  });

  it('rolls up a rollup', () => {
    // branch-k = sum of k: B1 0 + 28 = 28, B2 50. region-k = mean of branch-k: (28 + 50) / 2 = 39.
    expect(scoresOf('branch-k')).toEqual({ B1: 28, B2: 50 });
    expect(scoresOf('region-k')).toEqual({ R: 39 });
  });

  it('states each bound and the event rate on the methodology page', () => {
    const items = methodology.flatMap((section) => section.items);
    expect(items).toContainEqual({ key: 'method.score.floor', values: { score: 'Service', floor: 0 } });
    expect(items).toContainEqual({ key: 'method.score.cap', values: { score: 'Bonus', cap: 5 } });
    expect(items).toContainEqual({ key: 'method.score.cap', values: { score: 'Indicators', cap: 50 } });
    expect(items).toContainEqual({ key: 'method.indicator.floor', values: { indicator: 'Growth', floor: 0 } });
    expect(items).toContainEqual({ key: 'method.indicator.deduction.floor', values: { indicator: 'Complaints', limit: 4 } });
    expect(items).toContainEqual({ key: 'method.ratio', values: { score: 'Complaints per 10000 trips', subjects: 'Outlet', numerator: 'Complaints', denominator: 'trips' } });
    expect(items).toContainEqual({ key: 'method.ratio.scale', values: { scale: 10000 } });
    expect(items).toContainEqual({ key: 'method.indicator.peer.top', values: { indicator: 'Growth', of: 'growth', metric: 'Region growth', level: 'Region' } });
  });
});

describe('a cap on a combined period', () => {
  it('bounds the year carried from its halves, with a cap part beside the period parts', async () => {
    // tests/fixtures/ranks with the year = 1 × h1 + 1 × h2 and the service score capped at 205.
    // O1: h1 100 + 10 (E1) = 110, h2 100 + 2 (E6) = 102, both under the cap; year 110 + 102 = 212 → 205.
    const dir = copyFixture('ranks');
    editFile(dir, 'competition.yaml', (text) =>
      text
        .replace('combine: [{ period: h1, weight: 0.4 }, { period: h2, weight: 0.6 }]', 'combine: [{ period: h1, weight: 1 }, { period: h2, weight: 1 }]')
        .replace('model: ledger, base: 100, subjects: [outlet]', 'model: ledger, base: 100, cap: 205, subjects: [outlet]'),
    );
    const out = readOutputs(await buildModel(dir));
    expect(out.standings.find((s) => s.scope_id === 'outlets' && s.period_id === 'year' && s.entity_id === 'O1')?.score).toBe(205);
    const parts = await readScoreParts(out.exportsDir);
    const year = parts.filter((p) => p.period_id === 'year' && p.score_id === 'service' && p.entity_id === 'O1').map((p) => [p.rule_id, p.amount]);
    expect(year).toEqual([
      ['cap', -7],
      ['period:h1', 110],
      ['period:h2', 102],
    ]);
  });
});
