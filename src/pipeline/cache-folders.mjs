// @ts-check
/**
 * Folders made once per code version and kept between builds: the compiled renderer
 * (src/render/compile.ts) and the compiled CLI (scripts/compile-cli.mjs). Each is named by a key
 * that hashes the sources it is made of, sealed with a manifest of its key and of every file it
 * holds, and used only while that manifest still holds. Plain JavaScript, so that the CLI's
 * launcher can use it before any TypeScript is compiled.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const FolderManifest = z.strictObject({
  key: z.string(),
  files: z.record(z.string(), z.string()),
});

/**
 * The hash of every file under `sources` (project-relative files or folders), by path and
 * content, after `salt` (what else the folder depends on, such as the site's base).
 * @param {string} root
 * @param {string[]} sources
 * @param {string} salt
 * @returns {string}
 */
export function sourcesKey(root, sources, salt) {
  const hash = createHash('sha256');
  hash.update(`${salt}\0`);
  for (const file of sources.flatMap((source) => filesUnder(root, source))) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

/**
 * Files under `rel` (a file or a folder) as sorted paths relative to `root`.
 * @param {string} root
 * @param {string} rel
 * @returns {string[]}
 */
function filesUnder(root, rel) {
  const full = path.join(root, rel);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [rel];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Every file of a folder but its manifest, with its SHA-256, by sorted relative path.
 * @param {string} dir
 * @param {string} manifest
 * @returns {Record<string, string>}
 */
function fileHashes(dir, manifest) {
  /** @type {Record<string, string>} */
  const hashes = {};
  for (const file of filesUnder(dir, '.').filter((file) => file !== manifest)) {
    hashes[file] = createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex');
  }
  return hashes;
}

/**
 * A cached folder is used only when its manifest names this key and every file it lists is
 * there with the same content and no other file is: a half-deleted, edited or foreign folder
 * is made again, never trusted.
 * @param {string} dir
 * @param {string} key
 * @param {string} manifest the manifest's file name inside `dir`
 * @returns {boolean}
 */
export function isWholeFolder(dir, key, manifest) {
  try {
    const sealed = FolderManifest.parse(JSON.parse(readFileSync(path.join(dir, manifest), 'utf8')));
    if (sealed.key !== key) return false;
    const found = fileHashes(dir, manifest);
    const listed = Object.keys(sealed.files);
    return listed.length === Object.keys(found).length && listed.every((file) => found[file] === sealed.files[file]);
  } catch {
    return false;
  }
}

/**
 * The folder of this key under `cacheRoot`: the cached one when it is whole, or made afresh by
 * `make` (which writes it and seals it into place with sealAndPlace), the `kept` folders used last
 * then kept and the others removed. Marked in use either way.
 * @param {{ cacheRoot: string, key: string, manifest: string, kept: number }} cache
 * @param {(dir: string) => Promise<void>} make
 * @returns {Promise<string>}
 */
export async function cachedFolder({ cacheRoot, key, manifest, kept }, make) {
  const dir = path.join(cacheRoot, key);
  if (!isWholeFolder(dir, key, manifest)) {
    await make(dir);
    keepNewestFolders(cacheRoot, manifest, kept);
  }
  markInUse(dir);
  return dir;
}

/**
 * Seals the folder `made` (written in a temp folder) with its manifest and renames it to `dir`.
 * A broken folder under this key gives way; a whole one that another build renamed in meanwhile
 * is kept, and `made` is left for its temp folder's removal.
 * @param {string} made
 * @param {string} dir
 * @param {string} key
 * @param {string} manifest
 */
export function sealAndPlace(made, dir, key, manifest) {
  writeFileSync(path.join(made, manifest), `${JSON.stringify({ key, files: fileHashes(made, manifest) })}\n`);
  if (existsSync(dir) && !isWholeFolder(dir, key, manifest)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  try {
    renameSync(made, dir);
  } catch (error) {
    if (!isWholeFolder(dir, key, manifest)) throw error;
  }
}

/**
 * Keeps the `kept` folders of `root` used last and removes the others, so that caches of code
 * versions or output folders no longer built do not fill the disk. A folder's last use is when its
 * `marker` file was written or when a build marked it in use (markInUse), whichever is later: a
 * build still writing a cache that has no marker yet must not be taken for the oldest by another
 * build finishing meanwhile. Removal is housekeeping: a folder that cannot be removed now (another
 * build is writing into it) is left for a later build, and never fails this one.
 * @param {string} root
 * @param {string} marker
 * @param {number} kept
 */
export function keepNewestFolders(root, marker, kept) {
  /** @param {string} file */
  const mtime = (file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  /** @param {string} name */
  const lastUsed = (name) => Math.max(mtime(path.join(root, name, marker)), mtime(path.join(root, name)));
  const byAge = readdirSync(root)
    .map((name) => ({ name, at: lastUsed(name) }))
    .sort((a, b) => b.at - a.at || a.name.localeCompare(b.name));
  for (const { name } of byAge.slice(kept)) {
    try {
      rmSync(path.join(root, name), { recursive: true, force: true });
    } catch {
      // Still being written by another build: a later build removes it.
    }
  }
}

/**
 * Marks a folder that keepNewestFolders tends as in use from now, creating it if need be.
 * @param {string} dir
 */
export function markInUse(dir) {
  mkdirSync(dir, { recursive: true });
  const now = new Date();
  utimesSync(dir, now, now);
}
