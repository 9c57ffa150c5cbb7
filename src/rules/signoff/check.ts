/** S3 验收签字: "a score without a sign-off is a finding". One finding per unsigned check. */
import type { Signoff } from './schema.ts';
import { checkEvidence, type CheckFinding, type CheckRecord, type Labels } from '../finding.ts';

export interface SignoffCheck extends CheckRecord {
  unit_id: string;
}

/** "Signed" is a yes/no; the threshold states it as the number of sign-offs, at least 1. */
const ONE_SIGNOFF = { op: '>=', value: 1 } as const;

export function checkSignoff(rule: Signoff, checks: SignoffCheck[], labels: Labels): CheckFinding[] {
  return checks
    .filter((c) => c.signed_by === '' && (rule.checks === undefined || rule.checks.includes(c.kind)))
    .map((c) => ({
      ruleId: rule.id,
      unitId: c.unit_id,
      periodStart: c.date,
      periodEnd: c.date,
      observed: 0,
      threshold: ONE_SIGNOFF,
      messageKey: c.staff_name === null ? 'finding.signoff' : 'finding.signoff.staff',
      values: { kind: labels.checkKind(c.kind), score: c.score, ...(c.staff_name === null ? {} : { staff: c.staff_name }) },
      evidence: checkEvidence([c], labels),
      key: c.id,
    }));
}
