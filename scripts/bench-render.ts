/**
 * npx tsx scripts/bench-render.ts --model DIR [--every N] [--out DIR] [--base /] [--renderer DIR]
 * The page stage alone, in this one thread, over a site model a build kept (`npm run bench --
 * --no-render --keep` keeps its work folder; the model is its `model/`): renders every N-th page
 * with the compiled renderer, as a render worker does, and prints the CPU time it took per page.
 * One thread, so `node --cpu-prof` profiles exactly the page work; with --out the pages are
 * written there, to compare two code versions byte for byte; --renderer takes another version's
 * compiled renderer (a folder under node_modules/.cache/podium-renderer/) instead of this one's.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { compiledRenderer } from '../src/render/compile.ts';
import type { RendererExports } from '../src/render/entry.ts';
import { MODEL_DIR_ENV } from '../src/site/model.ts';

const { values } = parseArgs({
  options: {
    model: { type: 'string' },
    every: { type: 'string', default: '1' },
    out: { type: 'string' },
    base: { type: 'string', default: '/' },
    renderer: { type: 'string' },
  },
});
if (!values.model) throw new Error('--model DIR: the model folder of a kept build is required');
process.env[MODEL_DIR_ENV] = path.resolve(values.model);
const every = Number(values.every);
if (!Number.isInteger(every) || every < 1) throw new Error(`--every: expected a whole number of at least 1, found ${values.every}`);

const entry = values.renderer ? path.resolve(values.renderer, 'server', 'entry.mjs') : (await compiledRenderer(values.base)).entry;
const renderer = (await import(pathToFileURL(entry).href)) as RendererExports;
const pages = (await renderer.pagePaths()).filter((_, i) => i % every === 0);
const cpuBefore = process.cpuUsage();
const started = performance.now();
let bytes = 0;
for (const page of pages) {
  const { status, html } = await renderer.renderPage(page);
  if (status !== page.status) throw new Error(`${page.pathname} rendered with status ${status}, expected ${page.status}`);
  bytes += Buffer.byteLength(html);
  if (values.out) {
    const file = path.join(values.out, page.file);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, html);
  }
}
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(
  `${pages.length} pages: ${cpuSeconds.toFixed(2)} s CPU (user ${(cpu.user / 1e6).toFixed(2)}, sys ${(cpu.system / 1e6).toFixed(2)}), ` +
    `${((cpuSeconds * 1000) / pages.length).toFixed(2)} ms CPU per page, ${((performance.now() - started) / 1000).toFixed(2)} s wall, ` +
    `${(bytes / pages.length / 1024).toFixed(1)} KiB HTML per page`,
);
