// @ts-check
/**
 * A render worker: imports the compiled renderer (src/render/entry.ts) for the model named by
 * PODIUM_MODEL_DIR in its environment, then waits for its share of the site's pages (posted once
 * the model is written), renders them and writes them.
 * Every worker lists all pages the same way and takes every `count`-th from `index`, so the
 * shares need no coordination; or, when the build knows the pages from the page cache, renders
 * the pages it is given. A failed page throws, which ends the worker with that error. With a
 * page cache (page-cache.mjs), a page whose inputs are unchanged is copied from it instead of
 * rendered, and each page's cache entry is posted to the build, which writes the manifest.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { cachedHtml, modelHasher, siteFile, stillHolds, storeHtml } from './page-cache.mjs';

/** @type {{ entry: string }} */
const { entry } = workerData;

// Astro's App reports a page that threw as a 500 response and logs the cause to the console;
// what the current page logged is kept so the build's error can name the cause.
const logged = /** @type {string[]} */ ([]);
console.error = (...args) => void logged.push(args.map(String).join(' '));

// Loaded first, possibly before the model exists: the share follows once it is written (render.ts).
/** @type {import('./entry.ts').RendererExports} */
const renderer = await import(pathToFileURL(entry).href);
await renderer.preload();
/**
 * @type {{ siteDir: string, index: number, count: number, modelDir: string, only: string[] | null,
 *   cache: { dir: string, pages: Record<string, import('./page-cache.mjs').CachedPage> } | null }}
 */
const { siteDir, index, count, modelDir, only, cache } = await new Promise((resolve) => parentPort?.once('message', resolve));
const listed = await renderer.pagePaths();
if (index === 0 && only === null) parentPort?.postMessage({ kind: 'listing', pages: listed });
const wanted = only && new Set(only);
const pages = wanted === null ? listed.filter((_, i) => i % count === index) : listed.filter((page) => wanted.has(page.file));
// The listing the build took from the page cache held, so the renderer lists the same pages.
if (wanted !== null && pages.length !== wanted.size) throw new Error(`the page cache's listing names pages the renderer does not list (${wanted.size - pages.length} of ${wanted.size})`);
const hashOf = modelHasher(modelDir);
for (const page of pages) {
  const file = siteFile(siteDir, page);
  const cached = cache?.pages[page.file];
  const reused = cache && stillHolds(cached, page, hashOf) ? cachedHtml(cache.dir, cached.html) : undefined;
  if (reused && cached) {
    writeFileSync(file, reused);
    parentPort?.postMessage({ kind: 'page', file: page.file, entry: cached, rendered: false });
    continue;
  }
  const { status, html, reads } = await renderer.renderPage(page);
  if (status !== page.status) {
    throw new Error(`the page ${page.pathname} (${page.component}) rendered with status ${status}, expected ${page.status}\n${logged.join('\n')}`);
  }
  writeFileSync(file, html);
  logged.length = 0;
  if (cache) {
    const inputs = [...new Set([...page.listingReads, ...reads])].sort();
    const entry = { pathname: page.pathname, component: page.component, status, reads: Object.fromEntries(inputs.map((read) => [read, hashOf(read)])), html: storeHtml(cache.dir, html) };
    parentPort?.postMessage({ kind: 'page', file: page.file, entry, rendered: true });
  } else {
    parentPort?.postMessage({ kind: 'page', file: page.file, rendered: true });
  }
}
