/**
 * Where each finding is listed (src/pipeline/finding-pages.ts): all on the findings index while
 * they fit on one page, else each rule's own pages in period order, with hand-counted pages,
 * periods and downloads.
 */
import { describe, expect, it } from 'vitest';
import { placeFindings, type UnplacedFinding } from '../../src/pipeline/finding-pages.ts';
import { weightedPageRanges } from '../../src/pipeline/paging.ts';

const finding = (ruleId: string, unit: string, periodStart: string, periodEnd: string): UnplacedFinding => ({
  id: `${ruleId}-${unit}-${periodStart}`,
  ruleId,
  ruleLabel: `Rule ${ruleId}`,
  entity: { kind: 'unit', id: unit, name: unit, path: `units/${unit}/` },
  periodStart,
  periodEnd,
  messageKey: 'finding.test',
  values: {},
  evidence: [],
});

describe('placeFindings', () => {
  it('keeps every finding on the findings index while all of them fit on one page', () => {
    const given = [finding('weekly', 'O1', '2025-01-06', '2025-01-12'), finding('monthly', 'O1', '2025-01-01', '2025-01-31'), finding('weekly', 'O2', '2025-01-06', '2025-01-12')];
    const placed = placeFindings(given, 3);
    expect(placed.findings.map((f) => f.page)).toEqual(['findings/', 'findings/', 'findings/']);
    expect(placed.pages).toEqual([]);
    expect(placed.downloads).toEqual([]);
    expect(placed.rules.map((r) => [r.id, r.count, r.pages])).toEqual([
      ['weekly', 2, 0],
      ['monthly', 1, 0],
    ]);
    expect(placed.rules[0]!.periods).toEqual([{ start: '2025-01-06', end: '2025-01-12', count: 2, page: 1, firstId: 'weekly-O1-2025-01-06' }]);
  });

  it('gives each rule pages of its own, in period order, once the findings are more than a page holds', () => {
    // 5 weekly findings given newest week first, 1 monthly one: 6 findings, pages of 2.
    const weeks = ['2025-01-20', '2025-01-13', '2025-01-06'];
    const given = [
      ...weeks.map((start, i) => finding('weekly', `O${i + 1}`, start, start.replace(/\d\d$/, (d) => String(Number(d) + 6).padStart(2, '0')))),
      finding('weekly', 'O9', '2025-01-06', '2025-01-12'),
      finding('monthly', 'O1', '2025-01-01', '2025-01-31'),
      finding('weekly', 'O8', '2025-01-13', '2025-01-19'),
    ];
    const placed = placeFindings(given, 2);
    const [weekly, monthly] = placed.rules;
    expect([weekly!.count, weekly!.pages, monthly!.count, monthly!.pages]).toEqual([5, 3, 1, 1]);
    // Week of 6 January (O3, O9) on page 1, of 13 January (O2, O8) on page 2, of 20 January (O1) on page 3.
    expect(placed.pages.map(({ file, page }) => [file.join('/'), page.findings.map((f) => f.entity.id)])).toEqual([
      ['findings/weekly/1.json', ['O3', 'O9']],
      ['findings/weekly/2.json', ['O2', 'O8']],
      ['findings/weekly/3.json', ['O1']],
      ['findings/monthly/1.json', ['O1']],
    ]);
    expect(weekly!.periods.map((p) => [p.start, p.count, p.page, p.firstId])).toEqual([
      ['2025-01-06', 2, 1, 'weekly-O3-2025-01-06'],
      ['2025-01-13', 2, 2, 'weekly-O2-2025-01-13'],
      ['2025-01-20', 1, 3, 'weekly-O1-2025-01-20'],
    ]);
    // The findings keep their order, each naming the page that lists it.
    expect(placed.findings.map((f) => `${f.entity.id}:${f.page}`)).toEqual([
      'O1:findings/weekly/3/',
      'O2:findings/weekly/2/',
      'O3:findings/weekly/',
      'O9:findings/weekly/',
      'O1:findings/monthly/',
      'O8:findings/weekly/2/',
    ]);
    // Only the rule split over several pages is a download of its own.
    expect(placed.downloads).toEqual([{ ruleId: 'weekly', file: 'findings/weekly' }]);
    expect(placed.pages[0]!.page.paging).toEqual({ page: 1, pages: [{ first: 1, last: 2 }, { first: 3, last: 4 }, { first: 5, last: 5 }], download: 'exports/findings/weekly.csv' });
    expect(placed.pages[3]!.page.paging.download).toBeNull();
  });

  it('counts the evidence records of a finding as rows of its page', () => {
    const withRecords = (f: UnplacedFinding, records: number): UnplacedFinding => ({
      ...f,
      evidence: Array.from({ length: records }, (_, i) => ({ table: 'checks', id: `C${i}`, date: f.periodStart, messageKey: 'evidence.check', values: {} })),
    });
    // 2 findings but 1 + 1 + 2 = 4 rows: more than a page of 3, so the rule gets pages.
    const given = [withRecords(finding('weekly', 'O1', '2025-01-06', '2025-01-12'), 0), withRecords(finding('weekly', 'O2', '2025-01-13', '2025-01-19'), 2)];
    const placed = placeFindings(given, 3);
    expect(placed.rules[0]!.pages).toBe(2);
    expect(placed.findings.map((f) => f.page)).toEqual(['findings/weekly/', 'findings/weekly/2/']);
  });
});

describe('weightedPageRanges', () => {
  it('fills a page while the rows fit, and gives an item of more rows than a page a page of its own', () => {
    // Pages of 5 rows: 2+3 | 4 | 7 | 1+1.
    expect(weightedPageRanges([2, 3, 4, 7, 1, 1], 5)).toEqual([
      { first: 1, last: 2 },
      { first: 3, last: 3 },
      { first: 4, last: 4 },
      { first: 5, last: 6 },
    ]);
    expect(weightedPageRanges([], 5)).toEqual([{ first: 1, last: 0 }]);
  });
});
