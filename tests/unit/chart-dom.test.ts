import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ChartDocument, mend, type ChartElement } from '../../src/site/chart-dom.ts';

/** Markup that must come out as text, not as tags or references, and a name broken over two lines. */
const TRICKY = 'A&B <b>"q"</b>\u00a0x';
const rows = [
  { x: 1, y: 3, name: TRICKY, when: new Date(Date.UTC(2025, 0, 1)) },
  { x: 2, y: 5, name: 'first line\nsecond line', when: new Date(Date.UTC(2025, 1, 1)) },
  { x: 3, y: 4, name: '张三', when: new Date(Date.UTC(2025, 2, 1)) },
];

/** Every mark kind the site's charts draw, with axes, grids, inline styles and a class name. */
const chartOptions = (document: unknown) => ({
  document: document as Document,
  className: 'probe',
  width: 400,
  height: 200,
  style: { fontSize: '12px', fontWeight: 'bold' },
  x: { label: 'x "label" <unit>', nice: true },
  y: { grid: true, label: TRICKY },
  color: { type: 'linear' as const, range: ['#d6e6f4', '#08306b'] },
  marks: [
    Plot.rect(rows, { x1: (d: (typeof rows)[number]) => d.x - 0.4, x2: (d: (typeof rows)[number]) => d.x + 0.4, y1: 0, y2: 'y', fill: (_: unknown, i: number) => (i % 2 ? '#e6ecf3' : '#f3f6f9') }),
    Plot.rectY(rows, { x1: 'x', x2: (d: (typeof rows)[number]) => d.x + 0.5, y: 'y', fillOpacity: 0.6, inset: 0.5 }),
    Plot.gridY({ stroke: '#9ca3af', strokeOpacity: 0.5 }),
    Plot.line(rows, { x: 'x', y: 'y', curve: 'step-after', strokeDasharray: '6 4' }),
    Plot.dot(rows, Plot.dodgeY('middle', { x: 'x', r: 3, fill: 'y' })),
    Plot.ruleX([2], { stroke: '#0b57a4', strokeWidth: 3 }),
    Plot.text(rows, { x: 'x', y: 'y', text: 'name', frameAnchor: 'top', dy: -12, dx: 4, textAnchor: 'end', fontWeight: 'bold' }),
  ],
});

const cellOptions = (document: unknown) => ({
  document: document as Document,
  className: 'cells',
  width: 300,
  x: { type: 'band' as const, axis: 'top' as const, tickFormat: (d: Date) => d.toISOString().slice(0, 7) },
  marks: [Plot.cell(rows, { x: 'when', y: 'name', fill: 'none', stroke: '#9ca3af', inset: 1.5 }), Plot.cell(rows, { x: 'when', y: 'name', fill: 'y', inset: 1 }), Plot.text(rows, { x: 'when', y: 'name', text: 'y' })],
});

const timeOptions = (document: unknown) => ({
  document: document as Document,
  className: 'time',
  width: 340,
  x: { type: 'utc' as const, ticks: rows.map((row) => row.when), tickFormat: (d: Date) => `${d.getUTCMonth() + 1}月`, label: '月份', labelArrow: 'none' as const },
  y: { nice: true, tickSize: 0, tickFormat: (n: number) => (Number.isInteger(n) ? `${n < 0 ? '\u2212' : ''}${Math.abs(n)}` : '') },
  marks: [Plot.line(rows, { x: 'when', y: 'y', strokeWidth: 2 }), Plot.dot(rows, { x: 'when', y: 'y', r: 4, fill: (_: unknown, i: number) => (i ? '#fff' : '#0b57a4') })],
});

/** linkedom, which the charts were drawn with before, as the reference for the bytes. */
const linkedomDocument = () => parseHTML('<!doctype html><html><body></body></html>').document;

describe('the chart DOM', () => {
  for (const [name, options] of [
    ['marks, axes and inline styles', chartOptions],
    ['band scales and cells', cellOptions],
    ['a time axis', timeOptions],
  ] as const) {
    it(`writes a Plot chart with ${name} byte for byte as linkedom does`, () => {
      const drawn = Plot.plot(options(new ChartDocument())) as unknown as ChartElement;
      const reference = Plot.plot(options(linkedomDocument())) as unknown as { outerHTML: string };
      expect(drawn.outerHTML).toBe(reference.outerHTML);
      expect(drawn.outerHTML).toContain('<style>');
    });
  }

  it('writes text and attributes so that no markup in the data becomes markup', () => {
    const svg = Plot.plot(chartOptions(new ChartDocument())) as unknown as ChartElement;
    mend(svg, { label: TRICKY, description: TRICKY });
    const html = svg.outerHTML;
    // The ampersand too, which linkedom left bare: "A&amp;B" in the data must not read back as "A&B".
    expect(html).toContain(' aria-label="A&amp;B <b>&quot;q&quot;</b>&#160;x"');
    expect(html).toContain('<title>A&amp;B &lt;b&gt;"q"&lt;/b&gt;&#160;x</title>');
    expect(html).not.toContain('<b>"q"');
    // Two lines of one name become two tspans, as in a browser.
    expect(html).toContain('>first line</tspan><tspan dy="1em" x="0">second line</tspan>');
    // Plot's stylesheet and its marks' group names are gone; the image is named once.
    expect(html).not.toContain('<style>');
    expect(html.match(/aria-label=/g)).toHaveLength(1);
  });

  it('keeps attributes and inline styles as set, newest first, and refuses a style given as text', () => {
    const element = new ChartDocument().createElementNS(null, 'rect');
    element.setAttribute('x', 1);
    element.setAttribute('y', 2);
    Object.assign(element.style, { fontSize: '12px', fillOpacity: '0.5' });
    element.setAttribute('x', 3);
    expect(element.outerHTML).toBe('<rect style="font-size:12px;fill-opacity:0.5" y="2" x="3" />');
    element.style.fontSize = '';
    element.removeAttribute('y');
    expect(element.outerHTML).toBe('<rect style="fill-opacity:0.5" x="3" />');
    expect(() => {
      (element as unknown as { style: string }).style = 'fill: red';
    }).toThrow(/object/);
    expect(() => element.setAttribute('style', 'fill: red')).toThrow(/\.style/);
  });
});
