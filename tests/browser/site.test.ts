/**
 * The built sample in a real browser (Debian's Chromium through playwright-core): the ranking
 * table, a click through to a unit page, the chart's SVG, and no console errors, in both locales.
 * Without Chromium the tests are skipped loudly; in CI a missing browser is a failure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startStaticServer } from '../../src/pipeline/static-server.ts';
import { builtSample } from '../support/sites.ts';
import { NOTICE_ALONE, pdfPageCount, pdfPageSizes, printedParts } from '../support/paper.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  if (process.env.CI) throw new Error(`No Chromium at ${CHROMIUM}: CI must install it (apt-get install chromium fonts-noto-cjk).`);
  console.warn(`\n${'!'.repeat(72)}\n!! BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM}.\n!! Install it with: apt-get install chromium fonts-noto-cjk\n${'!'.repeat(72)}\n`);
}

/** Flags that keep Chromium off the network on a closed machine. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const suite = haveChromium ? describe : describe.skip;
suite.each(['zh-CN', 'en'] as const)('the sample site in a browser (%s)', (locale) => {
  let browser: Browser;
  let server: Server;
  let base: string;
  const consoleErrors: string[] = [];

  const open = async (path: string, viewport = { width: 1280, height: 900 }): Promise<Page> => {
    const page = await browser.newPage({ viewport });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${path}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${path}: ${error.message}`));
    await page.goto(`${base}${path}`, { waitUntil: 'load' });
    return page;
  };

  beforeAll(async () => {
    // The sample as published: the site staff read.
    const site = await builtSample(locale);
    ({ server, url: base } = await startStaticServer(site));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('shows the ranking table', async () => {
    const page = await open('/rankings/h1/outlets/');
    const table = page.locator('table').first();
    await expect(table.locator('th').first().isVisible()).resolves.toBe(true);
    expect(await table.locator('tbody tr').count()).toBe(10);
  });

  it('goes to a unit page on a click, and draws its chart as SVG', async () => {
    const page = await open('/rankings/h1/outlets/');
    const link = page.locator('table tbody tr a[href*="/units/"]').first();
    const name = (await link.textContent())?.trim();
    await Promise.all([page.waitForURL(/\/units\/[^/]+\/$/), link.click()]);
    await expect(page.locator('h1').textContent()).resolves.toContain(name);
    expect(await page.locator('figure svg[role="img"]:visible').count()).toBeGreaterThan(0);
  });

  it('passes axe’s WCAG 2.1 A and AA rules on every page type', async () => {
    const violations: string[] = [];
    for (const path of ['/', '/rankings/', '/rankings/h1/outlets/', '/units/O03/', '/staff/S0012/', '/notices/review-h1/', '/notices/review-h1/v1/', '/notices/supervision-2025-Q3/', '/findings/', '/methodology/', '/downloads/', '/search/?q=%E8%90%A5%E4%B8%9A%E5%AE%A4']) {
      const page = await open(path);
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() =>
        (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run({
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        }),
      );
      violations.push(...result.violations.map((v) => `${path}: ${v.id} (${v.nodes.length})`));
      await page.close();
    }
    expect(violations).toEqual([]);
  });

  it('is usable by keyboard on every page type: a skip link first, then a visible focus ring on every stop, and headings that skip no level', async () => {
    const problems: string[] = [];
    for (const path of ['/', '/rankings/h1/outlets/', '/units/O03/', '/staff/S0012/', '/notices/review-h1/', '/findings/', '/methodology/', '/downloads/', '/search/?q=lny']) {
      const page = await open(path);
      const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
      if (levels.filter((level) => level === 1).length !== 1) problems.push(`${path}: ${levels.filter((level) => level === 1).length} h1`);
      levels.forEach((level, i) => i > 0 && level > levels[i - 1]! + 1 && problems.push(`${path}: h${levels[i - 1]} then h${level}`));
      for (let stop = 0; stop < 25; stop++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (!element || element === document.body) return null;
          const style = getComputedStyle(element);
          const box = element.getBoundingClientRect();
          return {
            what: `${element.tagName} ${element.getAttribute('href') ?? ''} ${(element.textContent ?? '').trim().slice(0, 20)}`,
            href: element.getAttribute('href'),
            ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
            inView: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
          };
        });
        if (!focused) break;
        if (stop === 0 && !(focused.href?.startsWith('#') && (await page.locator(focused.href).count()) === 1)) problems.push(`${path}: the first stop is ${focused.what}, not a skip link`);
        if (!focused.ring || !focused.inView) problems.push(`${path}: no visible focus on ${focused.what}`);
      }
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  it('works without JavaScript: the charts are drawn on the server, beside their tables', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/units/O03/`);
    expect(await page.locator('figure svg[role="img"]:visible').count()).toBeGreaterThan(0);
    // The peer chart is drawn on the server too.
    expect(await page.locator('figure.peers svg[role="img"]:visible').count()).toBeGreaterThan(0);
    // A phone gets the narrow drawing, whose text stays readable; paper gets the wide one.
    await page.setViewportSize({ width: 360, height: 800 });
    await expect(page.locator('figure.chart svg[role="img"]:visible').first().getAttribute('viewBox')).resolves.toBe('0 0 340 260');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('figure.chart svg[role="img"]:visible').first().getAttribute('viewBox')).resolves.toBe('0 0 640 260');
    expect(await page.locator('table caption').count()).toBeGreaterThanOrEqual(3);
    // The outlet's departments month by month: a heatmap, and a table that drills down to each department.
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.heatmap svg[role="img"]:visible').count()).toBeGreaterThan(0);
    expect(await page.locator('.heatmap table a[href*="/units/O03-D"]').count()).toBe(3);
    // CSV and SVG downloads are plain links; the PNG button needs the script and is not shown without it.
    expect(await page.locator('.chart-downloads a[download$=".csv"]:visible').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.chart-downloads a[download$=".svg"]:visible').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.chart-downloads button:visible').count()).toBe(0);
    await page.goto(`${base}/rankings/h1/outlets/`);
    expect(await page.locator('table tbody tr').count()).toBe(10);
    // Search needs its script, and says so.
    await page.goto(`${base}/search/?q=lny`);
    expect(await page.locator('.search-noscript').isVisible()).toBe(true);
    await context.close();
  });

  it('downloads a chart as CSV (with a BOM), SVG and PNG, with no request', async () => {
    const page = await open('/units/O03/');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const chart = page.locator('figure.chart').first();
    const saved = async (control: ReturnType<Page['locator']>) => {
      const [download] = await Promise.all([page.waitForEvent('download'), control.click()]);
      return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
    };
    const csv = await saved(chart.locator('a[download$=".csv"]'));
    expect(csv.name).toBe('O03-service-month.csv');
    expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.bytes.toString('utf8').split('\n').length).toBeGreaterThan(3);
    const svg = await saved(chart.locator('a[download$=".svg"]'));
    expect(svg.bytes.toString('utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* width="640" height="260">/);
    const png = await saved(chart.locator('button.png-download'));
    expect(png.name).toBe('O03-service-month.png');
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // Twice the drawing's size: 1280 × 520.
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([1280, 520]);
    expect(requests.filter((url) => url.startsWith('http'))).toEqual([]);
    await page.close();
  });

  it('keeps the text of every chart of an entity page at 11 px or more on a 360 px phone, the peer chart’s included', async () => {
    for (const path of ['/units/O03/', '/staff/S0012/']) {
      const page = await open(path, { width: 360, height: 800 });
      expect(await page.locator('figure.peers svg[role="img"]:visible').count()).toBeGreaterThan(0);
      // An SVG's text is drawn at its font size times the drawing's scale on screen.
      const smallest = await page.locator('figure svg[role="img"]:visible').evaluateAll((svgs) =>
        svgs.flatMap((svg) => {
          const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
          return [...svg.querySelectorAll('text')].map((text) => ({ chart: svg.getAttribute('class'), size: parseFloat(getComputedStyle(text).fontSize) * scale }));
        }),
      );
      expect(smallest.length).toBeGreaterThan(0);
      expect(smallest.filter((text) => text.size < 11), path).toEqual([]);
      // The peers' layer is an image of a drawing with 12-unit text (src/site/peer-chart.ts), shown at its scale.
      const peersText = await page.locator('figure.peers img:visible').evaluateAll((images) =>
        images.map((image) => (12 * image.getBoundingClientRect().width) / Number(image.getAttribute('width'))),
      );
      expect(peersText.length).toBeGreaterThan(0);
      expect(peersText.filter((size) => size < 11), path).toEqual([]);
      await page.close();
    }
  });

  it('fits a 360 px phone on every page type: name, score and rank in view, hinted scroll boxes, 24 px tap targets', async () => {
    const problems: string[] = [];
    for (const path of ['/', '/rankings/', '/rankings/h1/outlets/', '/rankings/h1/staff-in-outlet/', '/units/O03/', '/staff/S0012/', '/notices/', '/notices/review-h1/', '/notices/review-h1/v1/', '/notices/supervision-2025-Q3/', '/findings/', '/methodology/', '/downloads/', '/search/?q=%E8%90%A5%E4%B8%9A%E5%AE%A4']) {
      const page = await open(path, { width: 360, height: 800 });
      await page.waitForSelector('.search-results li', { timeout: 5000 }).catch(() => undefined);
      const found = await page.evaluate(() => {
        const out: string[] = [];
        const width = document.documentElement.clientWidth;
        const scrollWidth = document.scrollingElement?.scrollWidth ?? 0;
        if (scrollWidth > width) out.push(`the page is ${scrollWidth} px wide`);
        const shown = (el: Element) => el.getBoundingClientRect().width > 0;
        const offScreen = (el: Element) => {
          const box = el.getBoundingClientRect();
          return shown(el) && (box.left < 0 || box.right > width + 0.5);
        };
        const text = (el: Element) => el.textContent?.trim().replace(/\s+/g, ' ').slice(0, 30);
        // A ranking keeps every column it shows in view: rank, name and score among them.
        for (const cell of document.querySelectorAll('table.ranking tbody td')) {
          if (offScreen(cell)) out.push(`ranking cell "${text(cell)}" is off-screen`);
        }
        for (const table of document.querySelectorAll<HTMLTableElement>('.table-scroll > table')) {
          const headers = [...(table.tHead?.rows[0]?.cells ?? [])];
          const rows = [...table.tBodies].flatMap((body) => [...body.rows]);
          // The numbers a table is about (rank, score, points, amount) are in view before any scrolling.
          // A matrix (a heatmap's numbers, a column per period) is about all its columns: it scrolls,
          // with the hint and the sticky first column checked below.
          headers.forEach((header, column) => {
            if (!header.classList.contains('num') || table.classList.contains('matrix')) return;
            for (const row of rows) {
              const cell = row.cells[column];
              if (cell && offScreen(cell)) out.push(`"${text(header)}" cell "${text(cell)}" is off-screen`);
            }
          });
          const box = table.parentElement!;
          if (box.scrollWidth > box.clientWidth + 1) {
            const hint = box.parentElement?.querySelector('.scroll-hint');
            if (!hint || !shown(hint)) out.push(`"${text(table.caption ?? headers[0]!)}" scrolls without a visible hint`);
            const first = rows[0]?.cells[0];
            if (first && getComputedStyle(first).position !== 'sticky') out.push(`"${text(table.caption ?? headers[0]!)}" scrolls without a sticky first column`);
          }
        }
        for (const target of document.querySelectorAll('td a, th a, th button, .breadcrumb a, .search-results a, form button, form input')) {
          const { height } = target.getBoundingClientRect();
          if (shown(target) && height < 24) out.push(`tap target "${text(target)}" is ${height.toFixed(1)} px tall`);
        }
        return out;
      });
      problems.push(...found.map((problem) => `${path}: ${problem}`));
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  it('keeps a 360 px page 360 px wide when names have no break in them (a long code, a pasted URL)', async () => {
    const page = await open('/units/O03/', { width: 360, height: 800 });
    const { filled, scrollWidth } = await page.evaluate(() => {
      // Every place an entity's name sits on its page: heading, breadcrumb, facts, the list of its units.
      const places = document.querySelectorAll('h1, .breadcrumb a, .breadcrumb li[aria-current], dl.facts dd a, dl.facts dd span, ul.entities a');
      for (const place of places) place.textContent = 'X'.repeat(400);
      return { filled: places.length, scrollWidth: document.scrollingElement?.scrollWidth ?? 0 };
    });
    expect(filled).toBeGreaterThan(5);
    expect(scrollWidth).toBe(360);
    await page.close();
  });

  it('prints each kind of notice of the public edition alone on A4: no site navigation or footer, at most 4 pages', async () => {
    const published = await startStaticServer(await builtSample(locale));
    // review-h1: the candidate notice (拟表彰名单公示), and v1/ its first version, since corrected; decision-h1: the final
    // announcement; monthly-2025-09: a ranking notice; supervision-2025-Q3: a 通报 of findings.
    for (const path of ['/notices/review-h1/', '/notices/review-h1/v1/', '/notices/decision-h1/', '/notices/monthly-2025-09/', '/notices/supervision-2025-Q3/']) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${published.url}${path}`, { waitUntil: 'load' });
      expect(await printedParts(page), path).toEqual(NOTICE_ALONE);
      const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
      expect(pdfPageCount(pdf), path).toBeGreaterThanOrEqual(1);
      expect(pdfPageCount(pdf), path).toBeLessThanOrEqual(4);
      expect(new Set(pdfPageSizes(pdf).map(String)), path).toEqual(new Set(['595,842']));
      await page.close();
    }
    published.server.close();
  });

  // 吕宁雨 (S0106) of the sample; the index is the site's own, so no request leaves it.
  it('finds a person by two characters of their name, by pinyin initials, and shows their unit path', async () => {
    const page = await open('/search/');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    for (const query of ['宁雨', '吕宁', 'lny']) {
      await page.fill('input[name="q"]', query);
      await page.press('input[name="q"]', 'Enter');
      const hit = page.locator('.search-results li', { has: page.locator('a[href$="/staff/S0106/"]') });
      await hit.waitFor({ timeout: 10_000 });
      await expect(hit.textContent()).resolves.toContain('营业室 · 东湖网点');
      expect(new URL(page.url()).search).toBe(`?q=${encodeURIComponent(query)}`);
    }
    await page.fill('input[name="q"]', '不存在的名字');
    await page.press('input[name="q"]', 'Enter');
    await page.locator('.search-status', { hasText: '不存在的名字' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('.search-results li').count()).toBe(0);
    expect(requests.filter((url) => !url.startsWith(base))).toEqual([]);
    await page.close();
  });

  it('opens a search link without typing, and links a finding to its row', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('吕宁雨')}`);
    await page.locator('.search-results a[href$="/staff/S0106/"]').waitFor({ timeout: 10_000 });
    await expect(page.inputValue('input[name="q"]')).resolves.toBe('吕宁雨');
    await page.fill('input[name="q"]', '营业部');
    await page.press('input[name="q"]', 'Enter');
    const findingLink = page.locator('.search-results a[href*="#finding-"]').first();
    await findingLink.waitFor({ timeout: 10_000 });
    const finding = await findingLink.getAttribute('href');
    await page.goto(`${base}${finding!}`);
    await expect(page.locator(`[id="${finding!.split('#')[1]!}"]`).count()).resolves.toBe(1);
    await page.close();
  });

  it('compares a unit with others of its kind from the query string, by keyboard too, and refuses other kinds', async () => {
    const page = await open('/units/O01/?vs=O03,O07', { width: 360, height: 800 });
    const result = page.locator('.compare-result');
    await result.locator(':scope > svg[role="img"]').waitFor({ timeout: 10_000 });
    // Drawn at the phone's column width, so its 12-unit text is 12 px on screen, not shrunk to half.
    const shown = await result.locator(':scope > svg').evaluate((svg) => svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width);
    expect(shown).toBeGreaterThan(0.95);
    // One line per entity, and the same numbers in a table: a header and one column per entity.
    expect(await result.locator(':scope > svg path').count()).toBe(3);
    expect(await result.locator('thead th').count()).toBe(4);
    const names = await result.locator('thead th').allTextContents();
    expect(names.slice(1)).toEqual(await Promise.all(['O01', 'O03', 'O07'].map(async (id) => (await (await open(`/units/${id}/`)).locator('h1').textContent())!.trim())));
    // Its downloads are made in the page: the table as CSV (a BOM, a line per period), the drawing as PNG.
    const [csv] = await Promise.all([page.waitForEvent('download'), result.locator('.compare-downloads a', { hasText: 'CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe('compare-O01-O03-O07.csv');
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    expect(csvText.trimEnd().split('\n')).toHaveLength(1 + (await result.locator('tbody tr').count()));
    const [png] = await Promise.all([page.waitForEvent('download'), result.locator('.compare-downloads button').click()]);
    expect(readFileSync((await png.path())!).subarray(1, 4).toString('latin1')).toBe('PNG');
    // Typed and submitted with the keyboard alone: the page reloads with ?vs= and draws two lines.
    await page.focus('#compare-vs');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('O05');
    await Promise.all([page.waitForURL(/vs=O05/), page.keyboard.press('Enter')]);
    await result.locator(':scope > svg').waitFor({ timeout: 10_000 });
    expect(await result.locator(':scope > svg path').count()).toBe(2);
    // A staff member has no unit page, a made-up ID no page at all, and a path is no ID: each is
    // said and nothing is drawn. (Not through open(): the browser logs the expected 404s as errors.)
    for (const vs of ['S0012', 'NOPE', '../x', 'O02,O03,O04,O05']) {
      const refused = await browser.newPage();
      await refused.goto(`${base}/units/O01/?vs=${encodeURIComponent(vs)}`);
      await refused.waitForFunction(() => document.querySelector('.compare-status')?.textContent !== '');
      expect(await refused.locator('.compare-result').isHidden()).toBe(true);
      await refused.close();
    }
    await page.close();
  });

  it('opens every page type without console errors', async () => {
    for (const path of ['/', '/rankings/', '/notices/', '/findings/', '/methodology/', '/downloads/', '/search/?q=lny']) {
      const page = await open(path);
      await page.close();
    }
    expect(consoleErrors).toEqual([]);
  });
});
