/**
 * The bench competition (scripts/bench-data.ts) at a moderate size, 1,500 staff: every page of
 * the built site stays under 1 MB, and the search page finds a person by two characters of their
 * name among all of them. The bound carries to any size: a ranking page holds at most
 * ranking_page_size (500) rows and a heatmap 50, so past 500 staff no page grows with the staff. The full bench size is
 * measured by `npm run bench` (README, Performance); this keeps the same bounds in every test run.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { writeBenchCompetition } from '../../scripts/bench-data.ts';
import { startStaticServer } from '../../src/pipeline/static-server.ts';
import { buildSite } from '../../src/pipeline/build.ts';
import { tempDir } from '../support/fixture.ts';
import { listFiles } from '../support/sites.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MEGABYTE = 1024 * 1024;
const STAFF = 1500;

/** A person and two characters that are in their name and in nobody else's, so the search must find exactly them. */
function uniquePair(staffCsv: string): { id: string; name: string; query: string } {
  const rows = Papa.parse<{ staff_id: string; name: string }>(staffCsv, { header: true, skipEmptyLines: true }).data;
  const holders = new Map<string, Set<string>>();
  for (const row of rows) {
    const chars = [...row.name];
    for (let i = 0; i + 2 <= chars.length; i++) {
      const pair = chars.slice(i, i + 2).join('');
      holders.set(pair, (holders.get(pair) ?? new Set()).add(row.staff_id));
    }
  }
  // The person half-way down the list with such a pair: not the first page of anything.
  const candidates = rows.filter((row) => [...row.name].some((_, i, chars) => holders.get(chars.slice(i, i + 2).join(''))?.size === 1));
  const person = candidates[Math.floor(candidates.length / 2)]!;
  const chars = [...person.name];
  const query = chars.map((_, i) => chars.slice(i, i + 2).join('')).find((pair) => pair.length === 2 && holders.get(pair)?.size === 1)!;
  return { id: person.staff_id, name: person.name, query };
}

describe('a competition of a few thousand staff', () => {
  let site: string;
  let dataDir: string;

  beforeAll(async () => {
    const root = tempDir('large');
    dataDir = path.join(root, 'data');
    site = path.join(root, 'site');
    await writeBenchCompetition(dataDir, { outlets: 60, staff: STAFF, events: 20_000, months: 12 });
    await buildSite({ dataDir, outDir: site });
  });

  it('has no HTML page of 1 MB or more, and pages its staff ranking', () => {
    const pages = listFiles(site).filter((file) => file.endsWith('.html'));
    expect(pages.filter((file) => file.startsWith('staff/'))).toHaveLength(STAFF);
    const sizes = pages.map((file) => ({ file, bytes: statSync(path.join(site, file)).size }));
    expect(sizes.filter((page) => page.bytes >= MEGABYTE)).toEqual([]);
    // A ranking of 1,500 staff is split into pages of 500 (ranking_page_size).
    expect(pages.filter((file) => /^rankings\/[^/]+\/staff\/\d+\/index\.html$/.test(file)).length).toBeGreaterThan(0);
  });

  (existsSync(CHROMIUM) ? describe : describe.skip)('in a browser', () => {
    let browser: Browser;
    let server: Server;
    let base: string;

    beforeAll(async () => {
      ({ server, url: base } = await startStaticServer(site));
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    });

    afterAll(async () => {
      await browser?.close();
      server?.close();
    });

    it('finds a person by two characters of their name', async () => {
      const { id, name, query } = uniquePair(readFileSync(path.join(dataDir, 'staff.csv'), 'utf8'));
      const page = await browser.newPage();
      await page.goto(`${base}/search/?q=${encodeURIComponent(query)}`);
      const hit = page.locator(`.search-results a[href$="/staff/${id}/"]`);
      await hit.waitFor({ timeout: 20_000 });
      await expect(hit.textContent()).resolves.toContain(name);
      await page.close();
    });
  });
});
