/**
 * The compiled CLI (scripts/compile-cli.mjs), which `podium` runs instead of the TypeScript under
 * tsx: it must say and do what the TypeScript does, and a cached one that is damaged is compiled
 * again, never run.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledCli } from '../../scripts/compile-cli.mjs';
import { PROJECT_ROOT } from '../../src/render/compile.ts';
import { copyFixture, editFile, tempDir } from '../support/fixture.ts';

// Its own cache inside the project (the bundle's imports resolve the project's node_modules), so
// damaging it cannot disturb the other tests' runs of `podium`.
const cacheRoot = path.join(PROJECT_ROOT, 'node_modules', '.cache', `podium-cli-test-${process.pid}`);
afterAll(() => rmSync(cacheRoot, { recursive: true, force: true }));

const run = (args: string[]) => {
  const { status, stdout, stderr } = spawnSync(process.execPath, args, { encoding: 'utf8' });
  return { status, stdout, stderr };
};

describe('the compiled CLI', () => {
  it('says what the TypeScript says, with the same exit codes', async () => {
    const bundle = await compiledCli(cacheRoot);
    expect(bundle).not.toBeNull();
    const valid = copyFixture('s1-worked');
    const refused = copyFixture('s1-worked');
    editFile(refused, 'events.csv', (text) => text.replace('E3,2009-08-20', 'E3,2009/08/20'));
    const commands = [
      ['validate', '--data', valid],
      ['validate', '--data', refused, '--format', 'json'],
      ['validate', '--data', refused],
      ['build', '--data', valid, '--out', refused],
      ['diff', '--format', 'yaml'],
      ['--help'],
    ];
    for (const command of commands) {
      const compiled = run([bundle!, ...command]);
      expect(compiled).toEqual(run(['--import', 'tsx', 'scripts/podium.ts', ...command]));
      expect(compiled.status).not.toBe(70);
    }
  });

  it('runs the cached CLI without compiling again, and compiles a damaged one again', async () => {
    const bundle = (await compiledCli(cacheRoot))!;
    const manifest = path.join(path.dirname(bundle), 'podium-cli.json');
    const before = statSync(manifest).mtimeMs;
    expect(await compiledCli(cacheRoot)).toBe(bundle);
    expect(statSync(manifest).mtimeMs).toBe(before);

    const intact = readFileSync(bundle);
    writeFileSync(bundle, 'throw new Error("damaged");');
    expect(await compiledCli(cacheRoot)).toBe(bundle);
    expect(readFileSync(bundle).equals(intact)).toBe(true);
    expect(run([bundle, '--help']).status).toBe(0);
  });

  it('gives way to the TypeScript when it cannot be compiled', async () => {
    const blocked = tempDir('no-cache');
    writeFileSync(path.join(blocked, 'file'), '');
    expect(await compiledCli(path.join(blocked, 'file', 'podium-cli'))).toBeNull();
  });
});
