/** Copies a fixture competition to a temp folder so a test can break one file of it. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSite } from '../../src/pipeline/build.ts';
import { BuildError, type Diagnostic } from '../../src/config/diagnostics.ts';
import { StandingExportRow } from '../../src/pipeline/export-schemas.ts';
import type { EntityPage, Notice } from '../../src/site/model.ts';

export const FIXTURES = path.resolve('tests/fixtures');

/** A fresh folder under the run's temp root (see global-setup.ts). */
export const tempDir = (prefix: string): string => mkdtempSync(path.join(process.env.PODIUM_TEST_TMP ?? os.tmpdir(), `${prefix}-`));

/** A competition written from its files' texts into a fresh folder. */
export function writeCompetition(prefix: string, files: Record<string, string>): string {
  const dir = tempDir(prefix);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** A CSV table's text from its rows, the header first. */
export const csvText = (rows: (string | number)[][]): string => rows.map((r) => r.join(',')).join('\n') + '\n';

export function copyFixture(name: string): string {
  const dir = tempDir(name);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export function editFile(dir: string, file: string, edit: (text: string) => string): void {
  const full = path.join(dir, file);
  writeFileSync(full, edit(readFileSync(full, 'utf8')));
}

/**
 * Builds the site model only (no Astro), which is all the scoring tests need. `asOf` is the day
 * the site speaks of: a notice dated after it is not out yet.
 */
export async function buildModel(dataDir: string, asOf?: string) {
  const outDir = tempDir('out');
  return buildSite({ dataDir, outDir: path.join(outDir, 'site'), modelOnly: true, asOf });
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

/** The published downloads and model files of a model-only build. */
export function readOutputs(report: Awaited<ReturnType<typeof buildModel>>) {
  const json = (...parts: string[]) => JSON.parse(readFileSync(path.join(...parts), 'utf8'));
  const exportsDir = path.join(report.modelDir, '..', 'public', 'exports');
  return {
    standings: StandingExportRow.array().parse(json(exportsDir, 'standings.json')),
    findings: json(exportsDir, 'findings.json') as unknown[],
    notices: json(report.modelDir, 'notices.json') as Notice[],
    entity: (kind: 'units' | 'staff', id: string) => json(report.modelDir, kind, `${id}.json`) as EntityPage,
    exportsDir,
  };
}
