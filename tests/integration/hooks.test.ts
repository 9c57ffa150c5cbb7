/**
 * The self-hosted hooks of scripts/hooks/ on a real bare repository, with real `git push` from a
 * clone, installed as docs/deploy.md says (symlinks in hooks/, settings in `git config podium.*`).
 * The first tests run the real Podium (one full build, then `podium validate` per push). The race
 * runs a stand-in Podium that holds its first build until the test lets it go: the lock, the
 * "build the tip as it is now" rule and the skip live in the hook, and a held build makes the
 * overlap of the pushes certain instead of a matter of timing.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../support/fixture.ts';
import { snapshot } from '../support/publish.ts';

const HOOKS = path.resolve('scripts/hooks');

/** The test's environment without the GIT_* variables of whoever runs it, and no user or system git config. */
const gitEnv = (): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_'))),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
});

function git(cwd: string, ...args: string[]): string {
  const run = spawnSync('git', args, { cwd, env: gitEnv(), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed:\n${run.stderr}`);
  return run.stdout.trim();
}

/** `git push` as a clerk runs it; what the hooks print comes back on stderr as `remote:` lines. */
const push = (clone: string, ...refspecs: string[]): SpawnSyncReturns<string> =>
  spawnSync('git', ['push', 'origin', ...refspecs], { cwd: clone, env: gitEnv(), encoding: 'utf8' });

function pushInBackground(clone: string, refspec: string): Promise<{ status: number | null; output: string }> {
  const child = spawn('git', ['push', 'origin', refspec], { cwd: clone, env: gitEnv() });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, output })));
}

async function until(what: string, done: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 30_000; !done(); await sleep(50)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
  }
}

/** A bare repository with Podium's hooks, and a clone of it whose data/ is a copy of s1-worked. */
function server(podiumHome: string) {
  const root = tempDir('hooks');
  const bare = path.join(root, 'competition.git');
  const site = path.join(root, 'www', 'site');
  mkdirSync(path.dirname(site));
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', bare);
  for (const hook of ['pre-receive', 'post-receive']) symlinkSync(path.join(HOOKS, hook), path.join(bare, 'hooks', hook));
  git(bare, 'config', 'podium.home', podiumHome);
  git(bare, 'config', 'podium.site', site);

  const clone = path.join(root, 'clerk');
  git(root, 'clone', '--quiet', bare, clone);
  git(clone, 'config', 'user.name', 'Clerk');
  git(clone, 'config', 'user.email', 'clerk@example.org');
  cpSync(path.join(FIXTURES, 's1-worked'), path.join(clone, 'data'), { recursive: true });
  return { bare, site, clone };
}

function commit(clone: string, message: string, change: () => void): string {
  change();
  git(clone, 'add', '--all');
  git(clone, 'commit', '--quiet', '-m', message);
  return git(clone, 'rev-parse', 'HEAD');
}

const readIf = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

describe('hooks with the real podium', () => {
  const podiumHome = path.resolve('.');
  let repo: ReturnType<typeof server>;
  let published: string;
  let publishedSite: ReturnType<typeof snapshot>;

  beforeAll(() => {
    repo = server(podiumHome);
  });

  /** The site and the bare repository exactly as the last good push left them. */
  const expectNothingChanged = () => {
    expect(snapshot(repo.site)).toEqual(publishedSite);
    expect(readIf(`${repo.site}.built`)).toBe(`${published}\n`);
    expect(git(repo.bare, 'rev-parse', 'main')).toBe(published);
  };

  it('a good push is validated, built and published', () => {
    published = commit(repo.clone, 'S1 data', () => undefined);
    const run = push(repo.clone, 'HEAD:main');
    expect(run.stderr).toMatch(/remote: data\/ is valid \(data as of 2009-/);
    expect(run.stderr).toContain(`remote: podium: published ${published}`);
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(repo.site, 'index.html'), 'utf8')).toContain('信用社百日竞赛');
    expect(readIf(`${repo.site}.built`)).toBe(`${published}\n`);
    publishedSite = snapshot(repo.site);
  });

  it('a push of bad data is refused with file:line:column, and the site stays as it was', () => {
    const bad = commit(repo.clone, 'a date Excel wrote', () =>
      writeFileSync(path.join(repo.clone, 'data/events.csv'), readFileSync(path.join(repo.clone, 'data/events.csv'), 'utf8').replace('E3,2009-08-20', 'E3,2009/08/20')),
    );
    const run = push(repo.clone, 'HEAD:main');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/remote: +data\/events\.csv:4:2 \(date\): expected a date written YYYY-MM-DD, found "2009\/08\/20"/);
    expect(run.stderr).toContain('remote: Push refused');
    expect(run.stderr).toMatch(/! \[remote rejected\] HEAD -> main \(pre-receive hook declined\)/);
    expectNothingChanged();

    // The same commit on another branch is no business of the hooks, and deleting that branch neither.
    expect(push(repo.clone, `${bad}:refs/heads/draft`).status).toBe(0);
    expect(push(repo.clone, ':refs/heads/draft').status).toBe(0);
    expectNothingChanged();
    git(repo.clone, 'reset', '--quiet', '--hard', published);
  });

  it('a push that deletes a table file the config names is refused', () => {
    commit(repo.clone, 'staff moved elsewhere', () => rmSync(path.join(repo.clone, 'data/staff.csv')));
    const run = push(repo.clone, 'HEAD:main');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/remote: +data\/competition\.yaml:\d+:\d+ \(tables\.staff\): expected at least one CSV, \.xlsx or Parquet file for table "staff", found no file matching "staff\.csv"/);
    expectNothingChanged();
    git(repo.clone, 'reset', '--quiet', '--hard', published);
  });
});

/**
 * A stand-in for a Podium checkout: validate accepts everything; build logs the data's version,
 * waits until the gate file exists, then publishes the version as index.html.
 */
function standIn(): { podiumHome: string; log: string; gate: string } {
  const podiumHome = tempDir('stand-in');
  const log = path.join(podiumHome, 'builds.log');
  const gate = path.join(podiumHome, 'gate');
  mkdirSync(path.join(podiumHome, 'scripts'));
  symlinkSync(HOOKS, path.join(podiumHome, 'scripts', 'hooks'));
  writeFileSync(
    path.join(podiumHome, 'scripts', 'podium.mjs'),
    `import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
const [command, ...args] = process.argv.slice(2);
if (command === 'build') {
  const option = (name) => args[args.indexOf(name) + 1];
  const version = readFileSync(option('--data') + '/version.txt', 'utf8').trim();
  appendFileSync(${JSON.stringify(log)}, 'build ' + version + '\\n');
  while (!existsSync(${JSON.stringify(gate)})) await sleep(20);
  mkdirSync(option('--out'), { recursive: true });
  writeFileSync(option('--out') + '/index.html', version);
}
`,
  );
  return { podiumHome, log, gate };
}

describe('two pushes in quick succession', () => {
  it('are built one at a time, and the later data wins', async () => {
    const { podiumHome, log, gate } = standIn();
    const { bare, site, clone } = server(podiumHome);
    const version = (name: string) => commit(clone, name, () => writeFileSync(path.join(clone, 'data', 'version.txt'), `${name}\n`));
    const first = version('first');
    const second = version('second');
    const third = version('third');
    const tipIs = (sha: string) => () => git(bare, 'rev-parse', 'main') === sha;

    // The first push's build holds the lock; meanwhile two more pushes land and wait for it.
    const pushes = [pushInBackground(clone, `${first}:refs/heads/main`)];
    await until('the first build started', () => readIf(log) === 'build first\n');
    pushes.push(pushInBackground(clone, `${second}:refs/heads/main`));
    await until('main is the second commit', tipIs(second));
    pushes.push(pushInBackground(clone, `${third}:refs/heads/main`));
    await until('main is the third commit', tipIs(third));
    writeFileSync(gate, '');
    const results = await Promise.all(pushes);

    expect(results.map((result) => result.status)).toEqual([0, 0, 0]);
    // The second commit is never built: whichever waiting hook gets the lock first finds main at
    // the third, builds that, and the other finds it already published.
    expect(readFileSync(log, 'utf8')).toBe('build first\nbuild third\n');
    expect(results.filter((result) => result.output.includes(`remote: podium: main ${third} is already published`))).toHaveLength(1);
    expect(readFileSync(path.join(site, 'index.html'), 'utf8')).toBe('third');
    expect(readFileSync(`${site}.built`, 'utf8')).toBe(`${third}\n`);

    // The catch-up run of docs/deploy.md (cron, systemd) builds the tip only when it is not the one published.
    const catchUp = () => spawnSync(path.join(bare, 'hooks', 'post-receive'), ['--rebuild'], { cwd: bare, env: gitEnv(), encoding: 'utf8' });
    expect(catchUp().stderr).toContain(`podium: main ${third} is already published`);
    rmSync(`${site}.built`);
    expect(catchUp().status).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('build first\nbuild third\nbuild third\n');
    expect(readFileSync(`${site}.built`, 'utf8')).toBe(`${third}\n`);
  });
});

describe('hooks that are not set up', () => {
  it('say which setting is missing, and never let unchecked data through', () => {
    const { podiumHome } = standIn();
    const { bare, clone } = server(podiumHome);
    git(bare, 'config', '--unset', 'podium.site');
    commit(clone, 'S1 data', () => undefined);
    const unbuilt = push(clone, 'HEAD:main');
    expect(unbuilt.status).toBe(0);
    expect(unbuilt.stderr).toContain('remote: podium hook: podium.site (or PODIUM_SITE) must be an absolute folder, found ""; nothing was built');

    git(bare, 'config', '--unset', 'podium.home');
    const unchecked = commit(clone, 'more data', () => writeFileSync(path.join(clone, 'data', 'version.txt'), 'more\n'));
    const refused = push(clone, 'HEAD:main');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('remote: podium hook: podium.home (or PODIUM_HOME) must name a Podium checkout, found ""; push refused');
    expect(git(bare, 'rev-parse', 'main')).not.toBe(unchecked);
  });
});
