/** What the notice tests read from a printed page and from a PDF Chromium wrote. */
import type { Page } from 'playwright-core';

/** Chromium writes a document's title into the PDF's /Title as UTF-16BE hex. */
export const pdfTitle = (pdf: string): string => Buffer.from(/\/Title\s*<FEFF([0-9A-F]*)>/.exec(pdf)?.[1] ?? '', 'hex').swap16().toString('utf16le');

/** How many pages a PDF (read as latin1) has. */
export const pdfPageCount = (pdf: string): number => (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;

/** Each page's size in points, rounded: A4 is 210 × 297 mm, 595 × 842 points. */
export const pdfPageSizes = (pdf: string): number[][] => [...pdf.matchAll(/\/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]/g)].map(([, width, height]) => [Math.round(Number(width)), Math.round(Number(height))]);

/** Under print media: whether the site header, site footer, breadcrumb, any nav or button, title and signature take room. */
export async function printedParts(page: Page): Promise<boolean[]> {
  await page.emulateMedia({ media: 'print' });
  return page.evaluate(() =>
    // Whether any element of each kind shows: a notice's list of earlier versions is a nav too.
    ['.site-header', '.site-footer', '.breadcrumb', 'nav, button', 'h1', '.signature'].map((selector) =>
      [...document.querySelectorAll(selector)].some((element) => element.getBoundingClientRect().height > 0),
    ),
  );
}
/** What printedParts gives for a notice alone on paper. */
export const NOTICE_ALONE = [false, false, false, false, true, true];
