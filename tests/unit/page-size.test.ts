/**
 * The page-size guard: after render, the build lists every HTML page of 1 MB or more as a
 * warning, and still publishes it (README Decisions, "Pages heavier than a phone should load").
 */
import { cpSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, oversizedPages, PAGE_SIZE_LIMIT_BYTES, type Renderer } from '../../src/pipeline/build.ts';
import { copyFixture, tempDir } from '../support/fixture.ts';

function write(dir: string, file: string, bytes: number): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), 'x'.repeat(bytes));
}

describe('oversizedPages', () => {
  it('is 1 MiB by default, the measure the large-site test holds every page under', () => {
    expect(PAGE_SIZE_LIMIT_BYTES).toBe(1_048_576);
  });

  it('lists the HTML pages of the limit or more, by path, and nothing else', () => {
    const site = tempDir('page-size');
    write(site, 'index.html', 10);
    write(site, 'staff/S1/index.html', 1001);
    write(site, 'notices/h1/index.html', 1000); // exactly the limit: not under it
    write(site, 'rankings/outlets/1/index.html', 999);
    write(site, 'downloads/ledger.csv', 5000); // not a page
    write(site, 'odd.html/index.txt', 5000); // a folder named like a page
    expect(oversizedPages(site, 1000)).toEqual([
      { page: 'notices/h1/index.html', bytes: 1000 },
      { page: 'staff/S1/index.html', bytes: 1001 },
    ]);
  });

  it('finds none in a site of small pages', () => {
    const site = tempDir('page-size-small');
    write(site, 'index.html', 999);
    expect(oversizedPages(site, 1000)).toEqual([]);
  });
});

/** Builds the s1 fixture with a renderer that writes `pages` (path → bytes) and nothing else. */
async function buildWithPages(pages: Record<string, number>) {
  const out = path.join(tempDir('page-size-out'), 'site');
  const render: Renderer = async (_modelDir, publicDir, siteDir) => {
    cpSync(publicDir, siteDir, { recursive: true });
    for (const [file, bytes] of Object.entries(pages)) write(siteDir, file, bytes);
  };
  return { out, report: await buildSite({ dataDir: copyFixture('s1-worked'), outDir: out, render }) };
}

describe('a build with a page over 1 MB', () => {
  it('publishes it and warns with its path and size', async () => {
    // 1.5 MiB = 1,572,864 bytes.
    const { out, report } = await buildWithPages({ 'index.html': 100, 'notices/h1/index.html': 1_572_864 });
    expect(report.warnings).toEqual(['notices/h1/index.html is 1.50 MB (1572864 bytes), over the 1.00 MB a page may weigh on a phone']);
    expect(statSync(path.join(out, 'notices/h1/index.html')).size).toBe(1_572_864);
  });

  it('says nothing when every page is lighter', async () => {
    expect((await buildWithPages({ 'index.html': 100 })).report.warnings).toEqual([]);
  });
});
