/**
 * npm run screenshots -- [--site dist] [--out docs/screenshots] [--pages /,/rankings/]
 * Headless Chromium screenshots of a built site at desktop and phone widths, plus print
 * emulation, for looking at what a change did (and for the README's picture).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../src/pipeline/static-server.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'docs/screenshots' },
    pages: { type: 'string', default: '/' },
    name: { type: 'string', default: '' },
  },
});
const widths = [
  ['desktop', 1280],
  ['mobile', 360],
] as const;
mkdirSync(values.out, { recursive: true });
const { server, url } = await startStaticServer(values.site);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
try {
  for (const pagePath of values.pages.split(',')) {
    const slug = (values.name || pagePath.replace(/^\/|\/$/g, '').replaceAll('/', '_')) || 'home';
    for (const [label, width] of widths) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      page.on('console', (m) => m.type() === 'error' && console.error(`${pagePath} console error: ${m.text()}`));
      await page.goto(`${url}${pagePath}`, { waitUntil: 'networkidle' });
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(values.out, `${slug}-${label}.png`), fullPage: true });
      if (label === 'desktop') {
        await page.emulateMedia({ media: 'print' });
        await page.screenshot({ path: path.join(values.out, `${slug}-print.png`), fullPage: true });
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`screenshots in ${values.out}/`);
