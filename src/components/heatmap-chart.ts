/**
 * A unit's children (or staff) × periods as a heatmap: inline SVG drawn on the server with
 * Observable Plot, like score-chart.ts, a cell per score shaded from light (worse) to dark
 * (better): the high end of a score ranked highest first, the low end of one ranked lowest first
 * (complaints, penalty work orders), so that darker always reads as better. An empty outlined cell
 * where a child has no score. Every word arrives in the input, in the build's locale.
 */
import * as Plot from '@observablehq/plot';
import { chartDocument, mend, type ChartElement } from '../site/chart-dom.ts';

export interface HeatmapChartInput {
  locale: string;
  /** The accessible name (title). */
  label: string;
  /** The accessible description: what the cells show, in words. */
  description: string;
  /** `start` of a month lets its column read as a short month name. */
  columns: { label: string; start: string; month: boolean }[];
  rows: { name: string; scores: (number | null)[] }[];
  /** The score's ranking order: `asc` when the lowest is best, so the lowest is the darkest. */
  order: 'desc' | 'asc';
  /** How a score is written inside its cell (with the score's decimals). */
  format: (n: number) => string;
  width: number;
}

const ROW_HEIGHT = 26;
const LIGHTEST = '#d6e6f4';
const DARKEST = '#08306b';
/** The colours of the lowest and the highest score, for a legend beside the chart. */
export const heatmapEnds = (order: HeatmapChartInput['order']): [low: string, high: string] => (order === 'asc' ? [DARKEST, LIGHTEST] : [LIGHTEST, DARKEST]);
const EMPTY = '#9ca3af';
const MARGIN = { top: 28, right: 8, bottom: 8 };
/** Near enough widths at 12 px: a Han character, and anything else. */
const WIDE_CHAR = 12;
const NARROW_CHAR = 7;
/** The names' column takes at most this share of the drawing. */
const NAME_SHARE = 0.32;
/** A fixed class name: Plot's default adds a random suffix, which would change every build. */
const CLASS_NAME = 'heatmap-chart';
const textWidth = (text: string) => [...text].reduce((sum, c) => sum + (/\p{Script=Han}/u.test(c) ? WIDE_CHAR : NARROW_CHAR), 0);

/** The name cut to fit its column, with an ellipsis: the table below the chart has it in full. */
function clip(name: string, width: number): string {
  if (textWidth(name) <= width) return name;
  let clipped = '';
  for (const c of name) {
    if (textWidth(`${clipped}${c}…`) > width) break;
    clipped += c;
  }
  return `${clipped}…`;
}

export function heatmapChartSvg(input: HeatmapChartInput): string | null {
  const cells = input.rows.flatMap((row, r) => row.scores.flatMap((score, c) => (score === null ? [] : [{ row: r, column: c, score }])));
  if (cells.length === 0) return null;
  const grid = input.rows.flatMap((row, r) => row.scores.map((_, c) => ({ row: r, column: c })));
  const nameWidth = Math.min(Math.max(...input.rows.map((row) => textWidth(row.name))), input.width * NAME_SHARE);
  const marginLeft = Math.ceil(nameWidth) + 10;
  const columnWidth = (input.width - marginLeft - MARGIN.right) / input.columns.length;
  const month = new Intl.DateTimeFormat(input.locale, { month: 'short', timeZone: 'UTC' });
  const monthYear = new Intl.DateTimeFormat(input.locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  // A column heading as short as it can be; every second or third one when even that is crowded.
  const heading = (column: HeatmapChartInput['columns'][number], i: number) => {
    if (!column.month) return column.label;
    const start = new Date(`${column.start}T00:00:00Z`);
    return (i === 0 || start.getUTCMonth() === 0 ? monthYear : month).format(start);
  };
  const step = Math.max(1, Math.ceil(Math.max(...input.columns.map((c, i) => textWidth(heading(c, i)) + 6)) / columnWidth));
  const values = cells.map((cell) => cell.score);
  const [low, high] = [Math.min(...values), Math.max(...values)];
  // Dark cells take white numbers: past about the middle of the blues the black text loses contrast.
  const darkness = (score: number) => (input.order === 'asc' ? high - score : score - low) / (high - low);
  const dark = (score: number) => high > low && darkness(score) > 0.45;
  const writeNumbers = columnWidth >= Math.max(...values.map((v) => textWidth(input.format(v)))) + 6;
  const svg = Plot.plot({
    document: chartDocument(),
    className: CLASS_NAME,
    width: input.width,
    height: MARGIN.top + MARGIN.bottom + ROW_HEIGHT * input.rows.length,
    marginLeft,
    marginTop: MARGIN.top,
    marginRight: MARGIN.right,
    marginBottom: MARGIN.bottom,
    style: { fontSize: '12px' },
    x: {
      type: 'band',
      domain: input.columns.map((_, i) => i),
      axis: 'top',
      label: null,
      tickSize: 0,
      ticks: input.columns.map((_, i) => i).filter((i) => i % step === 0),
      tickFormat: (i: number) => heading(input.columns[i]!, i),
    },
    y: { type: 'band', domain: input.rows.map((_, i) => i), label: null, tickSize: 0, tickFormat: (i: number) => clip(input.rows[i]!.name, nameWidth) },
    // From a light blue that still stands out from the page to a dark one: the lowest score must
    // not look like an empty cell.
    color: { type: 'linear', range: heatmapEnds(input.order), interpolate: 'hcl', domain: high > low ? [low, high] : [low - 1, high + 1] },
    marks: [
      // Every cell's outline, so a period without a score reads as an empty box, not as a light one.
      Plot.cell(grid, { x: 'column', y: 'row', fill: 'none', stroke: EMPTY, strokeDasharray: '3 2', inset: 1.5 }),
      Plot.cell(cells, { x: 'column', y: 'row', fill: 'score', inset: 1 }),
      writeNumbers ? Plot.text(cells, { x: 'column', y: 'row', text: (d: { score: number }) => input.format(d.score), fill: (d: { score: number }) => (dark(d.score) ? '#fff' : '#111827') }) : null,
    ],
  }) as unknown as ChartElement;
  mend(svg, input);
  return svg.outerHTML;
}
