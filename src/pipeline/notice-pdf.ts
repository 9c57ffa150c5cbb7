/**
 * PDFs of a built site's notices (`npm run pdf`, scripts/notice-pdfs.ts), printed by headless
 * Chromium from the pages themselves so that paper and PDF are one layout: the print stylesheet
 * of src/pages/notices/[id].astro (A4, 第 1 页 共 N 页, headers repeated, no navigation).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.ts';
import { NoticeVersions, NOTICE_VERSIONS_FILE } from './notice-versions.ts';
import { publishedExport } from './data-manifest.ts';
import { earlierNoticePath, noticePath } from '../site/model.ts';

/** Writes `<id>.pdf` per notice and `<id>-v<n>.pdf` per earlier version into `outDir`; returns the files written. */
export async function writeNoticePdfs(siteDir: string, outDir: string, chromiumPath: string): Promise<string[]> {
  const problems: string[] = [];
  const found = publishedExport(siteDir, NOTICE_VERSIONS_FILE, NoticeVersions, 'a notice-versions file', 'no notice to print', (note) => problems.push(note));
  if (found === null) throw new Error(problems[0] ?? `${path.join(siteDir, 'exports', NOTICE_VERSIONS_FILE)} is missing: is ${siteDir} a site Podium built?`);
  const pages = Object.entries(found.data.notices).flatMap(([id, versions]) =>
    versions.map((v, i) => (i === versions.length - 1 ? { file: `${id}.pdf`, path: noticePath(id) } : { file: `${id}-v${v.version}.pdf`, path: earlierNoticePath(id, v.version) })),
  );
  mkdirSync(outDir, { recursive: true });
  const { server, url } = await startStaticServer(siteDir);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] });
  try {
    const written: string[] = [];
    for (const page of pages) {
      const tab = await browser.newPage();
      await tab.goto(`${url}/${page.path}`, { waitUntil: 'load' });
      const pdf = await tab.pdf({ preferCSSPageSize: true, printBackground: true });
      await tab.close();
      // Notice IDs are checked codes (no separators), so each file stays inside outDir.
      const file = path.join(outDir, page.file);
      writeFileSync(file, pdf);
      written.push(file);
    }
    return written;
  } finally {
    await browser.close();
    server.close();
  }
}
