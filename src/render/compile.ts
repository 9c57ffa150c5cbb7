/**
 * The renderer, compiled once per code version: Astro builds the site as a server bundle
 * (src/render/adapter.mjs, src/render/entry.ts) and its client assets, and keeps them under
 * node_modules/.cache/podium-renderer/<key>/. The key hashes everything the bundle is made of
 * (src/, the Astro config, the package files, the TypeScript config) and the site's base, so a
 * data build reuses the bundle while the code is unchanged and recompiles it when it is not.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { keepNewestFolders, markInUse } from '../pipeline/files.ts';
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

const RendererManifest = z.strictObject({
  key: z.string(),
  files: z.record(z.string(), z.string()),
});

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
  const dir = path.join(cacheRoot, key);
  if (!isWhole(dir, key)) {
    await compileInto(dir, key, base, signal);
    keepNewestFolders(cacheRoot, MANIFEST, KEPT_VERSIONS);
  }
  markInUse(dir);
  return rendererIn(dir);
}

/** The renderer for this code and base when it is compiled and whole; null when it would have to be compiled. */
export function compiledRendererIfWhole(base: string, cacheRoot = DEFAULT_CACHE_ROOT): CompiledRenderer | null {
  const key = rendererKey(base);
  const dir = path.join(cacheRoot, key);
  return isWhole(dir, key) ? rendererIn(dir) : null;
}

const rendererIn = (dir: string): CompiledRenderer => ({ entry: path.join(dir, 'server', 'entry.mjs'), clientDir: path.join(dir, 'client') });

/** The hash of every source file of the renderer, by path and content, and of the base. */
export function rendererKey(base: string, projectRoot = PROJECT_ROOT): string {
  const hash = createHash('sha256');
  hash.update(`base\0${base}\0`);
  for (const file of SOURCES.flatMap((source) => filesUnder(projectRoot, source))) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(projectRoot, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

/** Files under `rel` (a file or a folder) as sorted project-relative paths. */
function filesUnder(root: string, rel: string): string[] {
  const full = path.join(root, rel);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [rel];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Every file of a folder with its SHA-256, by sorted relative path. */
function fileHashes(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const file of filesUnder(dir, '.').filter((file) => file !== MANIFEST)) {
    hashes[file] = createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex');
  }
  return hashes;
}

/**
 * A cached renderer is used only when its manifest names this key and every file it lists is
 * there with the same content and no other file is: a half-deleted, edited or foreign folder
 * is compiled again, never trusted.
 */
export function isWhole(dir: string, key: string): boolean {
  try {
    const manifest = RendererManifest.parse(JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')));
    if (manifest.key !== key) return false;
    const found = fileHashes(dir);
    const listed = Object.keys(manifest.files);
    return listed.length === Object.keys(found).length && listed.every((file) => found[file] === manifest.files[file]);
  } catch {
    return false;
  }
}

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
    writeFileSync(path.join(out, MANIFEST), `${JSON.stringify({ key, files: fileHashes(out) })}\n`);
    // A broken folder under this key (it failed isWhole) gives way; a whole one that another
    // build renamed in meanwhile is kept, and ours dropped.
    if (existsSync(dir) && !isWhole(dir, key)) rmSync(dir, { recursive: true, force: true });
    mkdirSync(path.dirname(dir), { recursive: true });
    try {
      renameSync(out, dir);
    } catch (error) {
      if (!isWhole(dir, key)) throw error;
    }
  } finally {
    removeOwnedTemp(scratch);
  }
}

/** Renderers kept: a few, so builds of other bases or branches running beside this one keep theirs. */
const KEPT_VERSIONS = 8;
