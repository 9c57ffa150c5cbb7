/**
 * The rows of rankings and notices, the tables that grow to thousands of rows at a bank's size
 * (issue 12: every page under 1 MB). A row writes its place once, with no per-cell scope
 * attributes, so that a notice of 2,000 winners stays a single page of about 0.6 MB.
 */
import { describe, expect, it } from 'vitest';
import { builtSample, listFiles, readText } from '../support/sites.ts';

/** The body rows of a page that name a place under the row's name. */
function placeRows(html: string): string[] {
  return [...html.matchAll(/<tbody>(.*?)<\/tbody>/gs)].flatMap(([, body]) => [...body!.matchAll(/<tr>.*?<\/tr>/gs)].map(([row]) => row)).filter((row) => row.includes('class="place'));
}

describe.each(['zh-CN', 'en'] as const)('rows of rankings and notices (%s)', (locale) => {
  it('write the place once, carry no scope attributes, and stay within their byte budget', async () => {
    const site = await builtSample(locale);
    const pages = listFiles(site).filter((file) => /^(rankings|notices)\/.*index\.html$/.test(file));
    const problems: string[] = [];
    let rows = 0;
    for (const page of pages) {
      for (const row of placeRows(readText(site, page))) {
        rows += 1;
        const places = row.match(/class="place[ "]/g) ?? [];
        if (places.length !== 1) problems.push(`${page}: ${places.length} places in ${row}`);
        if (row.includes('data-astro-cid')) problems.push(`${page}: a scope attribute in ${row}`);
        // Rank, name, place, score and amount in 400 bytes; a ranking's optional columns (the rank
        // change and the target, each an arrow or mark with words for screen readers) 150 each.
        const optional = row.match(/<td data-sort-value="[^"]*">\s*<span class="(?:change|target) .*?<\/td>/gs) ?? [];
        const bytes = Buffer.byteLength(optional.reduce((rest, cell) => rest.replace(cell, ''), row));
        if (bytes > 400) problems.push(`${page}: ${bytes} bytes in ${row}`);
        for (const cell of optional) if (Buffer.byteLength(cell) > 150) problems.push(`${page}: ${Buffer.byteLength(cell)} bytes in ${cell}`);
      }
    }
    // The sample's staff and department rankings and its monthly notices of departments have places.
    expect(rows).toBeGreaterThan(100);
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('shows the place under the name in its own cell: no second copy in a column for wide screens', async () => {
    const site = await builtSample(locale);
    // 理财室 of 城东支行营业部 (O01-D2) heads the sample's September department ranking notice.
    const [first] = placeRows(readText(site, 'notices/monthly-2025-09/index.html'));
    expect(first).toMatch(/<td class="name"> <a href="\/units\/O01-D2\/">理财室<\/a>\s*<span class="place sub-line"><a href="\/units\/O01\/">城东支行营业部<\/a><\/span>\s*<\/td>/);
    expect(first!.match(/<td/g)).toHaveLength(3);
  });
});
