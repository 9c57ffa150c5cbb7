/**
 * Stage 4, check: each compliance rule's rows come from one SQL query per rule window or period,
 * and a pure function in src/checks/ turns them into findings. Findings never change a score.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Competition } from '../config/read.ts';
import type { ComplianceRule } from '../config/schema.ts';
import { configLabels } from '../config/labels.ts';
import { periodMatches } from '../config/periods.ts';
import type { CheckFinding } from '../checks/finding.ts';
import { checkInspectionCadence, checkInspectionSlots, type InspectionSlot, type InspectionWeek } from '../checks/inspection-cadence.ts';
import { checkSurveyCount, type SurveyMonth } from '../checks/survey-count.ts';
import { checkCompetitiveSelection, checkSoftCap, type AwardGroup } from '../checks/award-lists.ts';
import { checkCoverage, type CoverageUnit } from '../checks/coverage.ts';
import { checkRecheck, type RecheckUnit } from '../checks/recheck.ts';
import { checkSignoff, type SignoffCheck } from '../checks/signoff.ts';
import { checkScoreThreshold, type ScoredUnit } from '../checks/score-threshold.ts';
import { queryRows } from './sql.ts';

export async function runChecks(db: DuckDBConnection, competition: Competition): Promise<CheckFinding[]> {
  const labels = configLabels(competition);
  const findings: CheckFinding[] = [];
  for (const rule of competition.config.compliance) {
    if (rule.kind === 'inspection_cadence' || rule.kind === 'survey_count') {
      for (const window of ruleWindows(rule, competition)) {
        const params = { level: rule.level, from: window.start, to: window.end };
        if (rule.kind === 'inspection_cadence' && rule.per === 'hours') {
          const { from, to } = rule.service_hours;
          const slotParams = { ...params, method: rule.method, min_minutes: rule.min_minutes, hours: rule.hours!, from_hour: from, to_hour: to, op: rule.count.op, required: rule.count.value };
          findings.push(...checkInspectionSlots(rule, await queryRows<InspectionSlot>(db, 'check_inspection_slots', slotParams)));
        } else if (rule.kind === 'inspection_cadence') {
          const weeks = await queryRows<InspectionWeek>(db, 'check_inspection_weeks', { ...params, method: rule.method, min_minutes: rule.min_minutes });
          findings.push(...checkInspectionCadence(rule, weeks));
        } else {
          const months = await queryRows<SurveyMonth>(db, 'check_survey_months', params);
          findings.push(...checkSurveyCount(rule, months));
        }
      }
    } else if (rule.kind === 'signoff') {
      findings.push(...checkSignoff(rule, await queryRows<SignoffCheck>(db, 'check_signoffs'), labels));
    } else {
      // The period rules: each selected period is checked once it has ended (the SQL returns nothing before).
      for (const period of competition.periods.filter((p) => periodMatches(rule.periods, p))) {
        if (rule.kind === 'coverage') {
          const within = rule.within ?? competition.config.org.levels[0]!.id;
          const units = await queryRows<CoverageUnit>(db, 'check_coverage', { level: rule.level, within, from: period.start, to: period.end });
          findings.push(...checkCoverage(rule, period, units, labels));
        } else if (rule.kind === 'recheck') {
          const units = await queryRows<RecheckUnit>(db, 'check_recheck', { level: rule.level, score_id: rule.score, period_id: period.id });
          findings.push(...checkRecheck(rule, units, labels));
        } else {
          const units = await queryRows<ScoredUnit>(db, 'check_period_scores', { level: rule.level, score_id: rule.score, period_id: period.id });
          findings.push(...checkScoreThreshold(rule, units, labels));
        }
      }
    }
  }
  if (competition.config.awards.some((a) => a.competitive) || competition.config.soft_caps.length > 0) {
    const groups = await queryRows<AwardGroup>(db, 'check_award_groups');
    for (const award of competition.config.awards) findings.push(...checkCompetitiveSelection(award, groups));
    for (const cap of competition.config.soft_caps) findings.push(...checkSoftCap(cap, groups));
  }
  return findings;
}

/** The spans a rule applies in: its phases, with touching ones merged so no week falls between. */
export function ruleWindows(rule: Extract<ComplianceRule, { kind: 'inspection_cadence' | 'survey_count' }>, competition: Competition): { start: string; end: string }[] {
  const { config, periods } = competition;
  if (!rule.during) return [{ start: config.start, end: config.end }];
  const spans = periods.filter((p) => rule.during?.includes(p.id)).map((p) => ({ start: p.start, end: p.end }));
  spans.sort((a, b) => a.start.localeCompare(b.start));
  const merged: { start: string; end: string }[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && dayAfter(last.end) >= span.start) {
      if (span.end > last.end) last.end = span.end;
    } else merged.push({ ...span });
  }
  return merged;
}

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
