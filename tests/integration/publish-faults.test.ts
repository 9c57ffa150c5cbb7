/**
 * The real build and publish (Astro replaced by a trivial renderer) with a fault at each step of
 * publishing: a failed rename or removal, or a SIGKILL of the build. OUT is always the old site or
 * the new one, complete; a site stranded by a kill is put back by the next build before anything
 * else, and no temp folder of a dead build is left.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type Renderer } from '../../src/pipeline/build.ts';
import { BuildError } from '../../src/config/diagnostics.ts';
import { copyFixture, editFile, tempDir } from '../support/fixture.ts';
import { faultyFs, leftovers, snapshot, trivialRenderer, type FsCall } from '../support/publish.ts';

let data: string;
let broken: string;
let oldSite: ReturnType<typeof snapshot>;
let newSite: ReturnType<typeof snapshot>;

/** OUT holding the old site, as a previous build published it. */
async function publishedOld(): Promise<string> {
  const outDir = path.join(tempDir('out'), 'site');
  await buildSite({ dataDir: data, outDir, render: trivialRenderer('old') });
  expect(snapshot(outDir)).toEqual(oldSite);
  return outDir;
}

beforeAll(async () => {
  data = copyFixture('s1-worked');
  broken = copyFixture('s1-worked');
  editFile(broken, 'events.csv', (text) => text.replace('2009-08-05', '2009-13-05'));
  const reference = tempDir('reference');
  await buildSite({ dataDir: data, outDir: path.join(reference, 'old'), render: trivialRenderer('old') });
  // The new site is built over the old one, as in every test below: it records what it replaced (model/changes.json).
  await buildSite({ dataDir: data, outDir: path.join(reference, 'new'), render: trivialRenderer('old') });
  await buildSite({ dataDir: data, outDir: path.join(reference, 'new'), render: trivialRenderer('new') });
  oldSite = snapshot(path.join(reference, 'old'));
  newSite = snapshot(path.join(reference, 'new'));
  expect(oldSite).not.toEqual(newSite);
});

describe('a failed step of publishing', () => {
  it.each<[string, 'old' | 'new', FsCall, number[]]>([
    ['moving the old site aside', 'old', 'rename', [1]],
    ['renaming the new site in', 'old', 'rename', [2]],
    ['removing the old site', 'new', 'rm', [1]],
  ])('%s: OUT is the %s site, complete', async (_, expected, call, nth) => {
    const outDir = await publishedOld();
    const outcome = await buildSite({ dataDir: data, outDir, render: trivialRenderer('new'), publishFs: faultyFs({ call, nth }) }).catch((error: unknown) => error);
    if (expected === 'old') expect(outcome).toBeInstanceOf(BuildError);
    expect(snapshot(outDir)).toEqual(expected === 'old' ? oldSite : newSite);
    const next = await buildSite({ dataDir: broken, outDir }).catch((error: unknown) => error);
    expect(next).toBeInstanceOf(BuildError);
    expect(snapshot(outDir)).toEqual(expected === 'old' ? oldSite : newSite);
    expect(leftovers(outDir)).toEqual([]);
  });

  it('renaming the new site in and then the old one back: the next build puts the old site back first', async () => {
    const outDir = await publishedOld();
    const outcome = await buildSite({ dataDir: data, outDir, render: trivialRenderer('new'), publishFs: faultyFs({ call: 'rename', nth: [2, 3] }) }).catch((error: unknown) => error);
    expect(outcome).toMatchObject({ stage: 'publish', outIntact: false });
    expect(existsSync(outDir)).toBe(false);
    expect(leftovers(outDir)).toEqual([`.podium-previous-site-${process.pid}`]);
    const log: string[] = [];
    await expect(buildSite({ dataDir: broken, outDir, log: (line) => log.push(line) })).rejects.toBeInstanceOf(BuildError);
    expect(log[0]).toMatch(/^note: .*site was missing: .* the previous site was put back/);
    expect(snapshot(outDir)).toEqual(oldSite);
    expect(leftovers(outDir)).toEqual([]);
  });
});

/** Runs the child build until it stops at the `nth` `call`, then SIGKILLs it. */
async function killedAt(outDir: string, call: FsCall, nth: number): Promise<void> {
  const paused = path.join(tempDir('paused'), 'pid');
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/publish-child.ts', data, outDir, call, String(nth), paused], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  for (;;) {
    if (existsSync(paused)) break;
    if (child.exitCode !== null) throw new Error(`the child build ended before it paused:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

describe('a build killed (SIGKILL) at each step of publishing', () => {
  it.each<[string, FsCall, number, 'old' | 'absent' | 'new']>([
    ['before moving the old site aside', 'rename', 1, 'old'],
    ['between the two renames', 'rename', 2, 'absent'],
    ['before removing the old site', 'rm', 1, 'new'],
  ])('%s: the next build leaves OUT complete and no temp folder', async (_, call, nth, state) => {
    const outDir = await publishedOld();
    await killedAt(outDir, call, nth);
    expect(leftovers(outDir).length).toBeGreaterThan(0);
    if (state === 'absent') {
      expect(existsSync(outDir)).toBe(false);
      const [backup] = leftovers(outDir).filter((name) => name.startsWith('.podium-previous-'));
      expect(snapshot(path.join(path.dirname(outDir), backup!))).toEqual(oldSite);
    } else {
      expect(snapshot(outDir)).toEqual(state === 'old' ? oldSite : newSite);
    }
    // The next build fails on its data, yet first puts OUT right and removes the dead build's folders.
    const log: string[] = [];
    await expect(buildSite({ dataDir: broken, outDir, log: (line) => log.push(line) })).rejects.toBeInstanceOf(BuildError);
    expect(log.filter((line) => line.startsWith('note: '))).toEqual([
      ...(state === 'absent' ? [expect.stringContaining('the previous site was put back')] : []),
      ...(state === 'new' ? [expect.stringContaining('the previous site left by a build that was stopped after publishing')] : []),
      expect.stringMatching(/removed 1 temporary folder\(s\) of stopped builds/),
    ]);
    expect(snapshot(outDir)).toEqual(state === 'new' ? newSite : oldSite);
    expect(leftovers(outDir)).toEqual([]);
  });
});

describe('a stopped build', () => {
  it('publishes nothing and leaves no temp folder', async () => {
    const outDir = await publishedOld();
    const stop = new AbortController();
    const stopDuringRender: Renderer = async (modelDir, publicDir, siteDir, base, signal) => {
      await trivialRenderer('new')(modelDir, publicDir, siteDir, base);
      stop.abort(new Error('SIGTERM'));
      signal?.throwIfAborted();
    };
    await expect(buildSite({ dataDir: data, outDir, render: stopDuringRender, signal: stop.signal })).rejects.toThrow('SIGTERM');
    expect(snapshot(outDir)).toEqual(oldSite);
    expect(leftovers(outDir)).toEqual([]);
  });
});

describe('the command line', () => {
  it('on SIGTERM stops, exits 130 and leaves OUT and no temp folder behind', async () => {
    const outDir = await publishedOld();
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/podium.ts', 'build', '--progress', '--data', data, '--out', outDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    // The first progress line: the build is under way.
    child.stderr.once('data', () => child.kill('SIGTERM'));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('Stopped. Nothing was published');
    expect(snapshot(outDir)).toEqual(oldSite);
    expect(leftovers(outDir)).toEqual([]);
    expect(readdirSync('.').filter((name) => name.startsWith(`.podium-render-${child.pid}-`))).toEqual([]);
  });

  it('refuses --data X --out X with a message, not a stack trace, and deletes nothing', () => {
    const before = snapshot(data);
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/podium.ts', 'build', '--data', data, '--out', data], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('(--out): expected a folder outside the data folder, found the --data folder itself; nothing was deleted');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(snapshot(data)).toEqual(before);
  });
});
