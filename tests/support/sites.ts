/**
 * Full builds (Astro included) shared by the integration and browser tests: each locale of the
 * sample is built once per test run, into the run's temp root.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSite } from '../../src/pipeline/build.ts';
import type { Locale } from '../../src/config/schema.ts';

const root = () => process.env.PODIUM_TEST_TMP ?? '/tmp';

export async function builtSample(locale: Locale): Promise<string> {
  const outDir = path.join(root(), `sample-${locale}`);
  if (!existsSync(outDir)) await buildSite({ dataDir: 'data', outDir, locale });
  return outDir;
}

/** Every file under a folder, as paths relative to it, sorted. */
export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const rel = path.join(prefix, entry.name);
      return entry.isDirectory() ? listFiles(dir, rel) : [rel];
    })
    .sort();
}

export const readText = (dir: string, rel: string) => readFileSync(path.join(dir, rel), 'utf8');
