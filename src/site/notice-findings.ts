/**
 * The 通报 of findings: a notice of kind `findings` lists what it reports, each finding of its
 * period (the rule broken, the unit and the units above it, the period, what was found and the
 * records behind it). A finding belongs to the period its own window ends in, so a week across
 * two months is reported once. The findings are those of the edition being built: a public
 * edition's columns are redacted before they are staged (src/pipeline/table-sql.ts), so no
 * description, source or full name it withholds can reach a notice.
 */
import type { Competition } from '../config/read.ts';
import { locateInConfig } from '../config/read.ts';
import type { EntityRef, Finding, NoticeFinding } from './model.ts';
import { BuildError, shown, type Diagnostic } from '../config/diagnostics.ts';

/** The rules a findings notice reports: those its `findings` key names, else every compliance rule. */
export function reportedRules(notice: Competition['config']['notices'][number], competition: Competition): Set<string> {
  return new Set(notice.findings ?? competition.config.compliance.map((r) => r.id));
}

/**
 * `findings` names compliance rules, and only on a notice of kind `findings` (anywhere else it
 * would be ignored, and the clerk would wonder why nothing is listed).
 */
export function noticeFindingProblems(competition: Competition): Diagnostic[] {
  const rules = new Set(competition.config.compliance.map((r) => r.id));
  return competition.config.notices.flatMap((notice, i) => {
    if (notice.findings === undefined) return [];
    if (notice.kind !== 'findings') {
      return [{ ...locateInConfig(competition.dir, ['notices', i, 'findings']), field: `notices.${i}.findings`, expected: 'findings only on a notice of kind findings (通报)', found: `kind ${shown(notice.kind)}` }];
    }
    return notice.findings.flatMap((id, j) =>
      rules.has(id) ? [] : [{ ...locateInConfig(competition.dir, ['notices', i, 'findings', j]), field: `notices.${i}.findings.${j}`, expected: `a compliance rule ID (${[...rules].join(', ') || 'none defined'})`, found: shown(id) }],
    );
  });
}

export function checkNoticeFindings(competition: Competition): void {
  const problems = noticeFindingProblems(competition);
  if (problems.length > 0) throw new BuildError('config', problems);
}

/** The findings a notice of kind `findings` lists for its period, in rule order, then by unit and date; none for other kinds. */
export function noticeFindings(
  notice: Competition['config']['notices'][number],
  period: { start: string; end: string },
  findings: Finding[],
  competition: Competition,
  placeOf: (unitId: string) => EntityRef | null,
): NoticeFinding[] {
  if (notice.kind !== 'findings') return [];
  const rules = [...reportedRules(notice, competition)];
  return findings
    .filter((f) => rules.includes(f.ruleId) && period.start <= f.periodEnd && f.periodEnd <= period.end)
    .sort((a, b) => rules.indexOf(a.ruleId) - rules.indexOf(b.ruleId) || a.entity.id.localeCompare(b.entity.id) || a.periodStart.localeCompare(b.periodStart) || a.id.localeCompare(b.id))
    .map((f) => ({ ...f, parent: placeOf(f.entity.id) }));
}
