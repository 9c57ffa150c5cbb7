/**
 * npx tsx scripts/bench-render.ts --model DIR [--every N] [--out DIR] [--base /] [--renderer DIR]
 * The page stage alone over a site model a build kept (`npm run bench -- --no-render --keep`
 * keeps its work folder; the model is its `model/`): one render worker, started as the build
 * starts them, renders every N-th page with the compiled renderer, and the CPU time it took per
 * page is printed. One worker, so `node --cpu-prof` profiles exactly the page work in that
 * worker's profile. The pages are written to --out (a scratch folder without it), to compare two
 * code versions byte for byte; --renderer takes another version's compiled renderer (a folder
 * under node_modules/.cache/podium-renderer/) instead of this one's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { compiledRenderer } from '../src/render/compile.ts';
import type { RendererExports } from '../src/render/entry.ts';
import { renderShare } from '../src/render/render.ts';
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
const modelDir = path.resolve(values.model);
const every = Number(values.every);
if (!Number.isInteger(every) || every < 1) throw new Error(`--every: expected a whole number of at least 1, found ${values.every}`);

const entry = values.renderer ? path.resolve(values.renderer, 'server', 'entry.mjs') : (await compiledRenderer(values.base)).entry;
// The pages are listed here, as the build's page cache lists them, and the worker renders those.
process.env[MODEL_DIR_ENV] = modelDir;
const pages = (await ((await import(pathToFileURL(entry).href)) as RendererExports).pagePaths()).filter((_, i) => i % every === 0);
const siteDir = values.out ? path.resolve(values.out) : mkdtempSync(path.join(os.tmpdir(), 'podium-bench-render-'));

const cpuBefore = process.cpuUsage();
const started = performance.now();
try {
  await renderShare({ entry, siteDir, index: 0, count: 1, modelDir, only: pages.map((page) => page.file), cache: null }, () => undefined, new AbortController().signal);
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `${pages.length} pages: ${cpuSeconds.toFixed(2)} s CPU (user ${(cpu.user / 1e6).toFixed(2)}, sys ${(cpu.system / 1e6).toFixed(2)}; the worker's start included), ` +
      `${((cpuSeconds * 1000) / pages.length).toFixed(2)} ms CPU per page, ${((performance.now() - started) / 1000).toFixed(2)} s wall`,
  );
} finally {
  if (!values.out) rmSync(siteDir, { recursive: true, force: true });
}
