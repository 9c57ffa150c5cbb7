/**
 * The head of an entity page: the summary of one score (worked by hand), the rank sparkline, the
 * unit paths people are shown with, and the sample's own numbers.
 */
import { describe, expect, it } from 'vitest';
import { scoreSummary, type StandingPoint } from '../../src/site/entity-summary.ts';
import { unitsAbove } from '../../src/site/unit-paths.ts';
import { rankSparklineSvg } from '../../src/components/rank-sparkline.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rankingModelFile, type RankingPage } from '../../src/site/model.ts';
import { buildModel, readOutputs } from '../support/fixture.ts';

const history = { scoreId: 'service', scoreLabel: '服务积分', chartKind: 'month' as const, unit: 'points' as const, targets: [], parts: [] };
const point = (periodId: string, kind: StandingPoint['kind'], score: number, rank: number | null, extra: Partial<StandingPoint> = {}): StandingPoint => ({
  periodId,
  periodLabel: periodId,
  kind,
  start: `${periodId}-01`,
  end: `${periodId}-28`,
  score,
  rank,
  rankCount: rank === null ? null : 10,
  status: 'final',
  rankingId: rank === null ? null : 'outlets',
  rankChange: null,
  nextUpScore: null,
  targetOp: null,
  targetValue: null,
  ...extra,
});

const noPeers = () => null;

describe('scoreSummary', () => {
  it('takes the latest month: score, rank change, the gap to the next better score and to the target', () => {
    const summary = scoreSummary(history, [
      point('2025-04', 'month', 96, 5),
      point('2025-Q2', 'quarter', 290, 4),
      point('2025-05', 'month', 97.5, 3, { rankChange: 2, nextUpScore: 99, targetOp: '>=', targetValue: 98 }),
    ], noPeers)!;
    expect(summary.latest.periodId).toBe('2025-05');
    expect(summary.rankChange).toBe(2);
    // 99 − 97.5 = 1.5 behind the next rank up; 98 − 97.5 = 0.5 short of ≥ 98.
    expect(summary.gapUp).toBe(1.5);
    expect(summary.target).toEqual({ op: '>=', value: 98, met: false, gap: 0.5 });
    // The sparkline follows the months only.
    expect(summary.ranks.map((r) => r.rank)).toEqual([5, 3]);
  });

  it('says a target is met, and that the top has no one above it', () => {
    const summary = scoreSummary(history, [point('2025-05', 'month', 99, 1, { targetOp: '<', targetValue: 100 })], noPeers)!;
    expect(summary.gapUp).toBeNull();
    expect(summary.target).toEqual({ op: '<', value: 100, met: true, gap: 0 });
  });

  it('follows the kind the entity is ranked in when its chart kind has no ranks, and gives nothing without a score', () => {
    const summary = scoreSummary(history, [point('2025-05', 'month', 80, null), point('2025-Q2', 'quarter', 85, 2)], noPeers)!;
    expect(summary.latest.periodId).toBe('2025-Q2');
    expect(scoreSummary(history, [], noPeers)).toBeNull();
  });

  it('gives the peers of the latest period’s ranking, with this entity’s score', () => {
    const asked: string[] = [];
    const drawings = { wide: { file: 'charts/peers/a-380-above.svg', domain: [90, 100] as [number, number], height: 150 }, narrow: { file: 'charts/peers/a-290-above.svg', domain: [90, 100] as [number, number], height: 150 } };
    const summary = scoreSummary(history, [point('2025-04', 'month', 96, 5), point('2025-05', 'month', 97.5, 3)], (ranking, period, score) => {
      asked.push(`${ranking} ${period} ${score}`);
      return { rankingLabel: '网点排名', count: 3, median: 97.5, binned: false, drawings, table: 'charts/peers/a.csv' };
    })!;
    expect(asked).toEqual(['outlets 2025-05 97.5']);
    expect(summary.peers).toEqual({ rankingLabel: '网点排名', periodLabel: '2025-05', score: 97.5, count: 3, median: 97.5, binned: false, drawings, table: 'charts/peers/a.csv' });
    // Not ranked: no peers to stand among.
    expect(scoreSummary(history, [point('2025-05', 'month', 80, null)], () => { throw new Error('not asked'); })!.peers).toBeNull();
  });
});

describe('rankSparklineSvg', () => {
  it('draws first place at the top, breaks the line where the entity was not ranked, and marks the latest rank', () => {
    const svg = rankSparklineSvg({
      ranks: [
        { rank: 1, rankCount: 5 },
        { rank: 5, rankCount: 5 },
        { rank: null, rankCount: null },
        { rank: 3, rankCount: 5 },
        { rank: 2, rankCount: 5 },
      ],
      label: '排名 <走势>',
      width: 108,
      height: 40,
    })!;
    // x: 4 + i × 25; y: 4 + (rank − 1) × 8.
    expect(svg).toContain('<polyline points="4,4 29,36"');
    expect(svg).toContain('<polyline points="79,20 104,12"');
    expect(svg).toContain('<circle cx="104" cy="12" r="3.5"');
    expect(svg).toContain('<title>排名 &#60;走势&#62;</title>');
    expect(svg).toContain('role="img"');
  });

  it('draws nothing for fewer than two ranks', () => {
    expect(rankSparklineSvg({ ranks: [{ rank: 2, rankCount: 5 }, { rank: null, rankCount: null }], label: 'x', width: 100, height: 40 })).toBeNull();
  });
});

describe('unitsAbove', () => {
  it('names the units above, nearest first, leaving out a single top unit', () => {
    const above = unitsAbove([
      { unit_id: 'SB', name: '城东支行', parent_id: null },
      { unit_id: 'O1', name: '东湖网点', parent_id: 'SB' },
      { unit_id: 'D1', name: '营业室', parent_id: 'O1' },
    ]);
    expect(above.get('D1')).toEqual(['东湖网点']);
    expect(above.get('O1')).toEqual([]);
    expect(above.get('SB')).toEqual([]);
  });

  it('keeps the top units when there are several: they tell people apart', () => {
    const above = unitsAbove([
      { unit_id: 'A', name: '甲支行', parent_id: null },
      { unit_id: 'B', name: '乙支行', parent_id: null },
      { unit_id: 'A1', name: '营业室', parent_id: 'A' },
    ]);
    expect(above.get('A1')).toEqual(['甲支行']);
  });
});

describe('the sample', () => {
  it('heads 高诺雪’s page with October: second of 147, 5 points behind 吕宁雨’s 121, shown as 大堂服务组 · 解放大道网点', async () => {
    const report = await buildModel('data');
    const { entity } = readOutputs(report);
    const page = entity('staff', 'S0043');
    const [service] = page.summaries;
    expect(service!.latest.periodLabel).toBe('2025年10月');
    expect([service!.latest.score, service!.latest.rank, service!.latest.rankCount]).toEqual([116, 2, 147]);
    expect(service!.gapUp).toBe(5);
    expect(page.parent?.name).toBe('大堂服务组');
    expect(page.parent?.above).toEqual(['解放大道网点']);
    // In lists, an outlet is not followed by the sub-branch every outlet is in; a person is by their unit path.
    const ranking = (period: string, id: string) => JSON.parse(readFileSync(path.join(report.modelDir, ...rankingModelFile(period, id, 1)), 'utf8')) as RankingPage;
    expect(ranking('h1', 'outlets').groups[0]!.rows.every((row) => row.parent === null)).toBe(true);
    const gao = ranking('2025-10', 'staff').groups[0]!.rows.find((row) => row.entity.id === 'S0043')!;
    expect([gao.parent?.name, ...(gao.parent?.above ?? [])]).toEqual(['大堂服务组', '解放大道网点']);
  });
});
