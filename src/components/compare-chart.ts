/**
 * The comparison chart of CompareSeries.astro, drawn in the browser: one line per entity over the
 * periods of the first score they all have, a key, and a table of the same numbers for readers
 * who do not see the chart. Every name goes in as text (textContent), never as markup.
 */
export interface CompareData {
  id: string;
  name: string;
  /** The level's label, or `staff`: only entities of one kind compare. */
  kind: string;
  series: { scoreId: string; scoreLabel: string; points: { periodId: string; periodLabel: string; score: number }[] }[];
}

import { csvDocument } from '../site/csv.ts';
import { savePng } from './chart-png.ts';

export interface CompareWords {
  tooMany: string;
  badId: string;
  notFound: string;
  otherKind: string;
  noCommon: string;
  /** A template: {score} and {names}. */
  chartLabel: string;
  period: string;
  shown: string;
  separator: string;
  download: string;
  /** Read after each download link's format by screen readers: a template with {chart}. */
  downloadOf: string;
}

const SVG = 'http://www.w3.org/2000/svg';
/** Four colours apart for colour-blind readers, each with its own dash, so no line depends on colour alone. */
const STYLES = [
  { color: '#0b57a4', dash: '' },
  { color: '#b02a25', dash: '6 3' },
  { color: '#1b7a3d', dash: '2 3' },
  { color: '#7a4ab0', dash: '10 3 2 3' },
];
/** The widest drawing; on a narrower screen it is drawn at the column's width, so its 12-unit text stays 12 px. */
const MAX_WIDTH = 640;
const MIN_WIDTH = 280;
const HEIGHT = 260;
const MARGIN = { left: 48, right: 16, top: 16, bottom: 36 };

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

function svgElement(tag: string, attributes: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/** Draws the comparison into the container; false when the entities share no score. */
export function drawComparison(container: HTMLElement, entities: CompareData[], words: CompareWords, locale: string): boolean {
  const [own, ...others] = entities;
  const score = own!.series.find((s) => others.every((o) => o.series.some((t) => t.scoreId === s.scoreId)));
  if (!score) return false;
  // The result box may still be hidden (no width): its section's column is as wide as it will be.
  const column = container.parentElement?.clientWidth ?? MAX_WIDTH;
  const width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, column || MAX_WIDTH)));
  const lines = entities.map((e) => ({ entity: e, points: e.series.find((s) => s.scoreId === score.scoreId)!.points }));
  // The periods in the order they come: this entity's first, then any only the others have.
  const periods = new Map<string, string>();
  for (const { points } of lines) for (const p of points) if (!periods.has(p.periodId)) periods.set(p.periodId, p.periodLabel);
  const periodIds = [...periods.keys()];
  const values = lines.flatMap((l) => l.points.map((p) => p.score));
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = Math.max((high - low) * 0.1, Math.abs(high) * 0.01, 1);
  const [y0, y1] = [low - pad, high + pad];
  const x = (i: number) => MARGIN.left + (periodIds.length === 1 ? 0.5 : i / (periodIds.length - 1)) * (width - MARGIN.left - MARGIN.right);
  const y = (v: number) => MARGIN.top + (1 - (v - y0) / (y1 - y0)) * (HEIGHT - MARGIN.top - MARGIN.bottom);
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const number = (v: number) => format.format(v).replace('-', '\u2212');

  // Filled by splitting, so a name with "$&" in it stays as written.
  const fill = (template: string, values: Record<string, string>) => Object.entries(values).reduce((text, [name, value]) => text.split(`{${name}}`).join(value), template);
  const label = fill(words.chartLabel, { score: score.scoreLabel, names: entities.map((e) => e.name).join(words.separator) });
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${HEIGHT}`, role: 'img', 'aria-label': label });
  const title = svgElement('title', {});
  title.textContent = label;
  svg.append(title);
  for (const tick of [y0, (y0 + y1) / 2, y1]) {
    svg.append(svgElement('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(tick), y2: y(tick), stroke: '#d1d5db' }));
    const text = svgElement('text', { x: MARGIN.left - 6, y: y(tick) + 4, 'text-anchor': 'end', 'font-size': 12, fill: '#374151' });
    text.textContent = number(tick);
    svg.append(text);
  }
  // The first and last period under the axis; the table names every one.
  for (const i of [...new Set([0, periodIds.length - 1])]) {
    const text = svgElement('text', { x: x(i), y: HEIGHT - 12, 'text-anchor': i === 0 ? 'start' : 'end', 'font-size': 12, fill: '#374151' });
    text.textContent = periods.get(periodIds[i]!)!;
    svg.append(text);
  }
  lines.forEach(({ points }, n) => {
    const style = STYLES[n]!;
    const byPeriod = new Map(points.map((p) => [p.periodId, p.score]));
    // A period without a score breaks the line: a gap, not a segment across it.
    let path = '';
    let drawing = false;
    periodIds.forEach((id, i) => {
      const value = byPeriod.get(id);
      if (value === undefined) drawing = false;
      else {
        path += `${drawing ? 'L' : 'M'}${x(i).toFixed(1)},${y(value).toFixed(1)}`;
        drawing = true;
        svg.append(svgElement('circle', { cx: x(i).toFixed(1), cy: y(value).toFixed(1), r: 3, fill: style.color }));
      }
    });
    svg.append(svgElement('path', { d: path, fill: 'none', stroke: style.color, 'stroke-width': 2, 'stroke-dasharray': style.dash }));
  });

  const key = element('ul');
  key.className = 'compare-key';
  lines.forEach(({ entity }, n) => {
    const item = element('li');
    const swatch = svgElement('svg', { width: 28, height: 10, 'aria-hidden': 'true' });
    swatch.append(svgElement('line', { x1: 0, x2: 28, y1: 5, y2: 5, stroke: STYLES[n]!.color, 'stroke-width': 3, 'stroke-dasharray': STYLES[n]!.dash }));
    item.append(swatch, ` ${entity.name}`);
    key.append(item);
  });

  const table = element('table');
  table.append(element('caption', label));
  const head = element('tr');
  head.append(Object.assign(element('th', words.period), { scope: 'col' }));
  for (const { entity } of lines) head.append(Object.assign(element('th', entity.name), { scope: 'col' }));
  table.append(element('thead'));
  table.tHead!.append(head);
  const body = element('tbody');
  for (const id of periodIds) {
    const row = element('tr');
    row.append(Object.assign(element('th', periods.get(id)!), { scope: 'row' }));
    for (const { points } of lines) {
      const point = points.find((p) => p.periodId === id);
      row.append(element('td', point ? number(point.score) : '–'));
    }
    body.append(row);
  }
  table.append(body);
  // A wide table scrolls in its own box on a phone, which the keyboard can reach.
  const scroller = element('div');
  scroller.className = 'compare-table';
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', label);
  scroller.append(table);
  container.replaceChildren(svg, key, downloads(svg, width, [[words.period, ...lines.map((l) => l.entity.name)], ...periodIds.map((id) => [periods.get(id)!, ...lines.map(({ points }) => points.find((p) => p.periodId === id)?.score ?? '')])], entities, words, label), scroller);
  return true;
}

/**
 * The comparison's downloads, as the server charts have them (ChartDownloads.astro): the table as
 * CSV (BOM, formula-like names made inert), the drawing as SVG and as PNG, all made in the page.
 */
function downloads(svg: SVGElement, width: number, table: unknown[][], entities: CompareData[], words: CompareWords, label: string): HTMLElement {
  // IDs passed the page's ID check; the name keeps to letters, digits, - and _ all the same.
  const name = ['compare', ...entities.map((e) => e.id)].join('-').replace(/[^A-Za-z0-9_-]/g, '_');
  const standalone = svg.cloneNode(true) as SVGElement;
  standalone.setAttribute('xmlns', SVG);
  standalone.setAttribute('width', String(width));
  standalone.setAttribute('height', String(HEIGHT));
  standalone.setAttribute('font-family', 'system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif');
  const files = {
    csv: new Blob([csvDocument(table)], { type: 'text/csv;charset=utf-8' }),
    svg: new Blob([new XMLSerializer().serializeToString(standalone)], { type: 'image/svg+xml' }),
  };
  const of = words.downloadOf.split('{chart}').join(label);
  const control = (tag: 'a' | 'button', format: string) => {
    const node = element(tag, format);
    const hidden = element('span', of);
    hidden.className = 'sr-only';
    node.append(hidden);
    return node;
  };
  const csv = Object.assign(control('a', 'CSV'), { href: URL.createObjectURL(files.csv), download: `${name}.csv` });
  const svgLink = Object.assign(control('a', 'SVG'), { href: URL.createObjectURL(files.svg), download: `${name}.svg` });
  const png = Object.assign(control('button', 'PNG'), { type: 'button' });
  png.addEventListener('click', () => void savePng(svgLink.href, `${name}.png`));
  const row = element('p');
  row.className = 'compare-downloads';
  row.append(element('span', words.download), csv, svgLink, png);
  return row;
}
