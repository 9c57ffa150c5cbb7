/**
 * A chart's downloads, as Evidence offers them: its numbers as CSV and its picture as SVG, both as
 * data: links written into the page, so they work offline, with no request and no JavaScript, and
 * add no file per chart to a site of forty thousand staff (the peer chart's are files its
 * ranking's pages share: src/site/peer-chart.ts). PNG is drawn from the SVG in the browser
 * (ChartDownloads.astro).
 */
import { csvDocument } from '../site/csv.ts';
import { standaloneSvg } from '../site/chart-dom.ts';

export interface ChartDownloadLinks {
  /** File names without a folder: letters, digits, - and _ only, whatever the IDs hold. */
  csvName: string;
  svgName: string;
  pngName: string;
  csvHref: string;
  svgHref: string;
}

/** A file name from IDs: anything but letters, digits, - and _ becomes _, so no ID reads as a folder. */
export const downloadName = (...parts: string[]): string => parts.join('-').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 120) || 'chart';

/** `table` is the header and the rows, as the CSV writer takes them (formula-like text made inert). */
export function chartDownloadLinks(name: string, table: unknown[][], svg: string): ChartDownloadLinks {
  const csv = csvDocument(table);
  return fileDownloadLinks(
    name,
    `data:text/csv;charset=utf-8;base64,${Buffer.from(csv, 'utf8').toString('base64')}`,
    `data:image/svg+xml;base64,${Buffer.from(standaloneSvg(svg), 'utf8').toString('base64')}`,
  );
}

/** Links to a chart's CSV and SVG wherever they are: data: links, or files of the site shared by many pages. */
export function fileDownloadLinks(name: string, csvHref: string, svgHref: string): ChartDownloadLinks {
  return { csvName: `${name}.csv`, svgName: `${name}.svg`, pngName: `${name}.png`, csvHref, svgHref };
}
