/**
 * Full builds (Astro included) shared by the integration and browser tests: each locale of the
 * sample (and its internal edition) is built once per test run, into the run's temp root.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { buildSite } from '../../src/pipeline/build.ts';
import type { Audience, Locale } from '../../src/config/schema.ts';

const root = () => process.env.PODIUM_TEST_TMP ?? '/tmp';

/** The sample as published (the config's public edition), or its internal edition. */
export async function builtSample(locale: Locale, audience: Audience = 'public'): Promise<string> {
  const outDir = path.join(root(), audience === 'public' ? `sample-${locale}` : `sample-${locale}-${audience}`);
  if (!existsSync(outDir)) await buildSite({ dataDir: 'data', outDir, locale, audience });
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

/** Links and sources of a built site's pages that point at no file of it, as "page → link". */
export function brokenLinks(site: string, files: string[]): string[] {
  const missing = new Set<string>();
  for (const page of files.filter((f) => f.endsWith('.html'))) {
    for (const [, link] of readText(site, page).matchAll(/(?:href|src)="(\/[^"#?]*)/g)) {
      const target = decodeURIComponent(link!).replace(/^\//, '');
      const exists = files.includes(target) || files.includes(path.join(target, 'index.html'));
      if (!exists) missing.add(`${page} → ${link}`);
    }
  }
  return [...missing];
}

/** html-validate's standard and a11y rules over some pages of a built site, as "page:line rule: message". */
export async function htmlProblems(site: string, pages: string[]): Promise<string[]> {
  const validator = new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:a11y'] });
  const problems: string[] = [];
  for (const page of pages) {
    const report = await validator.validateString(readText(site, page), page);
    for (const message of report.results.flatMap((r) => r.messages)) {
      // Astro writes the style rule of its island elements before the first island, in the body.
      if (message.ruleId === 'element-permitted-content' && message.selector?.endsWith('style')) continue;
      problems.push(`${page}:${message.line} ${message.ruleId}: ${message.message}`);
    }
  }
  return problems;
}
