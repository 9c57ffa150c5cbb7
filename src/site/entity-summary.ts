/**
 * The head of an entity page for one score: the latest score, its rank and how that changed, the
 * gap to the next rank up and to the target, and the ranks over time for a sparkline.
 */
import type { ThresholdOp } from '../config/schema.ts';
import { meetsThreshold } from '../config/thresholds.ts';
import type { PeerStanding, ScoreHistory, ScoreHistoryPoint, ScoreSummary } from './model.ts';

/** A history point with what its standing adds: all null when the entity was not ranked in that period. */
export interface StandingPoint extends ScoreHistoryPoint {
  /** The ranking the rank comes from. */
  rankingId: string | null;
  rankChange: number | null;
  nextUpScore: number | null;
  targetOp: ThresholdOp | null;
  targetValue: number | null;
}

/**
 * The summary follows one period kind: the history's chart kind when the entity is ranked in it,
 * else the first kind it is ranked in (a check score ranked by quarter), else the chart kind.
 * Null when the entity has no score of that kind yet.
 */
export function scoreSummary(
  history: Omit<ScoreHistory, 'points'>,
  points: StandingPoint[],
  /** The peers of a ranking and period, as an entity with this score stands among them. */
  peersOf: (rankingId: string, periodId: string, score: number) => Omit<PeerStanding, 'score' | 'periodLabel'> | null,
): ScoreSummary | null {
  const rankedKind = (kind: string) => points.some((p) => p.kind === kind && p.rank !== null);
  const kind = rankedKind(history.chartKind) ? history.chartKind : (points.find((p) => p.rank !== null)?.kind ?? history.chartKind);
  const ofKind = points.filter((p) => p.kind === kind);
  const latest = ofKind.at(-1);
  if (!latest) return null;
  const { rankingId, rankChange, nextUpScore, targetOp, targetValue, ...point } = latest;
  const peers = rankingId === null ? null : peersOf(rankingId, point.periodId, point.score);
  const met = targetOp !== null && targetValue !== null ? meetsThreshold(point.score, { op: targetOp, value: targetValue }) : null;
  return {
    scoreId: history.scoreId,
    scoreLabel: history.scoreLabel,
    unit: history.unit,
    latest: point,
    rankChange,
    gapUp: nextUpScore === null ? null : Math.abs(nextUpScore - point.score),
    target: targetOp !== null && targetValue !== null ? { op: targetOp, value: targetValue, met: met!, gap: met ? 0 : Math.abs(targetValue - point.score) } : null,
    ranks: ofKind.map((p) => ({ periodLabel: p.periodLabel, rank: p.rank, rankCount: p.rankCount })),
    peers: peers && { ...peers, periodLabel: point.periodLabel, score: point.score },
  };
}
