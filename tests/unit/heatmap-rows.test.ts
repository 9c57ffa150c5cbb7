import { describe, expect, it } from 'vitest';
import { rowsBestFirst, scoreOrder } from '../../src/site/heatmap-rows.ts';
import { entityRef, type Heatmap, type RankingInfo } from '../../src/site/model.ts';

const ranking = (scoreId: string, order: RankingInfo['order']): RankingInfo => ({
  id: `${scoreId}-${order}`,
  label: scoreId,
  scoreId,
  scoreLabel: scoreId,
  scoreUnit: null,
  subject: 'outlet',
  subjectLabel: '网点',
  withinLabel: null,
  order,
  periodIds: ['2025-03'],
});

const heatmap = (rows: [id: string, name: string, scores: (number | null)[]][]): Heatmap => ({
  scoreId: 'service',
  scoreLabel: '服务积分',
  unit: 'points',
  kind: 'month',
  rowsLabel: '网点',
  periods: [
    { id: '2025-03', label: '2025年3月', start: '2025-03-01' },
    { id: '2025-04', label: '2025年4月', start: '2025-04-01' },
  ],
  rows: rows.map(([id, name, scores]) => ({ entity: entityRef('unit', id, name), scores })),
  omitted: 0,
  order: 'desc',
});

describe('scoreOrder', () => {
  it('is ascending only when every ranking of the score ranks the lowest first', () => {
    expect(scoreOrder([ranking('complaints', 'asc'), ranking('service', 'desc')], 'complaints')).toBe('asc');
    expect(scoreOrder([ranking('complaints', 'asc'), ranking('complaints', 'desc')], 'complaints')).toBe('desc');
    expect(scoreOrder([ranking('service', 'asc')], 'unranked')).toBe('desc');
  });
});

describe('rowsBestFirst', () => {
  // O1 and O2 tie at 90 in April (the latest period) and are then ordered by name; O4 has no April score.
  const rows = heatmap([
    ['O1', 'b网点', [70, 90]],
    ['O2', 'a网点', [99, 90]],
    ['O3', 'c网点', [10, 95]],
    ['O4', 'd网点', [100, null]],
    ['O5', 'e网点', [50, 60]],
  ]);
  const ids = (order: RankingInfo['order']) => rowsBestFirst(rows, order, 'en').map((row) => row.entity.id);

  it('puts the highest latest score first for a score ranked descending, rows without one last', () => {
    expect(ids('desc')).toEqual(['O3', 'O2', 'O1', 'O5', 'O4']);
  });

  it('puts the lowest latest score first for a score ranked ascending, ties still by name', () => {
    expect(ids('asc')).toEqual(['O5', 'O2', 'O1', 'O3', 'O4']);
  });

  it('leaves the model untouched', () => {
    ids('desc');
    expect(rows.rows.map((row) => row.entity.id)).toEqual(['O1', 'O2', 'O3', 'O4', 'O5']);
  });
});
