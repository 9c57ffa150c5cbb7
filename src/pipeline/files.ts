import { mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';

/** Compact JSON with a final newline; key order follows construction order, so output repeats. */
export function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value)}\n`);
}

/**
 * Writes many files with a bounded number in flight, so file-system latency overlaps with the
 * work of preparing the next ones. Call `flush()` before relying on the files.
 */
export class FileWriter {
  private readonly pending = new Set<Promise<void>>();
  constructor(private readonly inFlight = 64) {}

  async writeJson(file: string, value: unknown): Promise<void> {
    if (this.pending.size >= this.inFlight) await Promise.race(this.pending);
    const write = writeFile(file, `${JSON.stringify(value)}\n`).finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  async flush(): Promise<void> {
    await Promise.all(this.pending);
  }
}

/**
 * Keeps the `kept` folders of `root` used last and removes the others, so that caches of code
 * versions or output folders no longer built do not fill the disk. A folder's last use is when its
 * `marker` file was written or when a build marked it in use (markInUse), whichever is later: a
 * build still writing a cache that has no marker yet must not be taken for the oldest by another
 * build finishing meanwhile. Removal is housekeeping: a folder that cannot be removed now (another
 * build is writing into it) is left for a later build, and never fails this one.
 */
export function keepNewestFolders(root: string, marker: string, kept: number): void {
  const mtime = (file: string) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const lastUsed = (name: string) => Math.max(mtime(path.join(root, name, marker)), mtime(path.join(root, name)));
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

/** Marks a folder that keepNewestFolders tends as in use from now, creating it if need be. */
export function markInUse(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const now = new Date();
  utimesSync(dir, now, now);
}
