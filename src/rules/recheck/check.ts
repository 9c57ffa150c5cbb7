/**
 * S4 复查: "outlets that scored below 85 last quarter must be checked again". One finding per
 * unit and period without a recheck, with last period's score and the checks behind it.
 */
import type { Recheck } from './schema.ts';
import { meetsThreshold, THRESHOLD_SYMBOL } from '../../config/thresholds.ts';
import { checkEvidence, type CheckFinding, type CheckRecord, type Labels } from '../finding.ts';

export interface RecheckUnit {
  unit_id: string;
  period_id: string;
  period_start: string;
  period_end: string;
  previous_period_id: string;
  previous_score: number;
  previous_checks: CheckRecord[];
  current_checks: CheckRecord[];
}

export function checkRecheck(rule: Recheck, units: RecheckUnit[], labels: Labels): CheckFinding[] {
  const rechecks = (c: CheckRecord) => rule.checks === undefined || rule.checks.includes(c.kind);
  return units
    .filter((u) => meetsThreshold(u.previous_score, rule.below) && !u.current_checks.some(rechecks))
    .map((u) => ({
      ruleId: rule.id,
      unitId: u.unit_id,
      periodStart: u.period_start,
      periodEnd: u.period_end,
      observed: u.previous_score,
      threshold: rule.below,
      messageKey: 'finding.recheck',
      values: { previous: labels.period(u.previous_period_id), score: u.previous_score, op: THRESHOLD_SYMBOL[rule.below.op], value: rule.below.value },
      evidence: checkEvidence(u.previous_checks, labels),
      key: u.period_id,
    }));
}
