/** Copies a fixture competition to a temp folder so a test can break one file of it. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSite } from '../../src/pipeline/build.ts';
import { BuildError, type Diagnostic } from '../../src/pipeline/diagnostics.ts';

export const FIXTURES = path.resolve('tests/fixtures');

export function copyFixture(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `podium-${name}-`));
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export function editFile(dir: string, file: string, edit: (text: string) => string): void {
  const full = path.join(dir, file);
  writeFileSync(full, edit(readFileSync(full, 'utf8')));
}

/** Builds the site model only (no Astro), which is all the scoring tests need. */
export async function buildModel(dataDir: string) {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'podium-out-'));
  return buildSite({ dataDir, outDir: path.join(outDir, 'site'), modelOnly: true });
}

/** The diagnostics a refused build reported; fails the test if the build went through. */
export async function refusal(dataDir: string): Promise<Diagnostic[]> {
  try {
    await buildModel(dataDir);
  } catch (error) {
    if (error instanceof BuildError) return error.diagnostics;
    throw error;
  }
  throw new Error('expected the build to refuse this input, but it succeeded');
}
