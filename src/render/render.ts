/**
 * The render stage without Vite: worker threads call the renderer compiled for this code version
 * (src/render/compile.ts) for each page, with the model the export stage wrote, and the site
 * gets the compiled client assets and the build's public files beside the pages.
 */
import { cpSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { MODEL_DIR_ENV, SHARD_ENV } from '../site/model.ts';
import { runTogether } from '../pipeline/processes.ts';
import { renderFailure } from '../pipeline/publish.ts';
import { compiledRenderer, rendererKey } from './compile.ts';
import { readPageCache, writePageCache, type CachedPage, type PageCacheIdentity } from './page-cache.mjs';
import { writeSearchIndex } from '../pipeline/search-index.ts';

/** Render workers at most; fewer on a machine with fewer cores. */
const RENDER_WORKERS = 2;

/** Where a build keeps its page cache, and what it must match (README, Decisions, "Incremental builds"). */
export interface PageCacheOptions {
  dir: string;
  /** A hash of the build's config: pages cached under another config are not reused. */
  config: string;
  /** Render every page, reusing nothing; the cache is then written afresh. */
  clean?: boolean;
}

/** How many pages were rendered and how many copied from the page cache. */
export interface RenderCounts {
  rendered: number;
  reused: number;
}

/** Renders the model in `modelDir` into `siteDir`; the same signature as the build's Renderer. */
export async function renderCompiled(
  modelDir: string,
  publicDir: string,
  siteDir: string,
  base: string,
  signal?: AbortSignal,
  pageCache?: PageCacheOptions,
): Promise<RenderCounts> {
  const renderer = await compiledRenderer(base, { signal });
  mkdirSync(siteDir, { recursive: true });
  cpSync(renderer.clientDir, siteDir, { recursive: true });
  cpSync(publicDir, siteDir, { recursive: true });
  const identity: PageCacheIdentity | undefined = pageCache && { renderer: rendererKey(base), base, config: pageCache.config };
  const cache = pageCache && identity ? { dir: pageCache.dir, pages: pageCache.clean ? {} : readPageCache(pageCache.dir, identity) } : null;
  const entries: Record<string, CachedPage> = {};
  const counts: RenderCounts = { rendered: 0, reused: 0 };
  const onPage = (done: PageDone) => {
    counts[done.rendered ? 'rendered' : 'reused'] += 1;
    if (done.entry) entries[done.file] = done.entry;
  };
  const count = Math.max(1, Math.min(os.availableParallelism(), RENDER_WORKERS));
  await runTogether(
    Array.from({ length: count }, (_, index) => (stop: AbortSignal) => renderShare({ entry: renderer.entry, siteDir, index, count, modelDir, cache }, onPage, stop)),
    signal,
  );
  if (cache && identity) writePageCache(cache.dir, identity, entries);
  await writeSearchIndex(modelDir, siteDir);
  return counts;
}

/** What a worker posts for each page it wrote. */
interface PageDone {
  file: string;
  rendered: boolean;
  /** Its page cache entry, when the build keeps a page cache. */
  entry?: CachedPage;
}

interface Share {
  entry: string;
  siteDir: string;
  index: number;
  count: number;
  modelDir: string;
  cache: { dir: string; pages: Record<string, CachedPage> } | null;
}

/**
 * One worker's share. The model's folder reaches the pages through the worker's own environment
 * (src/site/model.ts reads it), and each worker loads the renderer afresh, so nothing of one
 * build's model stays cached for the next.
 */
function renderShare(share: Share, onPage: (done: PageDone) => void, stop: AbortSignal): Promise<void> {
  stop.throwIfAborted();
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
      workerData: share,
      env: workerEnv(share.modelDir),
    });
    worker.on('message', onPage);
    const terminate = () => void worker.terminate();
    stop.addEventListener('abort', terminate, { once: true });
    let failure: unknown;
    worker.on('error', (error) => (failure ??= error));
    worker.on('exit', (code) => {
      stop.removeEventListener('abort', terminate);
      if (stop.aborted) reject(stop.reason);
      else if (failure !== undefined) reject(renderFailure(share.siteDir, failure instanceof Error ? failure.message : String(failure), failure));
      else if (code !== 0) reject(new Error(`render: a render worker stopped with exit code ${code}`));
      else resolve();
    });
  });
}

/** The build's environment with the model's folder, and without a share variable: every worker lists every page, and one left over would drop some. */
function workerEnv(modelDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, [MODEL_DIR_ENV]: modelDir };
  delete env[SHARD_ENV];
  return env;
}
