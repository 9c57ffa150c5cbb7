/**
 * A chart's downloads, as Evidence offers them: its numbers as CSV and its picture as SVG, both as
 * data: links written into the page, so they work offline, with no request and no JavaScript, and
 * add no file per chart to a site of forty thousand staff. (PNG is drawn from the SVG in the
 * browser: ChartDownloads.astro.)
 */
import { csvDocument } from '../site/csv.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The page's stylesheet does not travel with a downloaded SVG: the fonts it needs do. */
const standaloneStyle = (background: string) => `<style>svg{background:${background};font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif}text{white-space:pre}</style>`;

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

/**
 * The SVG as a file of its own: its namespace, a size from its viewBox (for the PNG), and its
 * fonts. White behind it by default; `none` for a layer a page shows over its own background.
 */
export function standaloneSvg(svg: string, { background = '#fff' }: { background?: string } = {}): string {
  const viewBox = /\sviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  const size = viewBox ? ` width="${viewBox[1]}" height="${viewBox[2]}"` : '';
  return svg.replace(/^<svg\b([^>]*)>/, (_, attributes: string) => `<svg xmlns="${SVG_NS}"${attributes.replace(/\sxmlns="[^"]*"/, '')}${size}>${standaloneStyle(background)}`);
}

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
