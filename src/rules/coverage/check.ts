/**
 * S4: "each quarter covers all sub-branches and at least 60% of outlets; the year 100%;
 * each sub-branch covers 100% of its outlets a month". One finding per group and period whose
 * share of covered units falls short, with the units not covered as evidence.
 */
import type { Coverage } from './schema.ts';
import { sortBy } from '../../order.ts';
import { meetsThreshold, THRESHOLD_SYMBOL } from '../../config/thresholds.ts';
import { type CheckFinding, type Labels } from '../finding.ts';

export interface CoverageUnit {
  /** The unit of the rule's `within` level this unit belongs to. */
  group_id: string;
  unit_id: string;
  name: string;
  /** The unit's checks (kind = check kind) and inspections (kind = method) in the period. */
  records: { table: 'checks' | 'inspections'; id: string; date: string; kind: string }[];
}

export interface CoveragePeriod {
  id: string;
  start: string;
  end: string;
}

export function checkCoverage(rule: Coverage, period: CoveragePeriod, units: CoverageUnit[], labels: Labels): CheckFinding[] {
  const covers = (record: CoverageUnit['records'][number]) =>
    'inspections' in rule.by
      ? record.table === 'inspections' && record.kind === rule.by.inspections
      : record.table === 'checks' && (rule.by.checks === undefined || rule.by.checks.includes(record.kind));
  const groups = new Map<string, CoverageUnit[]>();
  for (const unit of units) groups.set(unit.group_id, [...(groups.get(unit.group_id) ?? []), unit]);
  const findings: CheckFinding[] = [];
  for (const [groupId, members] of sortBy([...groups], ([id]) => id)) {
    const uncovered = sortBy(members.filter((u) => !u.records.some(covers)), (u) => u.unit_id);
    const covered = members.length - uncovered.length;
    // Multiply before dividing so that 3 of 5 is exactly 60, not 60.000000000000004.
    const share = (covered * 100) / members.length;
    const [observed, threshold] = rule.share ? [share, rule.share] : [covered, rule.units!];
    if (meetsThreshold(observed, threshold)) continue;
    findings.push({
      ruleId: rule.id,
      unitId: groupId,
      periodStart: period.start,
      periodEnd: period.end,
      observed,
      threshold,
      messageKey: rule.share ? 'finding.coverage' : 'finding.coverage.units',
      values: { period: labels.period(period.id), level: labels.level(rule.level), covered, total: members.length, share, op: THRESHOLD_SYMBOL[threshold.op], required: threshold.value },
      evidence: uncovered.map((u) => ({ table: 'units' as const, id: u.unit_id, date: period.end, messageKey: 'evidence.uncovered', values: { name: u.name } })),
      key: period.id,
    });
  }
  return findings;
}
