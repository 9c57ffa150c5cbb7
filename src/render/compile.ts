/**
 * The renderer, compiled once per code version: Astro builds the site as a server bundle
 * (src/render/adapter.mjs, src/render/entry.ts) and its client assets, and keeps them under
 * node_modules/.cache/podium-renderer/<key>/. The key hashes everything the bundle is made of
 * (src/, the Astro config, the package files, the TypeScript config) and the site's base, so a
 * data build reuses the bundle while the code is unchanged and recompiles it when it is not.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedFolder, isWholeFolder, sealAndPlace, sourcesKey } from '../pipeline/cache-folders.mjs';
import { runProcess } from '../pipeline/processes.ts';
import { makeOwnedTemp, removeOwnedTemp, RENDER_PREFIX, renderFailure } from '../pipeline/publish.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/**
 * The files and folders, relative to the project, that the compiled renderer is made of. npm's
 * record of what is installed (node_modules/.package-lock.json) changes with every install, also
 * one that leaves package-lock.json as it was.
 */
const SOURCES = ['src', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'node_modules/.package-lock.json'];
/** Written last into a compiled renderer: its key and the hash of every file it holds. */
const MANIFEST = 'podium-renderer.json';
/** Names that Astro's config reads to compile the renderer instead of building static pages. */
const RENDERER_OUT_ENV = 'PODIUM_RENDERER_OUT_DIR';

/** A compiled renderer: the server entry to import and the client assets every site gets. */
export interface CompiledRenderer {
  entry: string;
  clientDir: string;
}

export interface CompileOptions {
  signal?: AbortSignal;
  /** Where compiled renderers are kept; inside the project, so their imports find its node_modules. */
  cacheRoot?: string;
}

export const DEFAULT_CACHE_ROOT = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'podium-renderer');

/** The renderer for this code and base: the cached one when it is whole, compiled afresh otherwise. */
export async function compiledRenderer(base: string, { signal, cacheRoot = DEFAULT_CACHE_ROOT }: CompileOptions = {}): Promise<CompiledRenderer> {
  const key = rendererKey(base);
  const dir = await cachedFolder({ cacheRoot, key, manifest: MANIFEST, kept: KEPT_VERSIONS }, (into) => compileInto(into, key, base, signal));
  return rendererIn(dir);
}

/** The renderer for this code and base when it is compiled and whole; null when it would have to be compiled. */
export function compiledRendererIfWhole(base: string, cacheRoot = DEFAULT_CACHE_ROOT): CompiledRenderer | null {
  const key = rendererKey(base);
  const dir = path.join(cacheRoot, key);
  return isWhole(dir, key) ? rendererIn(dir) : null;
}

const rendererIn = (dir: string): CompiledRenderer => ({ entry: path.join(dir, 'server', 'entry.mjs'), clientDir: path.join(dir, 'client') });

/** Keys already worked out by this process, by project and base. */
const keys = new Map<string, string>();

/**
 * The hash of every source file of the renderer, by path and content, and of the base. Worked out
 * once per process: a build asks three times (to start its workers, to render, for the page cache),
 * and one build runs one version of the code.
 */
export function rendererKey(base: string, projectRoot = PROJECT_ROOT): string {
  const id = `${projectRoot}\0${base}`;
  let key = keys.get(id);
  if (key === undefined) keys.set(id, (key = sourcesKey(projectRoot, SOURCES, `base\0${base}`)));
  return key;
}

/** Whether the renderer in `dir` is whole and of this key (isWholeFolder). */
export const isWhole = (dir: string, key: string): boolean => isWholeFolder(dir, key, MANIFEST);

/**
 * Compiles with Astro's CLI in a child process, so Vite's memory and modules stay out of the
 * build, into a temp folder that is renamed into place once whole: a compile that is stopped
 * half way leaves nothing a later build could take for a renderer.
 */
async function compileInto(dir: string, key: string, base: string, signal: AbortSignal | undefined): Promise<void> {
  const scratch = makeOwnedTemp(PROJECT_ROOT, RENDER_PREFIX);
  try {
    const out = path.join(scratch, 'renderer');
    const cwd = path.join(scratch, 'cwd');
    const emptyPublic = path.join(scratch, 'public');
    for (const folder of [cwd, emptyPublic]) mkdirSync(folder);
    const env = {
      ...process.env,
      [RENDERER_OUT_ENV]: out,
      PODIUM_PUBLIC_DIR: emptyPublic,
      PODIUM_BASE: base,
      PODIUM_VITE_CACHE_DIR: path.join(PROJECT_ROOT, 'node_modules', '.vite', 'renderer'),
      ASTRO_TELEMETRY_DISABLED: '1',
      // Astro bundles the client for whatever NODE_ENV says (vitest sets "test"); a published
      // site always gets the production bundle, whoever compiles it.
      NODE_ENV: 'production',
    };
    const astro = path.join(PROJECT_ROOT, 'node_modules', 'astro', 'astro.js');
    try {
      await runProcess(process.execPath, [astro, 'build', '--root', PROJECT_ROOT, '--silent'], { env, cwd, signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw renderFailure(out, `${stdout}${stderr}`, error);
    }
    sealAndPlace(out, dir, key, MANIFEST);
  } finally {
    removeOwnedTemp(scratch);
  }
}

/** Renderers kept: a few, so builds of other bases or branches running beside this one keep theirs. */
const KEPT_VERSIONS = 8;
