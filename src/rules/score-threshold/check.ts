/**
 * S4/S9 targets ("customer satisfaction ≥ 85%", "evaluation rate ≥ 90%"): one finding per unit
 * and period whose score misses the threshold, with the records behind the score.
 */
import type { ScoreThreshold } from './schema.ts';
import { meetsThreshold, THRESHOLD_SYMBOL } from '../../config/thresholds.ts';
import { checkEvidence, inRecordOrder, type CheckFinding, type Evidence, type Labels } from '../finding.ts';

export interface ScoredUnit {
  unit_id: string;
  period_id: string;
  period_start: string;
  period_end: string;
  score: number;
  /**
   * Checks counted (rule = check kind, amount = its score), postings (rule = event type or
   * `survey`, amount = points) and metric rows read (rule = metric, amount = value).
   */
  parts: { table: 'checks' | 'events' | 'surveys' | 'metrics'; id: string; date: string; rule: string; amount: number; checker: string | null; signed_by: string | null }[];
}

export function checkScoreThreshold(rule: ScoreThreshold, units: ScoredUnit[], labels: Labels): CheckFinding[] {
  return units
    .filter((u) => !meetsThreshold(u.score, rule.threshold))
    .map((u) => ({
      ruleId: rule.id,
      unitId: u.unit_id,
      periodStart: u.period_start,
      periodEnd: u.period_end,
      observed: u.score,
      threshold: rule.threshold,
      messageKey: 'finding.scoreThreshold',
      values: { period: labels.period(u.period_id), score: u.score, op: THRESHOLD_SYMBOL[rule.threshold.op], required: rule.threshold.value },
      evidence: partsEvidence(u.parts, labels),
      key: u.period_id,
    }));
}

function partsEvidence(parts: ScoredUnit['parts'], labels: Labels): Evidence[] {
  const checks = parts.flatMap((p) =>
    p.table === 'checks' ? [{ id: p.id, date: p.date, kind: p.rule, score: p.amount, checker: p.checker ?? '', signed_by: p.signed_by ?? '', staff_name: null }] : [],
  );
  const others = parts.flatMap((p): Evidence[] => {
    if (p.table === 'checks') return [];
    if (p.table === 'metrics') return [{ table: p.table, id: p.id, date: p.date, messageKey: 'evidence.metric', values: { metric: labels.metric(p.rule), value: p.amount } }];
    return [{ table: p.table, id: p.id, date: p.date, messageKey: 'evidence.posting', values: { rule: labels.eventType(p.rule), points: p.amount } }];
  });
  return inRecordOrder([...checkEvidence(checks, labels), ...others]);
}
