/**
 * The sample competition, built end to end as a user would: pages, downloads, determinism,
 * atomic publishing, escaping, no internal fields, no network, no broken links.
 */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/pipeline/build.ts';
import { BuildError } from '../../src/config/diagnostics.ts';
import { FindingExportRow, StandingExportRow } from '../../src/pipeline/export-schemas.ts';
import { copyFixture, editFile, tempDir } from '../support/fixture.ts';
import { brokenLinks, builtSample, htmlProblems, listFiles, readText } from '../support/sites.ts';
import { leftovers } from '../support/publish.ts';

let site: string;
let files: string[];
/** The internal edition, which also shows notes and employee numbers. */
let internal: string;
beforeAll(async () => {
  site = await builtSample('zh-CN');
  files = listFiles(site);
  internal = await builtSample('zh-CN', 'internal');
});

const parseCsv = (text: string) => text.replace(/^\uFEFF/, '').trimEnd().split('\n').map((line) => line.split(','));

describe('the sample site', () => {
  it('has every page type', () => {
    for (const page of ['index.html', 'rankings/index.html', 'notices/index.html', 'findings/index.html', 'methodology/index.html', 'downloads/index.html', '404.html']) {
      expect(files).toContain(page);
    }
    expect(files.filter((f) => /^units\/[^/]+\/index\.html$/.test(f)).length).toBeGreaterThanOrEqual(41);
    expect(listFiles(internal).filter((f) => /^staff\/[^/]+\/index\.html$/.test(f)).length).toBeGreaterThanOrEqual(120);
    expect(files).toContain('rankings/h1/outlets/index.html');
    expect(files.some((f) => /^notices\/review-h1\/index\.html$/.test(f))).toBe(true);
  });

  it('is in the config’s language', () => {
    expect(readText(site, 'index.html')).toMatch(/<html[^>]* lang="zh-CN"/);
  });

  it('publishes standings with the required columns, one row per entity, period and scope', () => {
    const rows = parseCsv(readText(site, 'exports/standings.csv'));
    expect(rows[0]).toEqual(expect.arrayContaining(['period_id', 'period_label', 'scope_id', 'entity_kind', 'entity_id', 'entity_name', 'score', 'rank', 'rank_count']));
    const json = StandingExportRow.array().parse(JSON.parse(readText(site, 'exports/standings.json')));
    expect(json.length).toBe(rows.length - 1);
    const keys = json.map((r) => `${r.period_id}|${r.scope_id}|${r.entity_kind}|${r.entity_id}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Ten outlets are ranked in every month of the outlet ranking.
    expect(json.filter((r) => r.scope_id === 'outlets' && r.period_id === '2025-05')).toHaveLength(10);
  });

  it('publishes the findings of the compliance checks', () => {
    const findings = FindingExportRow.array().parse(JSON.parse(readText(site, 'exports/findings.json')));
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.rule_id))).toEqual(new Set(['weekly-onsite', 'weekly-video', 'monthly-survey']));
    expect(parseCsv(readText(site, 'exports/findings.csv'))).toHaveLength(findings.length + 1);
  });

  it('is valid, accessible HTML on every page type', async () => {
    const pages = [
      'index.html', 'rankings/index.html', 'rankings/h1/outlets/index.html', 'rankings/h1/staff-in-outlet/index.html',
      'units/SB01/index.html', 'units/O03/index.html', 'staff/S0012/index.html', 'notices/index.html',
      'notices/review-h1/index.html', 'notices/review-h1/v1/index.html', 'notices/supervision-2025-Q3/index.html', 'findings/index.html', 'methodology/index.html', 'downloads/index.html', 'search/index.html', '404.html',
    ];
    expect(await htmlProblems(site, pages)).toEqual([]);
    expect(await htmlProblems(internal, ['rankings/h1/staff-in-outlet/index.html', 'staff/S0012/index.html', 'units/O03/index.html'])).toEqual([]);
  });

  it('describes every page in one sentence of its own (meta description)', () => {
    const pages = files.filter((f) => f.endsWith('.html'));
    const descriptions = new Map(pages.map((f) => [f, /<meta name="description" content="([^"]+)"/.exec(readText(site, f))?.[1]]));
    expect(pages.filter((f) => !descriptions.get(f))).toEqual([]);
    expect(/<meta name="description" content="([^"]+)"/.exec(readText(internal, 'staff/S0012/index.html'))?.[1]).toMatch(/^\S+（[^）]+）在/);
    expect(new Set(descriptions.values()).size).toBeGreaterThan(pages.length / 2);
  });

  it('titles and describes every page differently from every other, though units and people share names (every outlet has a 营业室)', () => {
    for (const built of [site, internal]) {
      const pages = listFiles(built).filter((f) => f.endsWith('.html'));
      const repeated = (pattern: RegExp) => {
        const byText = new Map<string | undefined, string[]>();
        for (const f of pages) {
          const text = pattern.exec(readText(built, f))?.[1];
          byText.set(text, [...(byText.get(text) ?? []), f]);
        }
        return [...byText].filter(([, same]) => same.length > 1).map(([text, same]) => `${text}: ${same.join(', ')}`);
      };
      expect(repeated(/<title>([^<]+)<\/title>/)).toEqual([]);
      expect(repeated(/<meta name="description" content="([^"]+)"/)).toEqual([]);
    }
    expect(/<title>([^<]+)<\/title>/.exec(readText(site, 'units/O03-D1/index.html'))?.[1]).toBe('营业室 · 解放大道网点 · 城东支行 - 城东支行2025年文明优质服务竞赛');
  });

  it('links only to pages and files that exist', () => {
    expect(brokenLinks(site, files)).toEqual([]);
  });

  it('needs no network: no external scripts, styles, fonts or fetches', () => {
    const external: string[] = [];
    for (const file of files.filter((f) => /\.(html|js|css)$/.test(f))) {
      const text = readText(site, file);
      for (const [match] of text.matchAll(/(?:src|href)=["']https?:\/\/[^"']+|url\(\s*["']?https?:\/\/[^)]+|@import\s+["']?https?:/g)) external.push(`${file}: ${match}`);
    }
    expect(external).toEqual([]);
  });
});

describe('building', () => {
  it('is deterministic: the same input gives byte-identical output', async () => {
    const again = path.join(tempDir('again'), 'site');
    await buildSite({ dataDir: 'data', outDir: again, locale: 'zh-CN' });
    const second = listFiles(again);
    expect(second).toEqual(files);
    const differing = files.filter((f) => !readFileSync(path.join(site, f)).equals(readFileSync(path.join(again, f))));
    expect(differing).toEqual([]);
  });

  it('leaves the previous site exactly as it was when a build fails', async () => {
    const out = path.join(tempDir('atomic'), 'site');
    cpSync(site, out, { recursive: true });
    const before = listFiles(out).map((f) => [f, readFileSync(path.join(out, f)).toString('base64')]);
    const broken = copyFixture('s1-worked');
    editFile(broken, 'events.csv', (text) => text.replace('2009-08-05', '2009-13-05'));
    await expect(buildSite({ dataDir: broken, outDir: out })).rejects.toBeInstanceOf(BuildError);
    const after = listFiles(out).map((f) => [f, readFileSync(path.join(out, f)).toString('base64')]);
    expect(after).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('marks the site as Podium’s, so that a later build may replace it and nothing else', () => {
    const manifest = JSON.parse(readText(site, '.podium-site.json')) as { generator: string; format: number; files: string[] };
    expect(manifest).toMatchObject({ generator: 'podium', format: 2 });
    expect(manifest.files).toEqual(listFiles(site).filter((f) => f !== '.podium-site.json').sort());
  });

  it('escapes untrusted text and neutralises spreadsheet formulas', async () => {
    const dir = copyFixture('s1-worked');
    editFile(dir, 'staff.csv', (text) => text.replace('张三', '"<script>alert(""x"")</script>"').replace('李四', '"=HYPERLINK(""http://evil"")"'));
    const out = path.join(tempDir('escape'), 'site');
    const report = await buildSite({ dataDir: dir, outDir: out });
    const page = readText(out, 'staff/S1/index.html');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert');
    const csv = readText(out, 'exports/standings.csv');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(report.site.staffIds).toContain('S1');
  });

  // Issue 11's done-when, in one fresh build of each language: the office's record (data/published/) holds the
  // candidate notice as posted on 2025-07-10, listing 火车站网点 (O09), whose objection OB01 was upheld on 07-18.
  it.each([
    ['zh-CN', '公示期：2025年7月10日至2025年7月16日（5个工作日）', '火车站网点经公示期间异议查实，取消入选资格，由解放大道网点依次递补', '本通知第2版更正了此前发布的版本', '这是本通知的第1版，已由第2版更正'],
    ['en', '10 Jul 2025 to 16 Jul 2025 (5 working days)', '火车站网点; 解放大道网点 moved up in their place', 'Version 2 of this notice corrects the version published before', 'This is version 1 of this notice, superseded by the correction in version 2'],
  ] as const)('publishes a candidate notice, an upheld objection with its replacement, the decision and a correction (%s)', async (locale, window, movedUp, corrected, superseded) => {
    const built = await builtSample(locale);
    const notice = readText(built, 'notices/review-h1/index.html');
    expect(notice).toContain(window);
    expect(notice).toContain(movedUp);
    expect(notice).toContain(corrected);
    expect(notice).toContain('href="/notices/review-h1/v1/"');
    expect(readText(built, 'notices/decision-h1/index.html')).toContain('class="red-header"');
    const earlier = readText(built, 'notices/review-h1/v1/index.html');
    expect(earlier).toContain(superseded);
    // As posted: 火车站网点 on the 上半年集体奖 list, which the current version no longer has.
    const firstList = (page: string) => /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(page.slice(page.indexOf('<h2', page.indexOf('class="opening"'))))?.[1] ?? '';
    expect(firstList(earlier)).toContain('火车站网点');
    const versions = JSON.parse(readText(built, 'exports/notice-versions.json')) as { notices: Record<string, { version: number }[]> };
    expect(versions.notices['review-h1']!.map((v) => v.version)).toEqual([1, 2]);
  });

  it('builds an English edition of the same data', async () => {
    const en = await builtSample('en');
    expect(readText(en, 'index.html')).toMatch(/<html[^>]* lang="en"/);
    expect(readText(en, 'methodology/index.html')).not.toEqual(readText(site, 'methodology/index.html'));
  });
});
