/**
 * The render stage (the compiled renderer) and the search index on their own, from the hand-written model in
 * tests/fixtures/site-model: an internal edition whose names and sources are hostile strings.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCompiled } from '../../src/render/render.ts';
import { writeSearchIndex } from '../../src/pipeline/search-index.ts';
import { FIXTURES, tempDir } from '../support/fixture.ts';
import { brokenLinks, listFiles } from '../support/sites.ts';

let site: string;
let html: string;
beforeAll(async () => {
  const work = tempDir('render');
  site = path.join(work, 'site');
  const publicDir = path.join(work, 'public');
  mkdirSync(publicDir);
  await renderCompiled(path.join(FIXTURES, 'site-model'), publicDir, site, '/');
  await writeSearchIndex(path.join(FIXTURES, 'site-model'), site);
  html = listFiles(site)
    .filter((f) => f.endsWith('.html'))
    .map((f) => readFileSync(path.join(site, f), 'utf8'))
    .join('\n');
});

describe('rendering the model', () => {
  it('escapes markup in data everywhere', () => {
    // Inside a quoted attribute value "<" cannot open a tag (and quotes are escaped), so only
    // the markup outside attribute values must be free of the data's tags.
    const markup = html.replace(/="[^"]*"/g, '=""');
    expect(markup).not.toContain('<script>alert(1)</script>');
    expect(markup).not.toContain('<img src=x onerror');
    expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markup).not.toContain('<script>alert(3)</script>');
  });

  it('draws a unit’s heatmap with its drill-down table, escaping the names in both, and the indicator points of a score', () => {
    const unit = readFileSync(path.join(site, 'units/SB/index.html'), 'utf8');
    const heatmap = unit.slice(unit.indexOf('<section class="heatmap'));
    // Four outlets × two months; 北街网点 has no June score and 东门 no May score: two empty cells.
    expect(heatmap.match(/<svg[^>]*class="heatmap-chart"/g)).toHaveLength(2);
    expect(heatmap).toContain('&lt;script&gt;alert(1)&lt;/script&gt;</text>');
    expect(heatmap).toContain('&quot;东门&quot; &amp; 西门网点</a>');
    expect(heatmap).toContain('>−2.5<');
    expect(heatmap).toContain('另有7个未列出');
    expect(heatmap.match(/<td class="num"[^>]*>–<\/td>/g)).toHaveLength(2);
    // The model lists the outlets best first in June (the pipeline sorts them: unit-heatmaps.test.ts):
    // 98, 91, −2.5, then 北街网点 with no June score; both drawings keep the model's order.
    const drillDown = [...heatmap.matchAll(/<th scope="row"[^>]*>\s*<a href="\/units\/(\w+)\/"/g)].map((m) => m[1]);
    expect(drillDown).toEqual(['O1', 'O2', 'O3', 'O4']);
    expect(heatmap).toContain('颜色越深得分越高，越好');
    const outlet = readFileSync(path.join(site, 'units/O1/index.html'), 'utf8');
    expect(outlet).toContain('&lt;b&gt;服务规范&lt;/b&gt; &amp; 环境');
    expect(outlet).toMatch(/<summary[^>]*>2025年第1季度<\/summary>/);
    // Its model leaves 1,234 postings of one score unlisted: the page says so and links the CSV with all of them.
    expect(outlet).toContain('另有 1,234 条未列出。');
    expect(outlet).toContain('href="/exports/postings/units/O1.csv"');
  });

  it('renders a corrected notice (更正, what changed, its earlier version) and, in the internal edition, each objection', () => {
    const notice = readFileSync(path.join(site, 'notices/review-h1/index.html'), 'utf8');
    expect(notice).toContain('本通知第2版更正了此前发布的版本');
    expect(notice).toContain('href="/notices/review-h1/v1/"');
    expect(notice).toContain('公示期间共收到异议2件，已办结1件，其中经查属实1件。');
    expect(notice).toContain('由&quot;东门&quot; &amp; 西门网点依次递补');
    expect(notice).toContain('&lt;script&gt;alert(3)&lt;/script&gt;');
    expect(notice).toContain('正在核查');
    // Its style is the red header (红头): the issuer heads it.
    expect(notice).toMatch(/<p class="red-header"[^>]*>城东支行文明优质服务竞赛领导小组<\/p>/);
    expect(readFileSync(path.join(site, 'notices/index.html'), 'utf8')).toMatch(/公示中 · 更正/);
    const earlier = readFileSync(path.join(site, 'notices/review-h1/v1/index.html'), 'utf8');
    expect(earlier).toContain('这是本通知的第1版，已由第2版更正');
    expect(earlier).toContain('href="/notices/review-h1/"');
    // The earlier version is the whole notice as posted: 红头, its own 文号 (escaped), opening, its lists, 公示期, signature and seal.
    expect(earlier).toMatch(/<p class="red-header"[^>]*>城东支行文明优质服务竞赛领导小组<\/p>/);
    expect(earlier).toContain('城东银发〔2025〕&lt;script&gt;alert(1)&lt;/script&gt;号');
    expect(earlier).toContain('公示期间共收到异议0件');
    expect(earlier).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(earlier).toContain('公示期与异议受理');
    expect(earlier).toMatch(/<footer class="signature"[^>]*>[\s\S]*盖章[\s\S]*2025年7月10日/);
    // O9, on the list as posted, has since left the data: its name stays, as text, not a link to a page that is gone.
    expect(earlier).not.toContain('href="/units/O9/"');
    expect(earlier).toContain('<span>&lt;img src=x onerror=alert(2)&gt;</span>');
  });

  it('links only to pages that exist, whoever a notice, ranking or change names', () => {
    // The downloads under exports/ are the export stage's, which this test does not run.
    expect(brokenLinks(site, listFiles(site)).filter((link) => !link.includes('→ /exports/'))).toEqual([]);
  });

  it('lists each finding a 通报 of findings reports: unit, rule, period and what was found', () => {
    const notice = readFileSync(path.join(site, 'notices/supervision-2025-Q2/index.html'), 'utf8');
    expect(notice).toContain('每周现场检查不少于1次（');
    expect(notice).toContain('&quot;东门&quot; &amp; 西门网点');
    expect(notice).toContain('2025年6月9日 至 2025年6月15日');
    expect(notice).toContain('计入的现场检查 0 次，要求 ≥ 1 次');
    expect(notice).not.toContain('本期无');
  });

  it('shows what changed: the notice to correct, the records, and entities that left the data by their code', () => {
    const page = readFileSync(path.join(site, 'changes/index.html'), 'utf8');
    expect(page).toContain('href="/notices/monthly-2025-06/"');
    expect(page).toContain('第1名，112.5分，500元');
    expect(page).toContain('staff:&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('该公示不再发布。');
  });

  it('marks an internal edition and shows its notes', () => {
    expect(html).toContain('内部版本');
    expect(readFileSync(path.join(site, 'units/O1/index.html'), 'utf8')).toContain('Customer &quot;');
  });

  it('renders a ranking split into pages: each page its own rows, a title of its own, links between them and to the whole ranking', () => {
    const first = readFileSync(path.join(site, 'rankings/2025-06/staff/index.html'), 'utf8');
    const second = readFileSync(path.join(site, 'rankings/2025-06/staff/2/index.html'), 'utf8');
    const title = (page: string) => /<title>([^<]*)<\/title>/.exec(page)?.[1];
    expect(title(second)).not.toBe(title(first));
    expect(title(second)).toContain('第2页');
    for (const page of [first, second]) {
      expect(page).toContain('href="/rankings/2025-06/staff/"');
      expect(page).toContain('href="/rankings/2025-06/staff/2/"');
      expect(page).toContain('href="/exports/rankings/2025-06/staff.csv"');
      expect(page.match(/<tbody[^>]*>[\s\S]*?<\/tbody>/)?.[0].match(/<tr[\s>]/g)).toHaveLength(2);
    }
    expect(second).toContain('本页为第 3–4 行，共 4 行。');
  });

  it('indexes the site for search', () => {
    expect(listFiles(site).filter((f) => f.startsWith('pagefind/'))).toContain('pagefind/pagefind.js');
  });
});
