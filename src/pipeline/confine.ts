/**
 * The files a table's paths and globs name, confined to the competition folder. A path that leads
 * out of it (an absolute path, "..", a symbolic link to /proc/self/environ) is refused before
 * anything is read, so no byte of such a file reaches a message or a page. So is anything that is
 * not a regular file: reading a FIFO would hang the build, and a directory is no table.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import type { DuckDBConnection } from '@duckdb/node-api';
import { locateInConfig } from '../config/read.ts';
import type { TableName } from '../config/schema.ts';
import { displayPath, shown, type Diagnostic } from '../config/diagnostics.ts';
import { checkFile, isWithin } from '../config/paths.ts';

/**
 * DuckDB costs a few milliseconds a file, whatever its size: 10,000 one-line files would load for
 * a minute. Daily files for three years stay under the limit.
 */
export const TABLE_FILE_LIMIT = 2000;

export interface TableFile {
  /** As matched: inside the folder, for messages. */
  matched: string;
  /** The file itself, every link resolved: what is read. */
  real: string;
}

export async function tableFiles(
  db: DuckDBConnection,
  dir: string,
  table: TableName,
  globs: string | string[],
): Promise<{ files: TableFile[]; problems: Diagnostic[] }> {
  const list = [globs].flat();
  const where = (i: number) => ({
    ...locateInConfig(dir, typeof globs === 'string' ? ['tables', table] : ['tables', table, i]),
    field: typeof globs === 'string' ? `tables.${table}` : `tables.${table}.${i}`,
  });
  const realDir = realpathSync(dir);
  const files = new Map<string, TableFile>();
  const problems: Diagnostic[] = [];
  for (const [i, glob] of list.entries()) {
    if (URL_SCHEME.test(glob)) {
      problems.push({
        ...where(i),
        expected: 'a path inside the competition folder: a build reads no network or object storage (s3://, https://), which would need DuckDB\'s httpfs extension downloaded at build time; copy the files into the folder first (docs/scale.md)',
        found: shown(glob),
      });
      continue;
    }
    const outside = leadsOutside(dir, glob);
    if (outside) {
      problems.push({ ...where(i), expected: 'a path inside the competition folder, relative to it', found: `${shown(glob)}, ${outside}` });
      continue;
    }
    const reader = await db.runAndReadAll('SELECT file FROM glob($pattern) ORDER BY file', { pattern: path.join(dir, glob) });
    const refused: { matched: string; found: string }[] = [];
    const matches = [...reader.getRowObjectsJS().map((row) => String(row.file)), ...matchingFolders(dir, glob)].sort();
    for (const matched of matches) {
      const checked = checkFile(matched, realDir);
      if ('found' in checked) refused.push({ matched, found: checked.found });
      else files.set(checked.real, { matched, real: checked.real });
    }
    // A glob through a link to /etc matches every file there: one problem for the glob says it.
    const [first] = refused;
    if (first) {
      const more = refused.length > 1 ? ` (and ${refused.length - 1} more file(s) this glob matches)` : '';
      problems.push({ ...where(i), expected: 'a regular file inside the competition folder', found: `${displayPath(first.matched)}: ${first.found}${more}` });
    }
  }
  if (files.size > TABLE_FILE_LIMIT) {
    problems.push({
      ...locateInConfig(dir, ['tables', table]),
      field: `tables.${table}`,
      expected: `at most ${TABLE_FILE_LIMIT} files for table "${table}" (merge small files, e.g. one a month)`,
      found: `${files.size} files`,
    });
    return { files: [], problems };
  }
  return { files: [...files.values()].sort((a, b) => (a.matched < b.matched ? -1 : a.matched > b.matched ? 1 : 0)), problems };
}

/**
 * The folders a glob matches, which DuckDB's glob passes over in silence: a folder named
 * `events.csv` (unzipped into one, or made by mistake) would otherwise read as "no file matching"
 * or, beside other matches, be left out without a word. checkFile then refuses them, as it does
 * a link out of the folder.
 */
function matchingFolders(dir: string, glob: string): string[] {
  // Joined to `dir` as DuckDB's glob joins its matches, so that both read alike in messages.
  return globSync(glob, { cwd: dir, onlyDirectories: true, followSymbolicLinks: false, expandDirectories: false }).map((folder) => path.join(dir, folder).replace(/[\\/]+$/, ''));
}

/** s3://, gs://, az://, https:// …: what DuckDB would hand to an extension rather than read from the disk. */
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Why a glob written in the config leaves the folder, judged on the text alone, before matching. */
function leadsOutside(dir: string, glob: string): string | undefined {
  if (path.isAbsolute(glob) || path.win32.isAbsolute(glob)) return 'an absolute path';
  const target = path.resolve(dir, glob);
  return target !== dir && isWithin(target, dir) ? undefined : 'which leads out of it';
}
