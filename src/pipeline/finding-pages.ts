/**
 * Where each finding is listed. A competition with few findings lists them all on the findings
 * index, as one table per rule; once they are more than one page holds (`ranking_page_size` table
 * rows, a finding's evidence records counted with it), the index only sums them up and each
 * rule's findings get pages of their own, in period order, so that no page grows with the number
 * of outlets.
 */
import type { Finding, FindingRule, FindingsPage } from '../site/model.ts';
import { findingsByRule, findingsModelFile, findingsPath } from '../site/model.ts';
import { weightedPageRanges } from './paging.ts';

/** A finding before it is known which page lists it. */
export type UnplacedFinding = Omit<Finding, 'page'>;

export interface PlacedFindings {
  /** The findings in the order given, each with the page that lists it. */
  findings: Finding[];
  rules: FindingRule[];
  /** The model file of every page of a rule's findings (none when the index lists them all). */
  pages: { file: string[]; page: FindingsPage }[];
  /** The rules split over several pages: the whole list of each is a download (inside exports/, without extension). */
  downloads: { ruleId: string; file: string }[];
}

/** The download of one rule's findings, without extension, inside exports/. */
const ruleDownload = (ruleId: string): string => `findings/${ruleId}`;

/** The table rows a finding takes on a page: its own, and one per evidence record (folded, but in the page all the same). */
const rowsOf = (finding: UnplacedFinding): number => 1 + finding.evidence.length;

export function placeFindings(unplaced: UnplacedFinding[], pageSize: number): PlacedFindings {
  const onIndex = unplaced.reduce((rows, finding) => rows + rowsOf(finding), 0) <= pageSize;
  // The page of the rule's list each finding is on, and that page's address.
  const pageOf = new Map<UnplacedFinding, { page: number; path: string }>();
  const rules: FindingRule[] = [];
  const pages: PlacedFindings['pages'] = [];
  const downloads: PlacedFindings['downloads'] = [];
  for (const { label, findings } of findingsByRule(unplaced)) {
    const ruleId = findings[0]!.ruleId;
    // Period order, so that a period's findings sit together and the index can link to where they start.
    const ordered = onIndex ? findings : [...findings].sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd));
    const ranges = onIndex ? [] : weightedPageRanges(ordered.map(rowsOf), pageSize);
    const download = ranges.length > 1 ? ruleDownload(ruleId) : null;
    if (download !== null) downloads.push({ ruleId, file: download });
    if (onIndex) for (const finding of ordered) pageOf.set(finding, { page: 1, path: 'findings/' });
    ranges.forEach((range, i) => {
      const path = findingsPath(ruleId, i + 1);
      const listed = ordered.slice(range.first - 1, range.last).map((finding) => {
        pageOf.set(finding, { page: i + 1, path });
        return { ...finding, page: path };
      });
      pages.push({
        file: findingsModelFile(ruleId, i + 1),
        page: { rule: { id: ruleId, label }, findings: listed, paging: { page: i + 1, pages: ranges, download: download && `exports/${download}.csv` } },
      });
    });
    rules.push({ id: ruleId, label, count: findings.length, pages: ranges.length, periods: periodsOf(ordered, pageOf) });
  }
  return { findings: unplaced.map((finding) => ({ ...finding, page: pageOf.get(finding)!.path })), rules, pages, downloads };
}

/** Each period of a rule's findings, in order of its start: how many, and where the first one is listed. */
function periodsOf(findings: UnplacedFinding[], pageOf: Map<UnplacedFinding, { page: number }>): FindingRule['periods'] {
  const periods = new Map<string, FindingRule['periods'][number]>();
  for (const finding of findings) {
    const key = `${finding.periodStart}/${finding.periodEnd}`;
    const period = periods.get(key);
    if (period) period.count += 1;
    else periods.set(key, { start: finding.periodStart, end: finding.periodEnd, count: 1, page: pageOf.get(finding)!.page, firstId: finding.id });
  }
  return [...periods.values()].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
}
