/**
 * Every kind of notice printed and made a PDF (issue 11, §4), over tests/fixtures/ranks (outlets
 * O1–O4 under branches B1, B2; January and February 2025) with one notice of each kind, as of
 * 2025-03-14 when all are out. Service scores: January O1 110, O2 105, O3 105, O4 101; February
 * O1 102, O2 100, O3 100, O4 110. The rule "service ≥ 106 each month" therefore finds O2, O3 and
 * O4 in January and O1, O2, O3 in February: the January 通报 lists three findings.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { DOMParser } from 'linkedom';
import { buildSite } from '../../src/pipeline/build.ts';
import { writeNoticePdfs } from '../../src/pipeline/notice-pdf.ts';
import { startStaticServer } from '../../src/pipeline/static-server.ts';
import { copyFixture, editFile, tempDir } from '../support/fixture.ts';
import { NOTICE_ALONE, pdfPageCount, pdfPageSizes, pdfTitle, printedParts } from '../support/paper.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const suite = existsSync(CHROMIUM) ? describe : describe.skip;

const NOTICES = `compliance:
  - { id: service-floor, label: Service at least 106 a month, kind: score_threshold, level: outlet, score: service, periods: [month], threshold: { op: '>=', value: 106 } }
notices:
  - { id: results, kind: ranking, title: Results, periods: [2025-01], rankings: [outlets], days_after_end: 3, number: 'T〔{year}〕{seq}号' }
  - id: candidates
    kind: candidates
    title: Candidates
    periods: [year]
    awards: [year-top, year-bottom]
    days_after_end: 3
    number: 'T〔{year}〕{seq}号'
    objection_period: { working_days: 5 }
    contacts: [{ label: Phone, value: '010-1234' }]
  - { id: bulletin, kind: findings, title: Findings bulletin, periods: [2025-01], findings: [service-floor], days_after_end: 5, number: 'D〔{year}〕{seq}号' }
  - { id: praise, kind: praise, title: Praise, periods: [year], awards: [year-top], days_after_end: 10 }
  - { id: criticism, kind: criticism, title: Criticism, periods: [year], awards: [year-bottom], days_after_end: 10 }
  - { id: decision, kind: announcement, title: Decision, periods: [year], awards: [year-top], days_after_end: 14, number: 'T〔{year}〕{seq}号', style: red_header }
`;

suite('each kind of notice on paper', () => {
  it('prints alone on A4 (no navigation, footer or breadcrumb; title and signature shown) and makes an A4 PDF of one or two pages with its title', async () => {
    const dir = copyFixture('ranks');
    editFile(dir, 'competition.yaml', (text) => text.replace(/^notices:\n(?: .*\n)+/m, NOTICES));
    const site = path.join(tempDir('kinds'), 'site');
    await buildSite({ dataDir: dir, outDir: site, asOf: '2025-03-14' });

    const kinds = JSON.parse(readFileSync(path.join(site, 'exports/notice-versions.json'), 'utf8')).notices as Record<string, unknown>;
    expect(Object.keys(kinds).sort()).toEqual(['bulletin-2025-01', 'candidates-year', 'criticism-year', 'decision-year', 'praise-year', 'results-2025-01']);

    // The 通报 lists its three findings, each outlet with its branch, in words.
    const bulletin = new DOMParser().parseFromString(readFileSync(path.join(site, 'notices/bulletin-2025-01/index.html'), 'utf8'), 'text/html');
    const rows = [...bulletin.querySelectorAll('section.findings tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.replace(/\s+/g, ' ').trim()));
    expect(rows.map((cells) => cells[0])).toEqual([
      'Outlet two Branch one 1 Jan 2025 – 31 Jan 2025',
      'Outlet three Branch two 1 Jan 2025 – 31 Jan 2025',
      'Outlet four Branch two 1 Jan 2025 – 31 Jan 2025',
    ]);
    expect(rows.every((cells) => cells[2]!.length > 0)).toBe(true);

    const { server, url } = await startStaticServer(site);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] });
    try {
      for (const id of Object.keys(kinds)) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.goto(`${url}/notices/${id}/`, { waitUntil: 'load' });
        expect(await printedParts(page), id).toEqual(NOTICE_ALONE);
        await page.close();
      }
    } finally {
      await browser.close();
      server.close();
    }

    const written = await writeNoticePdfs(site, tempDir('kinds-pdf'), CHROMIUM);
    expect(written.map((f) => path.basename(f)).sort()).toEqual(Object.keys(kinds).map((id) => `${id}.pdf`).sort());
    const titles: Record<string, string> = {
      'results-2025-01': 'Results',
      'candidates-year': 'Candidates',
      'bulletin-2025-01': 'Findings bulletin',
      'praise-year': 'Praise',
      'criticism-year': 'Criticism',
      'decision-year': 'Decision',
    };
    for (const file of written) {
      const pdf = readFileSync(file).toString('latin1');
      expect(pdfPageCount(pdf), file).toBeGreaterThanOrEqual(1);
      expect(pdfPageCount(pdf), file).toBeLessThanOrEqual(2);
      expect(new Set(pdfPageSizes(pdf).map(String)), file).toEqual(new Set(['595,842']));
      expect(pdfTitle(pdf), file).toContain(titles[path.basename(file, '.pdf')]);
    }
  }, 240_000);
});
