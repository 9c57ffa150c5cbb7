/**
 * The page cache (src/render/page-cache.mjs): a render that reuses cached pages gives the site a
 * clean render gives, byte for byte; a page is rendered again exactly when something it read of
 * the model changed; and a cache that is corrupt, foreign or hostile is rebuilt, never trusted.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/pipeline/build.ts';
import { renderCompiled, type PageCacheOptions } from '../../src/render/render.ts';
import { copyFixture, FIXTURES, editFile, tempDir } from '../support/fixture.ts';
import { listFiles } from '../support/sites.ts';

const SLOW = 600_000;

/** The hand-written model (hostile names included), copied so a test can change it. */
function modelCopy(): string {
  const modelDir = tempDir('model');
  cpSync(path.join(FIXTURES, 'site-model'), modelDir, { recursive: true });
  return modelDir;
}

const render = (modelDir: string, cache?: PageCacheOptions) => {
  const siteDir = path.join(tempDir('render'), 'site');
  return renderCompiled(modelDir, tempDir('public'), siteDir, '/', undefined, cache).then((counts) => ({ siteDir, counts }));
};

/** Files of two sites that differ (or are missing from one of them). */
function differences(a: string, b: string): string[] {
  const files = [...new Set([...listFiles(a), ...listFiles(b)])].sort();
  return files.filter((file) => {
    try {
      return !readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file)));
    } catch {
      return true;
    }
  });
}

const pageCount = (siteDir: string) => listFiles(siteDir).filter((file) => file.endsWith('.html')).length;
const manifestOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'pages.json'), 'utf8')) as { pages: Record<string, { html: string; reads: Record<string, string> }> };

describe('the page cache', () => {
  it(
    'renders again only the pages whose model reads changed, and the site equals a clean render',
    async () => {
      const modelDir = modelCopy();
      const cache = { dir: tempDir('page-cache'), config: 'config-1' };
      const first = await render(modelDir, cache);
      const pages = pageCount(first.siteDir);
      expect(first.counts).toEqual({ rendered: pages, reused: 0 });
      // What a page read is recorded field by field: a unit page reads its own file, not the home page's leaders.
      const unitReads = Object.keys(manifestOf(cache.dir).pages['units/O1/index.html']!.reads);
      expect(unitReads).toContain('units/O1.json');
      expect(unitReads).toContain('site.json#competition');
      expect(unitReads).not.toContain('site.json#home');

      // Nothing changed: nothing is rendered.
      const again = await render(modelDir, cache);
      expect(again.counts).toEqual({ rendered: 0, reused: pages });
      expect(differences(again.siteDir, first.siteDir)).toEqual([]);

      // One unit's own file changed: that page alone.
      editFile(modelDir, 'units/O1.json', (text) => text.replace('"name": "解放路网点"', '"name": "解放路网点（新）"'));
      const oneUnit = await render(modelDir, cache);
      expect(oneUnit.counts).toEqual({ rendered: 1, reused: pages - 1 });
      expect(differences(oneUnit.siteDir, (await render(modelDir)).siteDir)).toEqual([]);

      // A new unit: the pages are listed again; its page and those whose listing read the unit IDs are rendered.
      cpSync(path.join(modelDir, 'units', 'O4.json'), path.join(modelDir, 'units', 'O9.json'));
      editFile(modelDir, 'units/O9.json', (text) => text.replaceAll('"O4"', '"O9"').replaceAll('units/O4/', 'units/O9/'));
      editFile(modelDir, 'site.json', (text) => {
        const site = JSON.parse(text);
        site.unitIds.push('O9');
        return JSON.stringify(site, null, 2);
      });
      const newUnit = await render(modelDir, cache);
      const unitManifest = manifestOf(cache.dir).pages;
      const listingUnits = Object.keys(unitManifest).filter((file) => 'site.json#unitIds' in unitManifest[file]!.reads);
      expect(listingUnits).toContain('units/O9/index.html');
      expect(newUnit.counts).toEqual({ rendered: listingUnits.length, reused: pages + 1 - listingUnits.length });
      expect(differences(newUnit.siteDir, (await render(modelDir)).siteDir)).toEqual([]);
      const withNewUnit = pages + 1;

      // A field of site.json only the home page shows: the home page, and no unit page.
      editFile(modelDir, 'site.json', (text) => {
        const site = JSON.parse(text);
        site.home.latestNotices = [];
        return JSON.stringify(site, null, 2);
      });
      const home = await render(modelDir, cache);
      const homeManifest = manifestOf(cache.dir).pages;
      const readingHome = Object.keys(homeManifest).filter((file) => 'site.json#home' in homeManifest[file]!.reads);
      expect(readingHome).toContain('index.html');
      expect(readingHome).not.toContain('units/O1/index.html');
      expect(home.counts).toEqual({ rendered: readingHome.length, reused: withNewUnit - readingHome.length });
      expect(differences(home.siteDir, (await render(modelDir)).siteDir)).toEqual([]);

      // The competition's name is on every page: all of them.
      editFile(modelDir, 'site.json', (text) => text.replace('城东支行2025年文明优质服务竞赛', '城东支行2026年文明优质服务竞赛'));
      const everywhere = await render(modelDir, cache);
      expect(everywhere.counts).toEqual({ rendered: withNewUnit, reused: 0 });
      expect(differences(everywhere.siteDir, (await render(modelDir)).siteDir)).toEqual([]);
    },
    SLOW,
  );

  it(
    'is rebuilt, never trusted, when corrupt, foreign, hostile or cleaned',
    async () => {
      const modelDir = modelCopy();
      const clean = (await render(modelDir)).siteDir;
      const cache = { dir: tempDir('page-cache'), config: 'config-1' };
      const { counts } = await render(modelDir, cache);
      const pages = counts.rendered;

      // A cached page whose file was changed is rendered again; the others are reused.
      const { pages: entries } = manifestOf(cache.dir);
      const home = path.join(cache.dir, 'html', `${entries['index.html']!.html}.html`);
      writeFileSync(home, readFileSync(home, 'utf8').replace('<main', '<main data-stale'));
      const corruptPage = await render(modelDir, cache);
      expect(corruptPage.counts).toEqual({ rendered: 1, reused: pages - 1 });
      expect(differences(corruptPage.siteDir, clean)).toEqual([]);

      // Every page file gone: all rendered again.
      for (const name of readdirSync(path.join(cache.dir, 'html'))) writeFileSync(path.join(cache.dir, 'html', name), '');
      expect((await render(modelDir, cache)).counts).toEqual({ rendered: pages, reused: 0 });

      const rewrite = (edit: (manifest: Record<string, unknown>) => unknown) =>
        writeFileSync(path.join(cache.dir, 'pages.json'), JSON.stringify(edit(JSON.parse(readFileSync(path.join(cache.dir, 'pages.json'), 'utf8')))));
      const cases: [string, (manifest: Record<string, unknown>) => unknown][] = [
        ['a manifest cut short', () => '{"format": 1, "identity": '],
        ['a manifest of another format', (manifest) => ({ ...manifest, format: 2 })],
        ['a manifest of other code', (manifest) => ({ ...manifest, identity: { ...(manifest.identity as object), renderer: 'another-key' } })],
        // A read that leads out of the model would make a build hash a file elsewhere: the manifest is refused whole.
        [
          'a manifest with a read outside the model',
          (manifest) => {
            const pagesOf = manifest.pages as Record<string, { reads: Record<string, string> }>;
            pagesOf['index.html']!.reads['../../../etc/hostname'] = '0'.repeat(64);
            return manifest;
          },
        ],
        // Nor may a listed page be written outside the site.
        [
          'a listing with a page outside the site',
          (manifest) => {
            (manifest.listing as { pages: { file: string }[] }).pages[0]!.file = '../../outside/index.html';
            return manifest;
          },
        ],
      ];
      for (const [name, edit] of cases) {
        await render(modelDir, cache);
        rewrite(edit);
        const rebuilt = await render(modelDir, cache);
        expect(rebuilt.counts, name).toEqual({ rendered: pages, reused: 0 });
        expect(differences(rebuilt.siteDir, clean), name).toEqual([]);
      }

      // Another config, and --clean: everything rendered, and the cache written afresh.
      expect((await render(modelDir, { ...cache, config: 'config-2' })).counts).toEqual({ rendered: pages, reused: 0 });
      expect((await render(modelDir, { ...cache, config: 'config-2', clean: true })).counts).toEqual({ rendered: pages, reused: 0 });
      expect((await render(modelDir, { ...cache, config: 'config-2' })).counts).toEqual({ rendered: 0, reused: pages });
    },
    SLOW,
  );
});

describe('podium build with the page cache', () => {
  it(
    'reuses the pages of the previous build to the same output, and renders all after a config change or with clean',
    async () => {
      const dataDir = copyFixture('ranks');
      const outDir = path.join(tempDir('out'), 'site');
      const build = async (clean = false) => (await buildSite({ dataDir, outDir, clean })).pages;
      const first = await build();
      const pages = pageCount(outDir);
      expect(first).toEqual({ rendered: pages, reused: 0 });
      // The second build's "what changed" page compares with the first; the third's is the same as the second's.
      await build();
      expect(await build()).toEqual({ rendered: 0, reused: pages });
      expect(await build(true)).toEqual({ rendered: pages, reused: 0 });
      // A key no page shows (how many problems a refusal lists) still changes the config: everything is rendered.
      editFile(dataDir, 'competition.yaml', (text) => `${text}max_errors: 150\n`);
      expect(await build()).toEqual({ rendered: pages, reused: 0 });
    },
    SLOW,
  );

  it(
    'renders after a data change only the pages that change: a peer chart’s shared drawing changes, the pages of peers whose own numbers stand do not',
    async () => {
      const dataDir = tempDir('sample');
      cpSync('data', dataDir, { recursive: true });
      const outDir = path.join(tempDir('out'), 'site');
      await buildSite({ dataDir, outDir });
      const before = tempDir('before');
      cpSync(outDir, before, { recursive: true });
      // One praise of 于梓敏 (S0016), 2 points → 3: the staff ranking's October peers move.
      editFile(dataDir, 'events/2025-10.csv', (text) => text.replace('E0004481,2025-10-01,praise,,S0016,2,', 'E0004481,2025-10-01,praise,,S0016,3,'));
      const { pages } = await buildSite({ dataDir, outDir });
      const changed = differences(before, outDir);
      const changedPages = changed.filter((file) => file.endsWith('.html'));
      expect(changedPages).toContain('staff/S0016/index.html');
      expect(pages!.rendered).toBe(changedPages.length);
      // The staff whose page shows that ranking's October peers, without a change of their own.
      const drawingsOf = (page: string) => [...readFileSync(path.join(outDir, page), 'utf8').matchAll(/<img src="\/(charts\/peers\/[^"]+)"/g)].map((m) => m[1]!);
      const standing = listFiles(outDir).filter((file) => /^staff\/[^/]+\/index\.html$/.test(file) && !changedPages.includes(file) && drawingsOf(file).some((drawing) => changed.includes(drawing)));
      // Most of the 147 ranked: all but those whose rank or score moved.
      expect(standing.length).toBeGreaterThan(100);
    },
    SLOW,
  );
});
