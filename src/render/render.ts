/**
 * The render stage without Vite: worker threads call the renderer compiled for this code version
 * (src/render/compile.ts) for each page, with the model the export stage wrote, and the site
 * gets the compiled client assets and the build's public files beside the pages.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { MODEL_DIR_ENV, SHARD_ENV } from '../site/model.ts';
import { runTogether } from '../pipeline/processes.ts';
import { renderFailure } from '../pipeline/publish.ts';
import { markInUse } from '../pipeline/cache-folders.mjs';
import { compiledRenderer, compiledRendererIfWhole, rendererKey } from './compile.ts';
import { cachedHtml, modelHasher, readPageCache, readsHold, siteFile, stillHolds, writePageCache, type CachedPage, type ListedPage, type PageCacheIdentity } from './page-cache.mjs';
import type { PagePath } from './entry.ts';

/** Render workers at most; fewer on a machine with fewer cores. */
const RENDER_WORKERS = 2;
/**
 * Loading the renderer costs a worker about as much as rendering 70 pages, so a further worker
 * pays only with about this many pages to render; a data change usually needs a few dozen, which
 * one worker, started early, renders best.
 */
const PAGES_PER_WORKER = 100;

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

/** How many render workers a render starts at most on this machine. */
const workerLimit = () => Math.max(1, Math.min(os.availableParallelism(), RENDER_WORKERS));

/**
 * Render workers started before their model exists, so that loading the compiled renderer (about
 * half a second a worker, most of a small render) overlaps the stages that make the model; the
 * render hands them their shares, and `stop` ends any it did not need.
 */
export interface StartedWorkers {
  entry: string;
  modelDir: string;
  workers: RenderWorker[];
  stop(): void;
}

/**
 * Starts the render workers for the model that will be written to `modelDir`, when this code's
 * renderer is compiled already; null otherwise (the render stage compiles it, so that a build
 * refused before then never starts a compile).
 */
export function startRenderWorkers(modelDir: string, base: string): StartedWorkers | null {
  const renderer = compiledRendererIfWhole(base);
  if (!renderer) return null;
  // One: the others, if the pages need them, start with the render (PAGES_PER_WORKER).
  const workers = [new RenderWorker(renderer.entry, modelDir)];
  return { entry: renderer.entry, modelDir, workers, stop: () => workers.forEach((worker) => worker.stop()) };
}

/**
 * Renders the model in `modelDir` into `siteDir`; the build's Renderer, with the workers it
 * started early, if any (they are used when they load this renderer for this model).
 */
export async function renderCompiled(
  modelDir: string,
  publicDir: string,
  siteDir: string,
  base: string,
  signal?: AbortSignal,
  pageCache?: PageCacheOptions,
  started?: StartedWorkers | null,
): Promise<RenderCounts> {
  const renderer = await compiledRenderer(base, { signal });
  mkdirSync(siteDir, { recursive: true });
  cpSync(renderer.clientDir, siteDir, { recursive: true });
  cpSync(publicDir, siteDir, { recursive: true });
  // Another build's clean-up of page caches (build.ts) keeps this one while it is read and written.
  if (pageCache) markInUse(pageCache.dir);
  const identity: PageCacheIdentity | undefined = pageCache && { renderer: rendererKey(base), base, config: pageCache.config };
  const previous = pageCache && identity && !pageCache.clean ? readPageCache(pageCache.dir, identity) : { pages: {}, listing: null };
  const hashOf = modelHasher(modelDir);
  const entries: Record<string, CachedPage> = {};
  const counts: RenderCounts = { rendered: 0, reused: 0 };
  // While what listed the pages is unchanged, so are the pages: the unchanged ones are copied
  // here and the renderer is loaded only for the others, if any.
  let listing = previous.listing && readsHold(previous.listing.reads, hashOf) ? previous.listing : null;
  const toRender = listing ? copyUnchanged(listing.pages, previous.pages, pageCache!.dir, siteDir, hashOf, entries, counts) : null;
  const onMessage = (message: WorkerMessage) => {
    if (message.kind === 'listing') {
      const reads = [...new Set(message.pages.flatMap((page) => page.listingReads))].sort();
      listing = { reads: Object.fromEntries(reads.map((read) => [read, hashOf(read)])), pages: message.pages.map(({ pathname, component, file, status }) => ({ pathname, component, file, status })) };
      return;
    }
    counts[message.rendered ? 'rendered' : 'reused'] += 1;
    if (message.entry) entries[message.file] = message.entry;
  };
  const cache = pageCache ? { dir: pageCache.dir, pages: toRender ? {} : previous.pages } : null;
  // Every worker when the pages are not known yet (they list them); else as many as the pages pay for.
  const count = toRender ? Math.min(workerLimit(), Math.ceil(toRender.length / PAGES_PER_WORKER)) : workerLimit();
  const ready = started && started.entry === renderer.entry && started.modelDir === modelDir ? started.workers.slice(0, count) : [];
  // Those started early and not needed (none, or fewer, pages to render) end now.
  for (const worker of started?.workers ?? []) if (!ready.includes(worker)) worker.stop();
  await runTogether(
    Array.from({ length: count }, (_, index) => (stop: AbortSignal) => {
      const only = toRender && toRender.filter((_, i) => i % count === index);
      const worker = ready[index] ?? new RenderWorker(renderer.entry, modelDir);
      return worker.render({ siteDir, index, count, modelDir, only, cache }, onMessage, stop);
    }),
    signal,
  );
  if (pageCache && identity && listing) writePageCache(pageCache.dir, identity, listing, entries);
  return counts;
}

/** Copies the listed pages whose inputs are unchanged from the cache into the site; returns the files of the others. */
function copyUnchanged(
  pages: ListedPage[],
  cached: Record<string, CachedPage>,
  cacheDir: string,
  siteDir: string,
  hashOf: (read: string) => string,
  entries: Record<string, CachedPage>,
  counts: RenderCounts,
): string[] {
  const toRender: string[] = [];
  for (const page of pages) {
    const entry = cached[page.file];
    const html = stillHolds(entry, page, hashOf) ? cachedHtml(cacheDir, entry.html) : undefined;
    if (html === undefined || entry === undefined) {
      toRender.push(page.file);
      continue;
    }
    writeFileSync(siteFile(siteDir, page), html);
    entries[page.file] = entry;
    counts.reused += 1;
  }
  return toRender;
}

/** What a worker posts: the site's pages (the first worker, when it lists them), then each page it wrote. */
type WorkerMessage =
  | { kind: 'listing'; pages: PagePath[] }
  | {
      kind: 'page';
      file: string;
      rendered: boolean;
      /** Its page cache entry, when the build keeps a page cache. */
      entry?: CachedPage;
    };

/** A worker's share of the pages, posted to it once its model is written. */
interface Share {
  siteDir: string;
  index: number;
  count: number;
  modelDir: string;
  /** The files to render, when the build knows the pages; otherwise every `count`-th page from `index`. */
  only: string[] | null;
  cache: { dir: string; pages: Record<string, CachedPage> } | null;
}

/**
 * A render worker (worker.mjs): it loads the renderer as soon as it starts, then waits for its
 * share. The model's folder reaches the pages through the worker's own environment
 * (src/site/model.ts reads it), and each worker loads the renderer afresh, so nothing of one
 * build's model stays cached for the next.
 */
export class RenderWorker {
  private readonly worker: Worker;
  private failure: unknown;
  private readonly exited: Promise<number>;

  constructor(entry: string, modelDir: string) {
    this.worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { entry }, env: workerEnv(modelDir) });
    // Kept from the start: a worker that fails while loading, before it has a share, reports it then.
    this.worker.on('error', (error) => (this.failure ??= error));
    this.exited = new Promise((resolve) => this.worker.on('exit', resolve));
  }

  /** Renders the share, posting each page written to `onMessage`; settles when the worker has ended. */
  render(share: Share, onMessage: (message: WorkerMessage) => void, stop: AbortSignal): Promise<void> {
    stop.throwIfAborted();
    this.worker.on('message', onMessage);
    const terminate = () => this.stop();
    stop.addEventListener('abort', terminate, { once: true });
    this.worker.postMessage(share);
    return this.exited.then((code) => {
      stop.removeEventListener('abort', terminate);
      const failure = this.failure;
      if (stop.aborted) throw stop.reason;
      if (failure !== undefined) throw renderFailure(share.siteDir, failure instanceof Error ? failure.message : String(failure), failure);
      if (code !== 0) throw new Error(`render: a render worker stopped with exit code ${code}`);
    });
  }

  stop(): void {
    void this.worker.terminate();
  }
}

/** One worker's share, in a worker of its own (the benchmark of the page stage calls it directly). */
export function renderShare(share: Share & { entry: string }, onMessage: (message: WorkerMessage) => void, stop: AbortSignal): Promise<void> {
  const { entry, ...rest } = share;
  stop.throwIfAborted();
  return new RenderWorker(entry, share.modelDir).render(rest, onMessage, stop);
}

/** The build's environment with the model's folder, and without a share variable: every worker lists every page, and one left over would drop some. */
function workerEnv(modelDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, [MODEL_DIR_ENV]: modelDir };
  delete env[SHARD_ENV];
  return env;
}
