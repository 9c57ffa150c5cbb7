/**
 * `npm run pdf`: a PDF of each notice of the built sample, printed by the Chromium the tests use.
 * Each is A4 portrait (595 × 842 pt), at most 4 pages, and carries its notice's title.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeNoticePdfs } from '../../src/pipeline/notice-pdf.ts';
import { tempDir } from '../support/fixture.ts';
import { builtSample } from '../support/sites.ts';
import { pdfPageCount, pdfPageSizes, pdfTitle } from '../support/paper.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const suite = existsSync(CHROMIUM) ? describe : describe.skip;

suite('notice PDFs', () => {
  it('prints every notice of the sample on A4, 1 to 4 pages, with its title', async () => {
    const site = await builtSample('zh-CN');
    const versions = JSON.parse(readFileSync(path.join(site, 'exports/notice-versions.json'), 'utf8')).notices as Record<string, { version: number }[]>;
    const out = tempDir('pdf');
    const written = await writeNoticePdfs(site, out, CHROMIUM);
    // Each notice as it stands, and each earlier version of a corrected one.
    const expected = Object.entries(versions).flatMap(([id, list]) => [`${id}.pdf`, ...list.slice(0, -1).map((v) => `${id}-v${v.version}.pdf`)]);
    expect(written.map((f) => path.basename(f)).sort()).toEqual(expected.sort());
    // The sample's candidate notice is corrected (its record holds the version posted before an objection was upheld).
    expect(expected).toEqual(expect.arrayContaining(['review-h1.pdf', 'review-h1-v1.pdf', 'supervision-2025-Q3.pdf']));
    for (const file of written) {
      const pdf = readFileSync(file).toString('latin1');
      expect(pdfPageCount(pdf), file).toBeGreaterThanOrEqual(1);
      expect(pdfPageCount(pdf), file).toBeLessThanOrEqual(4);
      expect(new Set(pdfPageSizes(pdf).map(String)), file).toEqual(new Set(['595,842']));
    }
    const review = readFileSync(path.join(out, 'review-h1.pdf')).toString('latin1');
    expect(pdfTitle(review)).toContain('上半年小评文明优质服务竞赛考评结果及拟表彰名单公示');
    const earlier = readFileSync(path.join(out, 'review-h1-v1.pdf')).toString('latin1');
    expect(pdfTitle(earlier)).toContain('上半年小评文明优质服务竞赛考评结果及拟表彰名单公示 · 第1版');
  }, 180_000);
});
