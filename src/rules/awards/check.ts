/**
 * Checks over the award lists: competitive selection (差额评选, S8: candidates after eligibility
 * must outnumber places) and soft caps over several awards' winners (百佳 + 千佳 ≤ 1000, S8).
 * Both only warn; neither changes a list.
 */
import type { Award, SoftCap } from './index.ts';
import { sortBy } from '../../order.ts';
import type { CheckFinding, Evidence } from '../finding.ts';

export interface AwardGroup {
  award_id: string;
  period_id: string;
  period_start: string;
  period_end: string;
  quota_group: string;
  /** The group's unit, or the top unit when the group is not a unit. */
  unit_id: string;
  places: number | null;
  candidates: number;
  winners: number;
  /** JSON list of {id, name, outcome} of the eligible candidates. */
  candidate_list: string | null;
}

const candidateEvidence = (group: AwardGroup): Evidence[] =>
  sortBy((JSON.parse(group.candidate_list ?? '[]') as { id: string; name: string; outcome: string }[]), (c) => c.id).map((c) => ({
    table: 'awards' as const,
    id: c.id,
    date: group.period_end,
    messageKey: `evidence.awardCandidate.${c.outcome}`,
    values: { name: c.name },
  }));

/** A list whose eligible candidates do not outnumber its places. */
export function checkCompetitiveSelection(award: Award, groups: AwardGroup[]): CheckFinding[] {
  if (!award.competitive) return [];
  return groups
    .filter((g) => g.award_id === award.id && g.places !== null && g.candidates <= g.places)
    .map((g) => ({
      ruleId: award.id,
      unitId: g.unit_id,
      periodStart: g.period_start,
      periodEnd: g.period_end,
      observed: g.candidates,
      threshold: { op: '>', value: g.places! },
      messageKey: 'finding.competitive',
      values: { candidates: g.candidates, places: g.places!, group: g.quota_group },
      evidence: candidateEvidence(g),
    }));
}

/** The awards of a cap together won more than its maximum in one period. */
export function checkSoftCap(cap: SoftCap, groups: AwardGroup[]): CheckFinding[] {
  const ofCap = groups.filter((g) => cap.awards.includes(g.award_id));
  const periods = [...new Set(ofCap.map((g) => g.period_id))].sort();
  return periods.flatMap((periodId) => {
    const inPeriod = ofCap.filter((g) => g.period_id === periodId);
    const winners = inPeriod.reduce((sum, g) => sum + g.winners, 0);
    if (winners <= cap.max) return [];
    const first = inPeriod[0]!;
    return [
      {
        ruleId: cap.id,
        unitId: first.unit_id,
        periodStart: first.period_start,
        periodEnd: first.period_end,
        observed: winners,
        threshold: { op: '<=', value: cap.max },
        messageKey: 'finding.softCap',
        values: { winners, max: cap.max, group: '' },
        evidence: [],
      },
    ];
  });
}

/** A soft cap exceeded is also said in the build log, so whoever runs the build sees it. */
export const softCapNotes = (softCaps: readonly SoftCap[], findings: CheckFinding[]): string[] =>
  findings
    .filter((f) => softCaps.some((cap) => cap.id === f.ruleId))
    .map((f) => `soft cap ${f.ruleId}: ${f.observed} winners in ${f.periodStart} – ${f.periodEnd}, more than ${f.threshold.value}; the lists stand`);
