// @ts-check
/**
 * The page cache: each page's HTML is reused while everything that went into it is unchanged,
 * so a data build renders only the pages its change reaches (README, Decisions, "Incremental
 * builds"). A page's entry records what the page read of the model while it rendered (files, and
 * site.json field by field: src/site/model.ts) and its route's listing read, each with the
 * SHA-256 of its content; a later build reuses the page when every one of them hashes the same
 * and the renderer (the code), the base and the config are those the cache was made with.
 * A page depends only on what it reads, since the renderer is the same code: unchanged inputs
 * give the same HTML.
 *
 * On disk, one folder per output folder: `pages.json` (the manifest, written last) and
 * `html/<sha256>.html`, each checked against its name before use. A manifest that does not
 * parse, or was made by other code, another base or config, is dropped whole; a page file that
 * is missing or does not hash to its name is rendered again.
 *
 * Plain JavaScript: the render workers (worker.mjs) use it as well as the build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SITE_FIELD_PREFIX } from '../site/model-reads.mjs';

/** Raised when the manifest's form changes, so an older cache is dropped instead of misread. */
const FORMAT = 1;
export const PAGE_CACHE_MANIFEST = 'pages.json';
const HTML_DIR = 'html';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A model file (`units/O1.json`) or a site.json field: never a path out of the model. */
const ModelRead = z
  .string()
  .regex(/^(?:site\.json#[\p{L}\p{N}_$]+|[\p{L}\p{N}_.~%-]+(?:\/[\p{L}\p{N}_.~%-]+)*)$/u)
  .refine((read) => read.split('/').every((segment) => segment !== '.' && segment !== '..'));

/** A page's file in the site, as the renderer names it: relative, and never leading out of the site. */
const SiteFile = z
  .string()
  .min(1)
  .refine((file) => !path.isAbsolute(file) && file.split(/[\\/]/).every((segment) => segment !== '' && segment !== '.' && segment !== '..'));

/** A page of the site's listing, in the renderer's order. */
const ListedPage = z.strictObject({ pathname: z.string(), component: z.string(), file: SiteFile, status: z.number().int() });
/** @typedef {z.infer<typeof ListedPage>} ListedPage */

/**
 * Every page of the site and what listing them read (getStaticPaths): while that is unchanged,
 * the build knows the pages without loading the renderer, and loads it only for pages to render.
 */
const Listing = z.strictObject({ reads: z.record(ModelRead, Sha256), pages: z.array(ListedPage) });
/** @typedef {z.infer<typeof Listing>} Listing */

const CachedPage = z.strictObject({
  pathname: z.string(),
  component: z.string(),
  status: z.number().int(),
  /** Everything the page read, with the hash of what it read. */
  reads: z.record(ModelRead, Sha256),
  html: Sha256,
});
/** @typedef {z.infer<typeof CachedPage>} CachedPage */

const Identity = z.strictObject({
  /** The compiled renderer's key: the code and dependencies (src/render/compile.ts). */
  renderer: z.string(),
  base: z.string(),
  /** The hash of the build's config: a config change renders everything. */
  config: z.string(),
});
/** @typedef {z.infer<typeof Identity>} PageCacheIdentity */

const Manifest = z.strictObject({
  format: z.literal(FORMAT),
  identity: Identity,
  listing: Listing,
  pages: z.record(SiteFile, CachedPage),
});

const sha256 = (/** @type {string | Uint8Array} */ content) => createHash('sha256').update(content).digest('hex');

/**
 * The pages a previous build left under `dir`, by output file, and its listing, when it was made
 * for this identity; none when the folder is missing, corrupt or from other code, base or config.
 * @param {string} dir
 * @param {PageCacheIdentity} identity
 * @returns {{ pages: Record<string, CachedPage>, listing: Listing | null }}
 */
export function readPageCache(dir, identity) {
  const none = { pages: {}, listing: null };
  try {
    const manifest = Manifest.parse(JSON.parse(readFileSync(path.join(dir, PAGE_CACHE_MANIFEST), 'utf8')));
    const same = manifest.identity.renderer === identity.renderer && manifest.identity.base === identity.base && manifest.identity.config === identity.config;
    return same ? { pages: manifest.pages, listing: manifest.listing } : none;
  } catch {
    return none;
  }
}

/**
 * Writes the manifest of this build's pages (their HTML is already in the folder) and removes
 * the HTML no page refers to. The manifest goes last and by rename, so a build stopped half way
 * leaves the previous manifest, whose pages are still checked one by one.
 * @param {string} dir
 * @param {PageCacheIdentity} identity
 * @param {Listing} listing
 * @param {Record<string, CachedPage>} pages
 */
export function writePageCache(dir, identity, listing, pages) {
  mkdirSync(dir, { recursive: true });
  const sorted = Object.fromEntries(Object.entries(pages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const scratch = path.join(dir, `${PAGE_CACHE_MANIFEST}.${process.pid}.tmp`);
  writeFileSync(scratch, `${JSON.stringify({ format: FORMAT, identity, listing, pages: sorted })}\n`);
  renameSync(scratch, path.join(dir, PAGE_CACHE_MANIFEST));
  const kept = new Set(Object.values(pages).map((page) => `${page.html}.html`));
  const htmlDir = path.join(dir, HTML_DIR);
  for (const name of existsSync(htmlDir) ? readdirSync(htmlDir) : []) {
    if (!kept.has(name)) rmSync(path.join(htmlDir, name), { force: true });
  }
}

/**
 * The HTML of a cached page, when its file is there and hashes to its name.
 * @param {string} dir
 * @param {string} hash
 * @returns {Buffer | undefined}
 */
export function cachedHtml(dir, hash) {
  try {
    const html = readFileSync(path.join(dir, HTML_DIR, `${hash}.html`));
    return sha256(html) === hash ? html : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps a rendered page's HTML, named by its hash, and returns the hash.
 * @param {string} dir
 * @param {Uint8Array} html
 */
export function storeHtml(dir, html) {
  const hash = sha256(html);
  const file = path.join(dir, HTML_DIR, `${hash}.html`);
  if (cachedHtml(dir, hash) === undefined) {
    mkdirSync(path.dirname(file), { recursive: true });
    const scratch = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(scratch, html);
    renameSync(scratch, file);
  }
  return hash;
}

/**
 * The hashes of what pages read of the model in `modelDir`, each worked out once.
 * @param {string} modelDir
 */
export function modelHasher(modelDir) {
  /** @type {Map<string, string>} */
  const hashes = new Map();
  /** @type {Record<string, unknown> | undefined} */
  let site;
  /** @param {string} read */
  const compute = (read) => {
    if (read.startsWith(SITE_FIELD_PREFIX)) {
      site ??= JSON.parse(readFileSync(path.join(modelDir, 'site.json'), 'utf8'));
      const field = read.slice(SITE_FIELD_PREFIX.length);
      // A field that is not there hashes apart from every value (JSON has no undefined).
      return sha256(Object.hasOwn(site ?? {}, field) ? JSON.stringify(site?.[field]) : '\0absent');
    }
    try {
      return sha256(readFileSync(path.join(modelDir, ...read.split('/'))));
    } catch {
      return sha256('\0absent');
    }
  };
  /** @param {string} read */
  return (read) => {
    let hash = hashes.get(read);
    if (hash === undefined) hashes.set(read, (hash = compute(read)));
    return hash;
  };
}

/**
 * Whether every read still hashes as recorded.
 * @param {Record<string, string>} reads
 * @param {(read: string) => string} hashOf
 */
export const readsHold = (reads, hashOf) => Object.entries(reads).every(([read, hash]) => hashOf(read) === hash);

/**
 * Where a page goes in the site; a page's path comes from the data's IDs, and never leads out of it.
 * @param {string} siteDir
 * @param {{ pathname: string, file: string }} page
 */
export function siteFile(siteDir, page) {
  const file = path.resolve(siteDir, page.file);
  if (path.relative(siteDir, file).split(path.sep)[0] === '..') throw new Error(`the page ${page.pathname} would be written outside the site, at ${file}`);
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

/**
 * Whether a cached page still holds for this page of this build: the same route and status, and
 * everything it read unchanged.
 * @param {CachedPage | undefined} cached
 * @param {{ pathname: string, component: string, status: number }} page
 * @param {(read: string) => string} hashOf
 * @returns {cached is CachedPage}
 */
export function stillHolds(cached, page, hashOf) {
  if (!cached || cached.pathname !== page.pathname || cached.component !== page.component || cached.status !== page.status) return false;
  return readsHold(cached.reads, hashOf);
}
