// @ts-check
/**
 * The CLI, compiled once per code version, as the renderer is (src/render/compile.ts): esbuild
 * bundles scripts/podium.ts and the TypeScript it imports into one module, kept under
 * node_modules/.cache/podium-cli/<key>/. The key hashes those sources, the package files and the
 * project's own path. Every `podium` command then starts from that module, instead of compiling
 * some 130 TypeScript files through tsx each time: about half a second of CPU, and tsx's loader
 * thread, which on two cores competes with the build itself.
 *
 * Packages stay outside the bundle and load from node_modules, as they do under tsx. The bundle
 * lives inside the project, so that its imports find them.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cachedFolder, sealAndPlace, sourcesKey } from '../src/pipeline/cache-folders.mjs';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const ENTRY = path.join(PROJECT_ROOT, 'scripts', 'podium.ts');
/**
 * What the compiled CLI is made of, relative to the project. Packages are not bundled, but npm's
 * records of what is installed are hashed all the same, so that an install compiles afresh.
 */
const SOURCES = ['scripts/podium.ts', 'scripts/compile-cli.mjs', 'src', 'package.json', 'package-lock.json', 'tsconfig.json', 'node_modules/.package-lock.json'];
/** Written last into a compiled CLI: its key and the hash of every file it holds. */
const MANIFEST = 'podium-cli.json';
const BUNDLE = 'podium.mjs';
/** Compiled CLIs kept: a few, so that other branches' checkouts of the same project keep theirs. */
const KEPT_VERSIONS = 4;

export const CLI_CACHE_ROOT = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'podium-cli');

/**
 * The compiled CLI's module for this code, compiled now when there is no whole one; null when it
 * cannot be compiled (a syntax error, a cache folder that cannot be written), and the caller then
 * runs the TypeScript through tsx, which reports what is wrong as it always did.
 * @param {string} [cacheRoot]
 * @returns {Promise<string | null>}
 */
export async function compiledCli(cacheRoot = CLI_CACHE_ROOT) {
  try {
    const key = sourcesKey(PROJECT_ROOT, SOURCES, `root\0${PROJECT_ROOT}`);
    const dir = await cachedFolder({ cacheRoot, key, manifest: MANIFEST, kept: KEPT_VERSIONS }, (into) => compileInto(into, key, cacheRoot));
    return path.join(dir, BUNDLE);
  } catch {
    return null;
  }
}

/**
 * Bundles into a temp folder (`.compiling-*`) in the cache, renamed into place once sealed: a
 * compile that is stopped half way leaves nothing a later run could take for a CLI.
 * @param {string} dir
 * @param {string} key
 * @param {string} cacheRoot
 */
async function compileInto(dir, key, cacheRoot) {
  mkdirSync(cacheRoot, { recursive: true });
  // As deep as the folder it becomes, so that the source map's relative paths still hold there.
  const scratch = mkdtempSync(path.join(cacheRoot, '.compiling-'));
  try {
    const { build } = await import('esbuild');
    await build({
      entryPoints: { [path.basename(BUNDLE, '.mjs')]: ENTRY },
      outdir: scratch,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      // Each module the CLI imports only when a command needs it (the export, the search index)
      // becomes a file of its own, with the packages it imports: `podium validate` then
      // never loads Plot, Pagefind or pinyin-pro, and a build loads them while DuckDB scores.
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20.19',
      packages: 'external',
      // Read only with PODIUM_DEBUG (scripts/podium.mjs), so that a bug's stack names the sources.
      sourcemap: 'linked',
      logLevel: 'silent',
      plugins: [sourceModuleUrls],
    });
    sealAndPlace(scratch, dir, key, MANIFEST);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The sources find files beside them (sql/, calendar/, the workers' modules) from their own
 * `import.meta.url`. In a bundle that would be the bundle's, so each source's `import.meta.url`,
 * `.filename` and `.dirname` are written in as those of the file it came from.
 * @type {import('esbuild').Plugin}
 */
const sourceModuleUrls = {
  name: 'podium-source-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.(ts|mjs)$/ }, async ({ path: file }) => {
      if (file.split(path.sep).includes('node_modules')) return undefined;
      const source = await readFile(file, 'utf8');
      const own = { url: pathToFileURL(file).href, filename: file, dirname: path.dirname(file) };
      return {
        contents: source.replace(/\bimport\.meta\.(url|filename|dirname)\b/g, (_, name) => JSON.stringify(own[/** @type {keyof typeof own} */ (name)])),
        loader: file.endsWith('.ts') ? 'ts' : 'js',
      };
    });
  },
};
