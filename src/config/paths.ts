/** Paths on disk: what lies inside a folder, and what a path really names once its links are followed. */
import { realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

/** Whether `inner` is `outer` or lies below it (both absolute, links already resolved where that matters). */
export function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** The file a path names, every link resolved, if it is a regular file inside `realDir`; else why not. */
export function checkFile(matched: string, realDir: string): { real: string } | { found: string } {
  let real: string;
  try {
    real = realpathSync(matched);
  } catch {
    return { found: 'a link to nothing' };
  }
  if (real === realDir || !isWithin(real, realDir)) return { found: 'a link to a file outside the competition folder (not read)' };
  const stats = statSync(real);
  return stats.isFile() ? { real } : { found: `${kindOf(stats)}, not a file` };
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'something other than a file';
}
