/** Helpers for the publish tests: a renderer that needs no Astro, faults, and site snapshots. */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Renderer } from '../../src/pipeline/build.ts';
import { nodePublishFs, type PublishFs } from '../../src/pipeline/publish.ts';

/** Renders a "site" in milliseconds: the downloads, the model and a home page saying `label`. */
export const trivialRenderer =
  (label: string): Renderer =>
  async (modelDir, publicDir, siteDir) => {
    cpSync(publicDir, siteDir, { recursive: true });
    cpSync(modelDir, path.join(siteDir, 'model'), { recursive: true });
    writeFileSync(path.join(siteDir, 'index.html'), `<h1>${label}</h1>\n`);
  };

/** Every file of a folder with its bytes, or undefined when the folder does not exist. */
export function snapshot(dir: string): [string, string][] | undefined {
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
    .map((file) => [file, readFileSync(path.join(dir, file)).toString('base64')]);
}

/** Podium's leftovers beside a folder (temp folders, backups). */
export const leftovers = (outDir: string) => readdirSync(path.dirname(outDir)).filter((name) => name.startsWith('.podium-'));

export type FsCall = keyof PublishFs;

/** An error as Node's fs throws it. */
export function systemError(code: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected fault, '${file}'`), { code, path: file, syscall: 'injected' });
}

/** node:fs, except that the `nth` calls (1-based) of `call` throw `code`, or run `instead`. */
export function faultyFs(faults: { call: FsCall; nth: number[]; code?: string; instead?: () => never }): PublishFs {
  const counts = new Map<FsCall, number>();
  const wrap =
    <A extends unknown[], R>(call: FsCall, real: (...args: A) => R) =>
    (...args: A): R => {
      const count = (counts.get(call) ?? 0) + 1;
      counts.set(call, count);
      if (call === faults.call && faults.nth.includes(count)) {
        if (faults.instead) faults.instead();
        throw systemError(faults.code ?? 'EPERM', String(args[args.length === 1 ? 0 : 1]));
      }
      return real(...args);
    };
  return {
    rename: wrap('rename', nodePublishFs.rename),
    rm: wrap('rm', nodePublishFs.rm),
    mkdtemp: wrap('mkdtemp', nodePublishFs.mkdtemp),
    writeFile: wrap('writeFile', nodePublishFs.writeFile),
  };
}

/** The id of a process that has just exited: no process owns it now. */
export const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
