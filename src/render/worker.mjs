// @ts-check
/**
 * A render worker: imports the compiled renderer (src/render/entry.ts) for the model named by
 * PODIUM_MODEL_DIR in its environment, renders its share of the site's pages and writes them.
 * Every worker lists all pages the same way and takes every `count`-th from `index`, so the
 * shares need no coordination. A failed page throws, which ends the worker with that error.
 * With a page cache (page-cache.mjs), a page whose inputs are unchanged is copied from it instead
 * of rendered, and each page's cache entry is posted to the build, which writes the manifest.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { cachedHtml, modelHasher, stillHolds, storeHtml } from './page-cache.mjs';

/**
 * @type {{ entry: string, siteDir: string, index: number, count: number, modelDir: string,
 *   cache: { dir: string, pages: Record<string, import('./page-cache.mjs').CachedPage> } | null }}
 */
const { entry, siteDir, index, count, modelDir, cache } = workerData;

// Astro's App reports a page that threw as a 500 response and logs the cause to the console;
// what the current page logged is kept so the build's error can name the cause.
const logged = /** @type {string[]} */ ([]);
console.error = (...args) => void logged.push(args.map(String).join(' '));

/** @type {import('./entry.ts').RendererExports} */
const renderer = await import(pathToFileURL(entry).href);
const pages = (await renderer.pagePaths()).filter((_, i) => i % count === index);
const hashOf = modelHasher(modelDir);
for (const page of pages) {
  const file = path.resolve(siteDir, page.file);
  // A page's path comes from the data's IDs: it never leads out of the site.
  if (path.relative(siteDir, file).split(path.sep)[0] === '..') throw new Error(`the page ${page.pathname} would be written outside the site, at ${file}`);
  mkdirSync(path.dirname(file), { recursive: true });
  const cached = cache?.pages[page.file];
  const reused = cache && stillHolds(cached, page, hashOf) ? cachedHtml(cache.dir, cached.html) : undefined;
  if (reused && cached) {
    writeFileSync(file, reused);
    parentPort?.postMessage({ file: page.file, entry: cached, rendered: false });
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
    parentPort?.postMessage({ file: page.file, entry, rendered: true });
  } else {
    parentPort?.postMessage({ file: page.file, rendered: true });
  }
}
