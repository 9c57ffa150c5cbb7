/**
 * Publishing replaces OUT as a whole, so OUT must be a folder that only Podium ever wrote. Before
 * any work starts, the build refuses an OUT that would take user files with it: the data, the
 * project, a git working tree, or any non-empty folder without Podium's manifest.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { BuildError, displayPath, type Diagnostic } from '../config/diagnostics.ts';
import { isWithin } from '../config/paths.ts';

/**
 * Written into every site Podium publishes, and published with it (it holds nothing internal and
 * no date, so builds stay byte-identical). It lists the site's files: a later build replaces OUT
 * only when OUT holds nothing else, so a file someone added (a CNAME, a report) is never deleted.
 */
export const MANIFEST_FILE = '.podium-site.json';

export function manifestText(siteDir: string): string {
  return `${JSON.stringify({ generator: 'podium', format: 2, files: siteFiles(siteDir) })}\n`;
}

export function isPodiumSite(dir: string): boolean {
  return writtenFiles(dir) !== undefined;
}

/** The files the manifest in `dir` lists; undefined when `dir` holds no manifest of this format. */
function writtenFiles(dir: string): Set<string> | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as { generator?: unknown; files?: unknown };
    const { generator, files } = manifest;
    return generator === 'podium' && Array.isArray(files) ? new Set(files.map(String)) : undefined;
  } catch {
    return undefined;
  }
}

/** Every file under `dir` but the manifest, as a sorted list of "/"-separated relative paths. */
function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => file !== MANIFEST_FILE)
    .sort();
}

/** The real path of `file`, symlinks resolved, also when it (or some of its parents) does not exist yet. */
function realPathBeyond(file: string): string {
  const absolute = path.resolve(file);
  const missing: string[] = [];
  let existing = absolute;
  while (!existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) break;
    missing.unshift(path.basename(existing));
    existing = parent;
  }
  return path.join(realpathSync.native(existing), ...missing);
}


export interface OutputPlaces {
  outDir: string;
  dataDir: string;
  /** Folders OUT must neither be nor contain: the project and the working directory. */
  projectDirs: string[];
}

/** Throws a BuildError (stage `output`, field `--out`) when publishing to OUT could delete what Podium did not write. */
export function checkOutput({ outDir, dataDir, projectDirs }: OutputPlaces): void {
  const refuse = (expected: string, found: string): never => {
    const diagnostic: Diagnostic = { file: displayPath(outDir), field: '--out', expected, found: `${found}; nothing was deleted` };
    throw new BuildError('output', [diagnostic]);
  };
  const stat = lstatSync(outDir, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink()) refuse('a folder', 'a symbolic link; pass the folder it points to as --out');
  if (stat && !stat.isDirectory()) refuse('a folder', 'a file');
  const out = realPathBeyond(outDir);
  const data = realPathBeyond(dataDir);
  if (isWithin(out, data)) refuse('a folder outside the data folder', out === data ? 'the --data folder itself' : `a folder inside --data (${displayPath(dataDir)})`);
  if (isWithin(data, out)) refuse('a folder that does not hold the data', `a folder that holds --data (${displayPath(dataDir)}); publishing would delete it`);
  for (const project of projectDirs.map(realPathBeyond)) {
    if (isWithin(project, out)) refuse('a folder that does not hold the project', `${out === project ? 'the project folder' : 'a folder that holds the project'} (${displayPath(project)}); publishing would delete it`);
  }
  if (!stat) return;
  const entries = readdirSync(outDir);
  if (entries.includes('.git')) refuse('a folder that is not a git working tree', 'a folder with .git; build elsewhere and copy the site into the working tree');
  const written = writtenFiles(outDir);
  if (written) {
    const added = siteFiles(outDir).filter((file) => !written.has(file));
    if (added.length > 0) {
      const some = added.slice(0, 3).map((name) => JSON.stringify(name)).join(', ');
      refuse('a site with only the files Podium wrote', `${added.length} file(s) added since (${some}${added.length > 3 ? ', …' : ''}); publishing would delete them: move them elsewhere`);
    }
  } else if (entries.length > 0) {
    const some = entries.sort().slice(0, 3).map((name) => JSON.stringify(name)).join(', ');
    refuse(
      `an empty folder, or a site Podium built (it has ${MANIFEST_FILE})`,
      `a folder with ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} Podium did not write (${some}${entries.length > 3 ? ', …' : ''}); if it is a site from an older Podium, delete it and build again`,
    );
  }
}
