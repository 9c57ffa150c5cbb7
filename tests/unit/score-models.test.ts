/**
 * The metric, ratio, indicators, rubric and rollup score models at their edges, through the
 * published standings of tests/fixtures/score-models. Every number is worked out by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { buildModel, copyFixture, editFile, FIXTURES, readOutputs, refusal } from '../support/fixture.ts';

type Outputs = ReturnType<typeof readOutputs>;
const MAY = '2025-05';
const scoresOf = (out: Outputs, ranking: string) =>
  Object.fromEntries(out.standings.filter((s) => s.scope_id === ranking && s.period_id === MAY).map((s) => [s.entity_id, s.score]));

describe('score models', () => {
  let out: Outputs;
  beforeAll(async () => {
    out = readOutputs(await buildModel(path.join(FIXTURES, 'score-models')));
  });

  it('computes the S9 evaluation rate and satisfaction as ratios of metric sums', () => {
    // docs/schemes.md S9: rated / served = 1104 / 1200 = 0.92; satisfied / rated = 1050 / 1104 = 0.951087 (6 decimals).
    expect(scoresOf(out, 'eval-none').W1).toBe(0.92);
    // W3 rated 5 and recorded no satisfied customers: 0 / 5 = 0. W2 rated 0: no score.
    expect(scoresOf(out, 'satisfaction')).toEqual({ W1: 0.951087, W3: 0 });
  });

  it('applies the configured rule to a zero or negative denominator, never dividing by it', () => {
    // W2 served 0, W3 served −10. none (default): not scored, so not ranked; zero: 0; full: 100%.
    expect(scoresOf(out, 'eval-none')).toEqual({ W1: 0.92 });
    expect(scoresOf(out, 'eval-zero')).toEqual({ W1: 0.92, W2: 0, W3: 0 });
    expect(scoresOf(out, 'eval-full')).toEqual({ W1: 0.92, W2: 1, W3: 1 });
  });

  it('aggregates a metric over the period by sum, mean, last, min and max', () => {
    // W1 sales 10 (3 May), 30 (10 May), 20 (20 May): sum 60, mean 20, last 20, min 10, max 30.
    expect(scoresOf(out, 'sales-sum')).toEqual({ W1: 60 });
    expect(scoresOf(out, 'sales-mean')).toEqual({ W1: 20 });
    expect(scoresOf(out, 'sales-last')).toEqual({ W1: 20 });
    expect(scoresOf(out, 'sales-min')).toEqual({ W1: 10 });
    expect(scoresOf(out, 'sales-max')).toEqual({ W1: 30 });
  });

  it('caps a peer ratio at 1.2 × its weight, exactly at the cap and above it', () => {
    // Bank-wide 25, weight 10, factor 0.8, cap 1.2 × 10 = 12.
    // W1 37.5/25×10×0.8 = 12 (exactly the cap); W2 50/25×10×0.8 = 16 → 12; W3 36/25×10×0.8 = 11.52.
    expect(scoresOf(out, 'ind-cap')).toEqual({ W1: 12, W2: 12, W3: 11.52 });
  });

  it('scores zero and negative all-units values by the indicator’s rule', () => {
    // zero-zero (bank-wide 0, rule zero) 0 + zero-full (bank-wide 0, rule full) 10
    // + neg-full (bank-wide −5, rule full) 10 + neg-zero (two-part; its increment's bank-wide −5, rule zero) 0 = 20.
    expect(scoresOf(out, 'ind-rules')).toEqual({ W1: 20, W2: 20, W3: 20 });
    // Rule none (the default): the indicator has no score, so no total and no ranking.
    expect(scoresOf(out, 'ind-none')).toEqual({});
  });

  it('rescales an exempt unit’s total, or gives it the exempt indicator’s full weight', () => {
    // W1: a 80/100×60 = 48, b 50/100×40 = 20 → 68. W2 is exempt from b: a 90/100×60 = 54;
    // rescale: 54 × 100/60 = 90; full: 54 + 40 = 94. W3 has no grades: no total.
    expect(scoresOf(out, 'ind-rescale')).toEqual({ W1: 68, W2: 90 });
    expect(scoresOf(out, 'ind-full')).toEqual({ W1: 68, W2: 94 });
  });

  it('caps each rubric item at its maximum and sums the items', () => {
    // S1: item 1 12 → capped 10, item 2 14 → 24. S2: 8 + 15 = 23. S3: item 1 mean(6, 8) = 7, item 2 20 → 15 → 22.
    expect(scoresOf(out, 'rubric')).toEqual({ S1: 24, S2: 23, S3: 22 });
  });

  it('rolls outlet scores up to the branch by sum, mean, weighted mean and min', () => {
    // Quality W1 80, W2 90, W3 60; headcount 2, 1, 1.
    expect(scoresOf(out, 'q-sum')).toEqual({ B: 230 }); // 80 + 90 + 60
    expect(scoresOf(out, 'q-mean')).toEqual({ B: 76.666667 }); // 230 / 3
    expect(scoresOf(out, 'q-weighted')).toEqual({ B: 77.5 }); // (80×2 + 90×1 + 60×1) / 4 = 310 / 4
    expect(scoresOf(out, 'q-min')).toEqual({ B: 60 }); // the barrel rule: the weakest outlet
  });

  it('rolls staff scores up to their outlet', () => {
    // W1: (24 + 23) / 2 = 23.5; W2: S3 alone 22; W3 has no staff and no score.
    expect(scoresOf(out, 'rubric-mean')).toEqual({ W1: 23.5, W2: 22 });
  });
});

describe('score model input errors', () => {
  it('refuses a metric row whose metric is not declared, at its file, line and column', async () => {
    const dir = copyFixture('score-models');
    editFile(dir, 'metrics.csv', (t) => t.replace('V08,2025-05-03,W1,,sales,', 'V08,2025-05-03,W1,,sale,'));
    const problems = await refusal(dir);
    expect(problems).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/metrics\.csv$/), line: 9, column: 5, field: 'metric', found: '"sale"' }),
    ]);
  });

  it('refuses a score that names an undeclared metric, at its YAML line', async () => {
    const dir = copyFixture('score-models');
    editFile(dir, 'competition.yaml', (t) => t.replace('model: metric, metric: sales, aggregate: sum', 'model: metric, metric: sale, aggregate: sum'));
    const problems = await refusal(dir);
    expect(problems).toEqual([expect.objectContaining({ field: 'scores.4.metric', found: '"sale"', line: 40 })]);
  });
});
