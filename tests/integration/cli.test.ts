/** The `podium` command as a clerk or a CI job runs it: exit codes and what it prints. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, copyFixture, editFile, tempDir } from '../support/fixture.ts';

const podium = (...args: string[]) => spawnSync(process.execPath, ['scripts/podium.mjs', ...args], { encoding: 'utf8' });

describe('podium validate', () => {
  it('says the data is valid and exits 0, printing no progress when not on a terminal', () => {
    const run = podium('validate', '--data', copyFixture('s1-worked'));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/is valid \(data as of 2009-\d\d-\d\d, \d+ finding\(s\)\)/);
    expect(run.stderr).toBe('');
  });

  it('refuses bad data with exit 1, as text, JSON lines or GitHub annotations on the CSV line', () => {
    const dir = copyFixture('s1-worked');
    editFile(dir, 'events.csv', (text) => text.replace('E3,2009-08-20', 'E3,2009/08/20'));
    const text = podium('validate', '--data', dir);
    expect(text.status).toBe(1);
    expect(text.stderr).toMatch(/events\.csv:4:2 \(date\): expected a date written YYYY-MM-DD, found "2009\/08\/20"/);
    const json = podium('validate', '--data', dir, '--format', 'json');
    expect(JSON.parse(json.stderr.trim())).toMatchObject({ stage: 'validate', line: 4, column: 2, field: 'date' });
    const github = podium('validate', '--data', dir, '--format', 'github');
    expect(github.stderr.trim()).toMatch(/^::error file=.*events\.csv,line=4,col=2,title=Podium validate%3A date::expected a date/);
  });
});

describe('podium diff', () => {
  it('compares the data with the published site: exit 0, or 3 with --exit-code when something changed', async () => {
    const dir = copyFixture('s1-worked');
    const out = path.join(tempDir('diff'), 'site');
    const first = podium('diff', '--data', dir, '--out', out, '--exit-code');
    expect(first.status).toBe(0);
    expect(first.stdout.trim()).toBe('what changed: no earlier build published here to compare with');
    // What a build of the same data publishes: its manifest and the manifest's rows and values.
    const model = await buildModel(dir);
    mkdirSync(path.join(out, 'exports'), { recursive: true });
    for (const file of ['data-manifest.json', 'data-manifest-rows.parquet', 'data-manifest-values.parquet']) cpSync(path.join(model.modelDir, '..', 'public', 'exports', file), path.join(out, 'exports', file));
    expect(podium('diff', '--data', dir, '--out', out, '--exit-code').status).toBe(0);
    editFile(dir, 'events.csv', (text) => text.replace('E3,2009-08-20,praise,,S1,5,', 'E3,2009-08-20,praise,,S1,7,'));
    const changed = podium('diff', '--data', dir, '--out', out, '--exit-code');
    expect(changed.status).toBe(3);
    expect(changed.stdout).toContain('  events: 1 changed (E3)');
    const json = podium('diff', '--data', dir, '--out', out, '--format', 'json');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).tables).toEqual([{ table: 'events', counts: { added: 0, changed: 1, removed: 0 }, added: [], changed: [expect.objectContaining({ id: 'E3' })], removed: [] }]);
    expect(podium('diff', '--data', dir, '--out', out, '--format', 'xml').status).toBe(2);
  });
});

describe('podium init', () => {
  it('starts a new competition folder from an example, which then validates', () => {
    const target = path.join(tempDir('init'), 'bus');
    expect(podium('init', target, '--from', 's6-bus').status).toBe(0);
    expect(readdirSync(target)).toContain('competition.yaml');
    expect(podium('validate', '--data', target).status).toBe(0);
  });

  it('never writes into a folder that holds files', () => {
    const target = tempDir('init-full');
    writeFileSync(path.join(target, 'notes.txt'), 'mine');
    const run = podium('init', target);
    expect(run.status).toBe(1);
    expect(readdirSync(target)).toEqual(['notes.txt']);
  });

  it('leaves the sample’s examples behind when starting from the sample', () => {
    const target = path.join(tempDir('init-sample'), 'mine');
    mkdirSync(target);
    expect(podium('init', target).status).toBe(0);
    expect(existsSync(path.join(target, 'examples'))).toBe(false);
    expect(existsSync(path.join(target, 'competition.yaml'))).toBe(true);
  });
});

describe('usage', () => {
  it('lists the commands, and each command has --help', () => {
    expect(podium('--help').stdout).toMatch(/build[\s\S]*validate[\s\S]*diff[\s\S]*preview[\s\S]*init/);
    for (const command of ['build', 'validate', 'diff', 'preview', 'init']) {
      const run = podium(command, '--help');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`podium ${command}`);
    }
  });

  it('exits 2 on an unknown command, option or format', () => {
    expect(podium('publish').status).toBe(2);
    expect(podium('validate', '--colour').status).toBe(2);
    expect(podium('validate', '--format', 'xml').stderr).toContain('--format: expected text, json, github, found "xml"');
  });
});
