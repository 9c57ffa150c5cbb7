/**
 * Putting a finished site in place of the previous one, and cleaning up after builds that were
 * stopped on the way.
 *
 * OUT stays a plain folder (web servers, IIS, `cp -r` and rsync deployers serve it as is). The new
 * site is complete in a temporary folder beside OUT; publishing is two renames on one file
 * system: OUT → its backup, then new → OUT. If the second fails, the backup is renamed back; the
 * backup is removed only once the new OUT is in place. Every folder Podium leaves beside OUT or in
 * the project carries the owning build's process id, so the next build can tell a stranded folder
 * of a dead build (restore or remove it) from one of a build still running (leave it alone).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BuildError, displayPath, type Diagnostic } from '../config/diagnostics.ts';
import { isPodiumSite, MANIFEST_FILE, manifestText } from './output-safety.ts';
import { isWithin } from '../config/paths.ts';

/** The file-system calls of publishing, injectable so that tests can fail each one. */
export interface PublishFs {
  rename(from: string, to: string): void;
  /** Removes a folder and everything in it. */
  rm(dir: string): void;
  /** A new folder named `prefix` plus six random characters. */
  mkdtemp(prefix: string): string;
  writeFile(file: string, text: string): void;
}

export const nodePublishFs: PublishFs = {
  rename: renameSync,
  rm: (dir) => rmSync(dir, { recursive: true, force: true }),
  mkdtemp: (prefix) => mkdtempSync(prefix),
  writeFile: (file, text) => writeFileSync(file, text),
};

/** Work folder of one build, beside OUT: `.podium-tmp-<out name>-<pid>-<random>`. */
const TEMP_PREFIX = '.podium-tmp-';
/** Astro's scratch folders of one build, in the project: `.podium-render-<pid>-<random>`. */
export const RENDER_PREFIX = '.podium-render-';
/** The previous site while the new one is renamed in: `.podium-previous-<out name>-<pid>`. */
const BACKUP_PREFIX = '.podium-previous-';

/** A temp folder that names its owner; the next build removes it once that process is gone. */
export function makeOwnedTemp(parent: string, prefix: string, fs: PublishFs = nodePublishFs): string {
  return withIoDiagnostic('output', parent, 'to create a temporary folder', () => {
    mkdirSync(parent, { recursive: true });
    return fs.mkdtemp(path.join(parent, `${prefix}${process.pid}-`));
  });
}

/** Removes a temp folder if it can; what is left, the next build removes once this process is gone. */
export function removeOwnedTemp(dir: string): void {
  attempt(() => rmSync(dir, { recursive: true, force: true }));
}

export const workPrefix = (outDir: string) => `${TEMP_PREFIX}${path.basename(outDir)}-`;
const backupPath = (outDir: string, pid: number) => path.join(path.dirname(outDir), `${BACKUP_PREFIX}${path.basename(outDir)}-${pid}`);

/** Whether a process id is running; a process of another user counts as running. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A temp folder of this process may belong to a build still running in it. */
const ownerGone = (pid: number) => pid !== process.pid && !isAlive(pid);
/** A backup of this process is stranded: publishing never yields between its two renames. */
const publisherGone = (pid: number) => pid === process.pid || !isAlive(pid);

/** Entries of `dir` whose name matches `pattern` (its first group is a process id) and whose owner is gone. */
function deadOwners(dir: string, pattern: RegExp, gone: (pid: number) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => {
      const pid = Number(pattern.exec(name)?.[1]);
      return Number.isInteger(pid) && pid > 0 && gone(pid);
    })
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * Before anything else: a build killed between its two renames left OUT missing and the previous
 * site in its backup; that site is put back. A build killed after them left a backup beside a
 * complete new OUT; that backup is removed. Temp folders of dead builds are removed. Returns notes.
 */
export function recoverAndClean(outDir: string, projectDir: string, fs: PublishFs = nodePublishFs): string[] {
  const notes: string[] = [];
  const parent = path.dirname(outDir);
  for (const backup of deadOwners(parent, new RegExp(`^${escaped(`${BACKUP_PREFIX}${path.basename(outDir)}-`)}(\\d+)$`), publisherGone)) {
    if (!existsSync(outDir)) {
      withIoDiagnostic('publish', backup, `to put the previous site back at ${displayPath(outDir)}`, () => fs.rename(backup, outDir));
      notes.push(`${displayPath(outDir)} was missing: a build was stopped while publishing; the previous site was put back from ${displayPath(backup)}`);
    } else if (isPodiumSite(outDir)) {
      withIoDiagnostic('publish', backup, 'to remove the previous site left by a stopped build', () => fs.rm(backup));
      notes.push(`removed ${displayPath(backup)}, the previous site left by a build that was stopped after publishing`);
    } else {
      notes.push(`left ${displayPath(backup)} in place: it holds a previous site, and ${displayPath(outDir)} was not built by Podium`);
    }
  }
  const stale = [
    ...deadOwners(parent, new RegExp(`^${escaped(TEMP_PREFIX)}.*-(\\d+)-[^-]{6}$`), ownerGone),
    ...deadOwners(projectDir, new RegExp(`^${escaped(RENDER_PREFIX)}(\\d+)-[^-]{6}$`), ownerGone),
  ];
  for (const dir of stale) withIoDiagnostic('output', dir, 'to remove the temporary folder of a stopped build', () => fs.rm(dir));
  if (stale.length > 0) notes.push(`removed ${stale.length} temporary folder(s) of stopped builds: ${stale.map(displayPath).join(', ')}`);
  return notes;
}

/** A publish failure; `outIntact` says whether OUT still holds the previous site. */
export class PublishError extends BuildError {
  constructor(
    diagnostics: Diagnostic[],
    readonly outIntact: boolean,
  ) {
    super('publish', diagnostics);
  }
}

/**
 * Marks `siteDir` as Podium's and puts it in place of OUT. OUT is at every moment the previous
 * site or the new one, complete, except between the two renames (a kill there is undone by the
 * next build's `recoverAndClean`). Returns notes.
 */
export function publishSite(siteDir: string, outDir: string, fs: PublishFs = nodePublishFs): string[] {
  withIoDiagnostic('publish', siteDir, 'to write the site’s manifest', () => fs.writeFile(path.join(siteDir, MANIFEST_FILE), manifestText(siteDir)));
  const backup = backupPath(outDir, process.pid);
  const hadPrevious = existsSync(outDir);
  if (hadPrevious) {
    const moved = attempt(() => fs.rename(outDir, backup));
    if (moved) throw new PublishError([ioDiagnostic(outDir, `to move the previous site aside to ${displayPath(backup)}`, moved, 'The previous site is unchanged.')], true);
  }
  const renamed = attempt(() => fs.rename(siteDir, outDir));
  if (renamed) {
    const failure = (outcome: string) => ioDiagnostic(outDir, 'to rename the new site into place', renamed, outcome);
    if (!hadPrevious) throw new PublishError([failure('Nothing was published.')], true);
    const restored = attempt(() => fs.rename(backup, outDir));
    if (!restored) throw new PublishError([failure('The previous site was put back.')], true);
    throw new PublishError(
      [
        failure('The previous site could not be put back either.'),
        ioDiagnostic(backup, `to rename the previous site back to ${displayPath(outDir)}`, restored, `The previous site is complete in ${displayPath(backup)}; the next build puts it back, or rename it by hand.`),
      ],
      false,
    );
  }
  if (!hadPrevious) return [];
  const removed = attempt(() => fs.rm(backup));
  return removed ? [`the new site is in place, but the previous one could not be removed from ${displayPath(backup)} (${describe(removed)}); the next build removes it`] : [];
}

/** Runs `step`, returning what it threw (or undefined). */
function attempt(step: () => void): unknown {
  try {
    step();
    return undefined;
  } catch (error) {
    return error;
  }
}

/** Runs an I/O step; a file-system error becomes a diagnostic naming the path and what to do. */
function withIoDiagnostic<T>(stage: string, file: string, expected: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!isSystemError(error)) throw error;
    throw new BuildError(stage, [ioDiagnostic(file, expected, error)]);
  }
}

/** What a user can do about each file-system error a build can meet. */
const ADVICE: Record<string, string> = {
  ENOSPC: 'the disk is full: free space (a build needs room for the new site beside the old one) or pass --out on another disk',
  EDQUOT: 'the disk quota is used up: free space or pass --out on another disk',
  EROFS: 'the file system is read-only: pass --out to a writable folder',
  EACCES: 'permission denied: give the user running the build access to it, or pass --out elsewhere',
  EPERM: 'operation not permitted: on Windows an antivirus, an Explorer window or a web server may hold a file in it; close it and build again',
  EBUSY: 'the folder is busy: it may be a mount point or open in another program; pass --out to a folder inside it, or close the program',
  EXDEV: 'it is on another file system: --out must not be a mount point; pass a folder inside it',
  ENOTEMPTY: 'a folder appeared at that path during the build: is another build or program writing there?',
  EEXIST: 'a folder appeared at that path during the build: is another build or program writing there?',
  EMFILE: 'too many open files: raise the limit (ulimit -n) and build again',
  ENAMETOOLONG: 'the path is too long: pass a shorter --out',
  ENOENT: 'it does not exist, or was removed during the build',
  ENOTDIR: 'a part of the path is a file, not a folder',
};

function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && /^E[A-Z]+$/.test(String((error as NodeJS.ErrnoException).code));
}

const advice = (code: string, fallback: string) => `${code}, ${ADVICE[code] ?? fallback}`;

function describe(error: unknown): string {
  if (isSystemError(error)) return advice(error.code, error.message.split('\n')[0]!);
  return String(error instanceof Error ? error.message : error).split('\n')[0]!;
}

function ioDiagnostic(file: string, expected: string, error: unknown, outcome?: string): Diagnostic {
  return { file: displayPath(file), expected, found: `${describe(error)}${outcome ? `. ${outcome}` : ''}` };
}

/** The C library's words for the errors above, as DuckDB and Astro print them. */
const STRERROR: Record<string, string> = {
  'No space left on device': 'ENOSPC',
  'Disk quota exceeded': 'EDQUOT',
  'Read-only file system': 'EROFS',
  'Permission denied': 'EACCES',
  'Operation not permitted': 'EPERM',
  'Too many open files': 'EMFILE',
};

/** An I/O error named in a message, with the first absolute path quoted in it. */
function ioErrorIn(text: string): { code: string; file?: string } | undefined {
  const code = /\b(ENOSPC|EDQUOT|EROFS|EACCES|EPERM|EMFILE)\b/.exec(text)?.[1] ?? Object.entries(STRERROR).find(([words]) => text.includes(words))?.[1];
  if (!code) return undefined;
  return { code, file: /["'`]((?:[A-Za-z]:)?[\\/][^"'`\n]+)["'`]/.exec(text)?.[1] };
}

/** Whether the build wrote (or was writing) `file`: OUT, and Podium's folders beside it and in the project. */
const isBuildOutput = (file: string, outDir: string) => isWithin(path.resolve(file), outDir) || /[\\/]\.podium-(tmp|render|previous)-/.test(file);

/**
 * A file-system error from any stage (a Node error with its path, or one DuckDB or a library
 * printed) as a diagnostic naming the path and what to do; anything else is returned as it was.
 */
export function asBuildError(error: unknown, outDir: string): unknown {
  if (error instanceof BuildError || !(error instanceof Error) || error.name === 'AbortError') return error;
  const named = isSystemError(error) && error.path ? { code: error.code, file: error.path } : ioErrorIn(error.message);
  if (!named) return error;
  const file = named.file ?? path.dirname(outDir);
  const writing = isBuildOutput(file, outDir) || named.file === undefined;
  const found = advice(named.code, error.message.split('\n')[0]!);
  return new BuildError(writing ? 'output' : 'input', [{ file: displayPath(file), expected: writing ? 'to write the build’s files' : 'to read it', found }]);
}

/** A render process that failed: an I/O cause the user can fix is a diagnostic, anything else a bug. */
export function renderFailure(siteDir: string, output: string, cause: unknown): Error {
  const named = ioErrorIn(output);
  if (!named) return new Error(`render: Astro failed\n${output}`, { cause });
  return new BuildError('render', [{ file: displayPath(named.file ?? siteDir), expected: 'Astro to write the site', found: advice(named.code, '') }]);
}
