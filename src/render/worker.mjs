// @ts-check
/**
 * A render worker: imports the compiled renderer (src/render/entry.ts) for the model named by
 * PODIUM_MODEL_DIR in its environment, renders its share of the site's pages and writes them.
 * Every worker lists all pages the same way and takes every `count`-th from `index`, so the
 * shares need no coordination. A failed page throws, which ends the worker with that error.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';

/** @type {{ entry: string, siteDir: string, index: number, count: number }} */
const { entry, siteDir, index, count } = workerData;

// Astro's App reports a page that threw as a 500 response and logs the cause to the console;
// what the current page logged is kept so the build's error can name the cause.
const logged = /** @type {string[]} */ ([]);
console.error = (...args) => void logged.push(args.map(String).join(' '));

/** @type {import('./entry.ts').RendererExports} */
const renderer = await import(pathToFileURL(entry).href);
const pages = (await renderer.pagePaths()).filter((_, i) => i % count === index);
for (const page of pages) {
  const { status, html } = await renderer.renderPage(page);
  if (status !== page.status) {
    throw new Error(`the page ${page.pathname} (${page.component}) rendered with status ${status}, expected ${page.status}\n${logged.join('\n')}`);
  }
  const file = path.resolve(siteDir, page.file);
  // A page's path comes from the data's IDs: it never leads out of the site.
  if (path.relative(siteDir, file).split(path.sep)[0] === '..') throw new Error(`the page ${page.pathname} would be written outside the site, at ${file}`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, html);
  logged.length = 0;
}
