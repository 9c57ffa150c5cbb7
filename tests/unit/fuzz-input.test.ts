/**
 * Property: whatever a clerk (or an attacker) puts in a CSV cell or a YAML scalar, the build
 * either succeeds or refuses with diagnostics: never a crash, never a hang past its budget, and
 * a refused build leaves the published site exactly as it was. Each build publishes for real,
 * with a renderer that needs no Astro. Runs with a fixed seed so CI is repeatable; FUZZ_SEED and
 * FUZZ_RUNS explore further by hand.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, tempDir } from '../support/fixture.ts';
import { snapshot, trivialRenderer } from '../support/publish.ts';
import { buildSite } from '../../src/pipeline/build.ts';
import { BuildError } from '../../src/config/diagnostics.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const RUNS = Number(process.env.FUZZ_RUNS ?? 24);
/** One build of the tiny fixture takes well under a second; ten is a hang. */
const BUILD_BUDGET_MS = 10_000;

/** Text a cell or scalar may hold: any code point, plus the characters that break formats. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', '\0', '=', '-', '\u202e', '\u00a0', '\u3000', ' ', 'a', '张', '\ufeff', '\\', ':', '#', '&', '*', '!', '{', '[', '<'), maxLength: 20 }),
  fc.constantFrom('', ' ', '1e300', '-0', 'NaN', 'Infinity', '9'.repeat(40), '0x10', '2009-02-30', '0001-01-01', 'CON', 'S1', 's1', '=cmd|"/c calc"!A1', '<script>alert(1)</script>', '../../etc/passwd', '*a', '&a [*a, *a]'),
);

/** A CSV cell as a clerk's spreadsheet would write it: quoted when it has to be. */
const csvCell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

const CSV_FILES = ['events.csv', 'staff.csv', 'units.csv', 'surveys.csv'] as const;
/** Scalars of the fixture's competition.yaml worth replacing, with the text they stand in. */
const YAML_SCALARS = ['2009-08-01', '100', '信用社百日竞赛', 'outlet', 'points', '{ min: 1, max: 10 }', 'zh-CN', 'ledger', '5'] as const;

/** A site published from the unchanged fixture; each fuzzed build tries to replace a copy of it. */
let published = '';
let before: ReturnType<typeof snapshot>;
beforeAll(async () => {
  published = path.join(tempDir('fuzz-published'), 'site');
  await buildSite({ dataDir: path.join(FIXTURES, 's1-worked'), outDir: published, render: trivialRenderer('before') });
  before = snapshot(published);
});

async function buildWithin(dir: string): Promise<void> {
  const outDir = path.join(tempDir('fuzz-out'), 'site');
  cpSync(published, outDir, { recursive: true });
  let timer: NodeJS.Timeout | undefined;
  const overBudget = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the build took longer than ${BUILD_BUDGET_MS} ms`)), BUILD_BUDGET_MS);
  });
  try {
    await Promise.race([buildSite({ dataDir: dir, outDir, render: trivialRenderer('after') }), overBudget]);
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    expect(error.diagnostics.length).toBeGreaterThan(0);
    expect(snapshot(outDir)).toEqual(before);
  } finally {
    clearTimeout(timer);
  }
}

describe('fuzzing the inputs: a build succeeds or refuses, never crashes or hangs', () => {
  it('any text in any CSV cell', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CSV_FILES), fc.nat(), fc.nat(), hostileText, async (file, rowPick, columnPick, text) => {
        const dir = copyFixture('s1-worked');
        const full = path.join(dir, file);
        const lines = readFileSync(full, 'utf8').trimEnd().split('\n');
        const row = 1 + (rowPick % (lines.length - 1));
        const cells = lines[row]!.split(',');
        cells[columnPick % cells.length] = csvCell(text);
        lines[row] = cells.join(',');
        writeFileSync(full, `${lines.join('\n')}\n`);
        await buildWithin(dir);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('any text in any YAML scalar', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...YAML_SCALARS), hostileText, fc.boolean(), async (scalar, text, quoted) => {
        const dir = copyFixture('s1-worked');
        const full = path.join(dir, 'competition.yaml');
        const yaml = readFileSync(full, 'utf8');
        // Quoted, the text is a YAML string of any content; bare, YAML reads it as it will.
        const replacement = quoted ? JSON.stringify(text) : text.replace(/[\r\n]/g, ' ');
        writeFileSync(full, yaml.replace(scalar, replacement));
        await buildWithin(dir);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
