/**
 * Every example competition under data/examples/ builds into a whole site in each language, Astro
 * included, as `npm run build -- --data data/examples/<slug> --locale <locale> --as-of <a month after its end>` would: its pages are
 * valid HTML, link only to files that exist, and pass the words scan of tests/integration/words.test.ts. Their numbers are
 * checked by the golden tests in tests/unit/examples-*.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/pipeline/build.ts';
import { readCompetition } from '../../src/config/read.ts';
import { tempDir } from '../support/fixture.ts';
import { brokenLinks, htmlProblems, listFiles, readText } from '../support/sites.ts';
import { configIds, dataWords, languageProblems, visibleText, wordProblems } from '../support/page-words.ts';

const EXAMPLES = path.resolve('data/examples');
const slugs = readdirSync(EXAMPLES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe('the example competitions', () => {
  it('are one per scheme, S1 to S10', () => {
    expect(slugs.map((slug) => slug.split('-')[0])).toEqual(['s1', 's10', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9']);
  });

  it.each(slugs.flatMap((slug) => (['zh-CN', 'en'] as const).map((locale) => [slug, locale] as const)))('%s (%s) builds into a site of valid, linked, well-worded pages', async (slug, locale) => {
    const site = path.join(tempDir(`${slug}-${locale}`), 'site');
    // As a month after the competition ends, when every notice is out (a notice is never dated after the as-of date).
    const { config } = readCompetition(path.join(EXAMPLES, slug));
    const monthAfter = new Date(`${config.end}T00:00:00Z`);
    monthAfter.setUTCDate(monthAfter.getUTCDate() + 30);
    await buildSite({ dataDir: path.join(EXAMPLES, slug), outDir: site, locale, asOf: monthAfter.toISOString().slice(0, 10) });
    const files = listFiles(site);
    const notice = files.find((f) => /^notices\/[^/]+\/index\.html$/.test(f));
    const pages = ['index.html', 'rankings/index.html', 'notices/index.html', 'findings/index.html', 'methodology/index.html', 'downloads/index.html'];
    expect(notice).toBeDefined();
    expect(await htmlProblems(site, [...pages, notice!])).toEqual([]);
    expect(brokenLinks(site, files)).toEqual([]);
    // In English a config ID may be a plain word (review, service); there only codes count.
    const ids = configIds(path.join(EXAMPLES, slug)).filter((id) => locale === 'zh-CN' || /[-_\d]/.test(id));
    const data = dataWords(path.join(EXAMPLES, slug));
    const wordings = files
      .filter((file) => file.endsWith('.html'))
      .flatMap((file) => {
        const text = visibleText(readText(site, file));
        return [...wordProblems(text, ids), ...languageProblems(text, locale, data)].map((problem) => `${file}: ${problem}`);
      });
    expect(wordings.slice(0, 20)).toEqual([]);
  });
});
