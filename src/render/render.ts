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
import { compiledRenderer } from './compile.ts';

/** Render workers at most; fewer on a machine with fewer cores. */
const RENDER_WORKERS = 2;

/** Renders the model in `modelDir` into `siteDir`; the same signature as the build's Renderer. */
export async function renderCompiled(modelDir: string, publicDir: string, siteDir: string, base: string, signal?: AbortSignal): Promise<void> {
  const renderer = await compiledRenderer(base, { signal });
  mkdirSync(siteDir, { recursive: true });
  cpSync(renderer.clientDir, siteDir, { recursive: true });
  cpSync(publicDir, siteDir, { recursive: true });
  const count = Math.max(1, Math.min(os.availableParallelism(), RENDER_WORKERS));
  await runTogether(
    Array.from({ length: count }, (_, index) => (stop: AbortSignal) => renderShare({ entry: renderer.entry, siteDir, index, count }, modelDir, stop)),
    signal,
  );
}

/**
 * One worker's share. The model's folder reaches the pages through the worker's own environment
 * (src/site/model.ts reads it), and each worker loads the renderer afresh, so nothing of one
 * build's model stays cached for the next.
 */
function renderShare(share: { entry: string; siteDir: string; index: number; count: number }, modelDir: string, stop: AbortSignal): Promise<void> {
  stop.throwIfAborted();
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
      workerData: share,
      env: workerEnv(modelDir),
    });
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
