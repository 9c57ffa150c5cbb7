/**
 * The sample with ranking_page_size: 10 has more findings (32) than one page holds: the findings
 * page sums them up and links to each rule's pages, every page of every rule is built and linked,
 * each holds at most 10 table rows (findings and their evidence), and together they list every finding once. The links to a
 * finding from a 通报 and from the search index go to the page that lists it.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/pipeline/build.ts';
import { searchRecords } from '../../src/pipeline/search-index.ts';
import { findingAnchor, findingsModelFile, findingsPath, type Finding, type FindingsPage, type SiteModel } from '../../src/site/model.ts';
import { i18n } from '../../src/site/i18n/index.ts';
import { buildModel, editFile, tempDir } from '../support/fixture.ts';
import { brokenLinks, htmlProblems, listFiles, readText } from '../support/sites.ts';

const PAGE_SIZE = 10;

describe('findings paged per rule', () => {
  let site: string;
  let modelDir: string;
  let model: SiteModel;
  let findings: Finding[];
  let files: string[];

  beforeAll(async () => {
    const data = tempDir('findings-paged');
    cpSync('data', data, { recursive: true });
    editFile(data, 'competition.yaml', (text) => `${text}\nranking_page_size: ${PAGE_SIZE}\n`);
    site = path.join(tempDir('findings-paged-out'), 'site');
    model = (await buildSite({ dataDir: data, outDir: site })).site;
    files = listFiles(site);
    // A full build removes its model when it is done: the model of the same data, for the finding's pages and the search records.
    modelDir = (await buildModel(data)).modelDir;
    findings = JSON.parse(readFileSync(path.join(modelDir, 'findings.json'), 'utf8')) as Finding[];
  }, 240_000);

  it('builds every page of every rule, each of at most a page of rows, listing every finding exactly once', () => {
    expect(findings.length).toBeGreaterThan(PAGE_SIZE);
    expect(model.findingRules.reduce((sum, rule) => sum + rule.count, 0)).toBe(findings.length);
    const listed: string[] = [];
    for (const rule of model.findingRules) {
      expect(rule.pages).toBeGreaterThanOrEqual(Math.ceil(rule.count / PAGE_SIZE));
      for (let page = 1; page <= rule.pages; page++) {
        // At most a page of table rows, a finding's evidence records counted with it; a finding of more rows alone.
        const model = JSON.parse(readFileSync(path.join(modelDir, ...findingsModelFile(rule.id, page)), 'utf8')) as FindingsPage;
        const rows = model.findings.reduce((sum, f) => sum + 1 + f.evidence.length, 0);
        if (model.findings.length > 1) expect(rows).toBeLessThanOrEqual(PAGE_SIZE);
        const html = readText(site, path.join(findingsPath(rule.id, page), 'index.html'));
        const anchors = [...html.matchAll(/<tr id="(finding-[^"]+)"/g)].map((m) => m[1]!);
        expect(anchors.length).toBeLessThanOrEqual(PAGE_SIZE);
        expect(anchors.length).toBeGreaterThan(0);
        listed.push(...anchors);
        // Every page links to every other page of its rule, and back to the findings page.
        for (let other = 1; other <= rule.pages; other++) {
          if (rule.pages > 1) expect(html).toContain(`href="/${findingsPath(rule.id, other)}"`);
        }
        expect(html).toContain('href="/findings/"');
      }
      expect(existsSync(path.join(site, findingsPath(rule.id, rule.pages + 1), 'index.html'))).toBe(false);
    }
    expect(listed.sort()).toEqual(findings.map((f) => findingAnchor(f.id)).sort());
    expect(new Set(listed).size).toBe(findings.length);
  });

  it('keeps the findings page a summary that links to each rule and to where each period starts', () => {
    const index = readText(site, 'findings/index.html');
    expect(index).not.toMatch(/<tr id="finding-/);
    for (const rule of model.findingRules) {
      expect(index).toContain(`href="/${findingsPath(rule.id)}"`);
      expect(rule.periods.reduce((sum, period) => sum + period.count, 0)).toBe(rule.count);
      for (const period of rule.periods) expect(index).toContain(`href="/${findingsPath(rule.id, period.page)}#${findingAnchor(period.firstId)}"`);
    }
    // Several periods share a page: each link's name says the rule and period too, not only "第2页".
    const links = [...parseHTML(index).document.querySelectorAll('.period-counts a')];
    const names = links.map((a) => a.textContent.replace(/\s+/g, ' ').trim());
    expect(links).toHaveLength(model.findingRules.reduce((sum, rule) => sum + rule.periods.length, 0));
    expect(new Set(names).size).toBe(names.length);
    const [rule] = model.findingRules;
    const [period] = rule!.periods;
    expect(names[0]).toBe(`第${period!.page}页（${rule!.label}，${i18n(model.locale, model.decimals).dateRange(period!.start, period!.end)}）`);
    expect(links[0]!.querySelector('.sr-only')?.textContent).toContain(rule!.label);
  });

  it('offers each rule of several pages as a download of all its findings', () => {
    const downloaded = model.findingRules.filter((rule) => rule.pages > 1);
    expect(downloaded.length).toBeGreaterThan(0);
    for (const rule of downloaded) {
      const csv = readText(site, `exports/findings/${rule.id}.csv`).replace(/^\uFEFF/, '');
      const rows = Papa.parse<{ finding_id: string; rule_id: string }>(csv, { header: true, skipEmptyLines: true }).data;
      expect(rows.length).toBe(rule.count);
      expect(new Set(rows.map((r) => r.rule_id))).toEqual(new Set([rule.id]));
      expect(readText(site, path.join(findingsPath(rule.id), 'index.html'))).toContain(`href="/exports/findings/${rule.id}.csv"`);
    }
  });

  it('points the search index and the 通报 of findings at the page that lists each finding', () => {
    const records = searchRecords(modelDir).filter((r) => r.path.includes('#finding-'));
    expect(records).toHaveLength(findings.length);
    for (const finding of findings) {
      expect(finding.page).toMatch(/^findings\/[^/]+\/(\d+\/)?$/);
      expect(records.map((r) => r.path)).toContain(`${finding.page}#${findingAnchor(finding.id)}`);
    }
    const noticeLinks = files
      .filter((f) => f.startsWith('notices/') && f.endsWith('.html'))
      .flatMap((f) => [...readText(site, f).matchAll(/href="\/(findings\/[^"#]*)#(finding-[^"]+)"/g)].map((m) => ({ page: m[1]!, anchor: m[2]! })));
    // The sample's 通报 of findings link a finding with more than three records to the rest of them.
    expect(noticeLinks.length).toBeGreaterThan(0);
    for (const { page, anchor } of noticeLinks) {
      expect(readText(site, path.join(page, 'index.html'))).toContain(`<tr id="${anchor}"`);
    }
  });

  it('has no broken link and valid, accessible HTML on the findings pages', async () => {
    expect(brokenLinks(site, files)).toEqual([]);
    const pages = files.filter((f) => f.startsWith('findings/') && f.endsWith('.html'));
    expect(await htmlProblems(site, pages)).toEqual([]);
  });
});
