/**
 * Every example competition under data/examples/ builds into a whole site, Astro included, as
 * `npm run build -- --data data/examples/<slug> --as-of <a month after its end>` would: its pages are valid HTML and link only to
 * files that exist. Their numbers are checked by the golden tests in tests/unit/examples-*.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/pipeline/build.ts';
import { readCompetition } from '../../src/config/read.ts';
import { tempDir } from '../support/fixture.ts';
import { brokenLinks, htmlProblems, listFiles } from '../support/sites.ts';

const EXAMPLES = path.resolve('data/examples');
const slugs = readdirSync(EXAMPLES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe('the example competitions', () => {
  it('are one per scheme, S1 to S10', () => {
    expect(slugs.map((slug) => slug.split('-')[0])).toEqual(['s1', 's10', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9']);
  });

  it.each(slugs)('%s builds into a site of valid, linked pages', async (slug) => {
    const site = path.join(tempDir(slug), 'site');
    // As a month after the competition ends, when every notice is out (a notice is never dated after the as-of date).
    const { config } = readCompetition(path.join(EXAMPLES, slug));
    const monthAfter = new Date(`${config.end}T00:00:00Z`);
    monthAfter.setUTCDate(monthAfter.getUTCDate() + 30);
    await buildSite({ dataDir: path.join(EXAMPLES, slug), outDir: site, asOf: monthAfter.toISOString().slice(0, 10) });
    const files = listFiles(site);
    const notice = files.find((f) => /^notices\/[^/]+\/index\.html$/.test(f));
    const pages = ['index.html', 'rankings/index.html', 'notices/index.html', 'findings/index.html', 'methodology/index.html', 'downloads/index.html'];
    expect(notice).toBeDefined();
    expect(await htmlProblems(site, [...pages, notice!])).toEqual([]);
    expect(brokenLinks(site, files)).toEqual([]);
  });
});
