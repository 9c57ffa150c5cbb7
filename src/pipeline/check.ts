/**
 * Stage 4, check: each compliance rule's kind (src/rules) queries its rows, one SQL query per rule
 * window or period, and turns them into findings with a pure function. Findings never change a score.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Competition } from '../config/read.ts';
import { configLabels } from '../config/labels.ts';
import { periodMatches } from '../config/periods.ts';
import type { CheckFinding } from '../rules/finding.ts';
import type { WorkingCalendar } from '../config/working-days.ts';
import { checkCompliance } from '../rules/index.ts';
import { checkCompetitiveSelection, checkSoftCap, type AwardGroup } from '../rules/awards/check.ts';
import { queryRows } from './sql.ts';

export async function runChecks(db: DuckDBConnection, competition: Competition, calendar: WorkingCalendar): Promise<CheckFinding[]> {
  const run = {
    query: <T>(model: string, params: Record<string, string | number>) => queryRows<T>(db, model, params),
    // A period rule checks each selected period once it has ended (its SQL returns nothing before).
    periods: (selectors: readonly string[]) => competition.periods.filter((p) => periodMatches(selectors, p)),
    windows: (during: readonly string[] | undefined) => ruleWindows(during, competition),
    isWorkingDay: (day: string) => calendar.isWorkingDay(day),
    labels: configLabels(competition),
    topLevel: competition.config.org.levels[0]!.id,
  };
  const findings: CheckFinding[] = [];
  for (const rule of competition.config.compliance) findings.push(...(await checkCompliance(rule, run)));
  if (competition.config.awards.some((a) => a.competitive) || competition.config.soft_caps.length > 0) {
    const groups = await queryRows<AwardGroup>(db, 'check_award_groups');
    for (const award of competition.config.awards) findings.push(...checkCompetitiveSelection(award, groups));
    for (const cap of competition.config.soft_caps) findings.push(...checkSoftCap(cap, groups));
  }
  return findings;
}

/** The spans a rule applies in: its phases, with touching ones merged so no week falls between. */
function ruleWindows(during: readonly string[] | undefined, competition: Competition): { start: string; end: string }[] {
  const { config, periods } = competition;
  if (!during) return [{ start: config.start, end: config.end }];
  const spans = periods.filter((p) => during.includes(p.id)).map((p) => ({ start: p.start, end: p.end }));
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
