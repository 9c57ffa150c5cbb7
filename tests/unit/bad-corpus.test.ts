/**
 * The bad-input corpus (tests/bad/README.md): every folder is one refused input, with the
 * diagnostics the build must give for it.
 */
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildModel, tempDir } from '../support/fixture.ts';
import { BuildError, displayPath, formatDiagnostic } from '../../src/config/diagnostics.ts';

const CORPUS = path.resolve('tests/bad');

const ExpectedDiagnostic = z.strictObject({
  stage: z.string().optional(),
  file: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  rowGroup: z.number().int().optional(),
  row: z.number().int().optional(),
  field: z.string().optional(),
  expected: z.string().optional(),
  found: z.string().optional(),
});

const Case = z.strictObject({
  about: z.string().min(1),
  base: z.string().default('tests/fixtures/s1-worked'),
  remove: z.array(z.string()).default([]),
  append: z.array(z.strictObject({ file: z.string(), text: z.string() })).default([]),
  expect: z.array(ExpectedDiagnostic).min(1),
  exhaustive: z.boolean().default(true),
  never: z.array(z.string()).default([]),
});

/** `{x*3}` → `xxx`: lets a case state a 600 KB line in one line of JSON. */
const expandRepeats = (text: string) => text.replace(/\{(.+?)\*(\d+)\}/gs, (_, unit: string, times: string) => unit.repeat(Number(times)));

function prepare(name: string, spec: z.infer<typeof Case>): string {
  const dir = path.join(tempDir(`bad-${name}`), 'competition');
  cpSync(path.resolve(spec.base), dir, { recursive: true });
  for (const file of spec.remove) rmSync(path.join(dir, file));
  const input = path.join(CORPUS, name, 'input');
  // Symlinks stay symlinks: a case may commit one that points outside the folder.
  if (existsSync(input)) cpSync(input, dir, { recursive: true, verbatimSymlinks: true, force: true });
  for (const { file, text } of spec.append) appendFileSync(path.join(dir, file), expandRepeats(text));
  return dir;
}

const cases = readdirSync(CORPUS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('the bad-input corpus: each case is refused with its diagnostics', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(0));

  for (const name of cases) {
    const spec = Case.parse(JSON.parse(readFileSync(path.join(CORPUS, name, 'case.json'), 'utf8')));
    it(`${name}: ${spec.about}`, async () => {
      const dir = prepare(name, spec);
      const error = await buildModel(dir).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (!(error instanceof BuildError)) {
        throw new Error(error === undefined ? 'the build accepted this input' : `the build crashed instead of refusing: ${String((error as Error)?.stack ?? error)}`);
      }
      const shown = error.diagnostics.map((d) => ({ stage: error.stage, ...d }));
      const wanted = spec.expect.map(({ file, expected, found, ...where }) =>
        expect.objectContaining({
          ...where,
          file: displayPath(path.join(dir, file)),
          ...(expected === undefined ? {} : { expected: expect.stringContaining(expected) }),
          ...(found === undefined ? {} : { found: expect.stringContaining(found) }),
        }),
      );
      if (spec.exhaustive) expect(shown).toEqual(wanted);
      else expect(shown.slice(0, wanted.length)).toEqual(wanted);
      for (const secret of spec.never) expect(error.message).not.toContain(secret);
      for (const line of error.diagnostics.map(formatDiagnostic)) expect(line.length).toBeLessThan(2_000);
    });
  }
});
