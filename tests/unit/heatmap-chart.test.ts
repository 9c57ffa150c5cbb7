import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { heatmapChartSvg, heatmapEnds, type HeatmapChartInput } from '../../src/components/heatmap-chart.ts';
import { chartDownloadLinks, downloadName } from '../../src/components/chart-downloads.ts';
import { standaloneSvg } from '../../src/site/chart-dom.ts';

const input = (extra: Partial<HeatmapChartInput> = {}): HeatmapChartInput => ({
  locale: 'zh-CN',
  label: '各部门服务积分（月度）',
  description: '3个部门在2个期间的服务积分，颜色越深得分越高。',
  columns: [
    { label: '2025年3月', start: '2025-03-01', month: true },
    { label: '2025年4月', start: '2025-04-01', month: true },
  ],
  rows: [
    { name: '营业室', scores: [100, 90] },
    { name: '理财室', scores: [95, null] },
    { name: '大堂服务组', scores: [80, 85] },
  ],
  order: 'desc',
  format: (n) => n.toFixed(1),
  width: 720,
  ...extra,
});

const fromBase64 = (href: string) => Buffer.from(href.slice(href.indexOf(',') + 1), 'base64').toString('utf8');

describe('heatmapChartSvg', () => {
  it('is one accessible image: a cell per score, an outline per period, names and short months, the same bytes each time', () => {
    const svg = heatmapChartSvg(input())!;
    const open = svg.slice(0, svg.indexOf('>'));
    expect(open).toContain(' role="img"');
    expect(svg).toContain('<title>各部门服务积分（月度）</title><desc>3个部门在2个期间的服务积分，颜色越深得分越高。</desc>');
    // 3 × 2 outlines, and 5 filled cells: 理财室 has no April score, so its box stays empty.
    expect(svg.match(/<rect/g)).toHaveLength(6 + 5);
    expect(svg.match(/<rect fill="rgb/g)).toHaveLength(5);
    for (const text of ['营业室', '理财室', '大堂服务组', '2025年3月', '4月', '100.0', '85.0']) expect(svg).toContain(`>${text}</text>`);
    expect(svg).not.toContain('>NaN<');
    // The highest score is the darkest and carries white text; the lowest the lightest, with dark text.
    expect(svg).toContain('fill="rgb(8, 48, 107)"');
    expect(svg).toContain('fill="rgb(214, 230, 244)"');
    expect(svg).not.toMatch(/<g[^>]*aria-label/);
    expect(heatmapChartSvg(input())).toBe(svg);
  });

  it('makes the best score the darkest when the lowest is best (a score ranked ascending), with white text on it', () => {
    // Each cell's fill and its number's colour, in the cells' order (营业室 100, 90; 理财室 95; 大堂服务组 80, 85).
    const cells = (svg: string) => {
      const fills = [...svg.matchAll(/<rect fill="([^"]+)"/g)].map((m) => m[1]);
      const numbers = [...svg.matchAll(/<text fill="([^"]+)"[^>]*>([^<]+)<\/text>/g)].map((m) => [m[2], m[1]]);
      return numbers.map(([text, ink], i) => `${text} ${fills[i]} ${ink}`);
    };
    expect(cells(heatmapChartSvg(input({ order: 'asc' }))!)).toEqual(expect.arrayContaining(['80.0 rgb(8, 48, 107) #fff', '100.0 rgb(214, 230, 244) #111827']));
    expect(cells(heatmapChartSvg(input())!)).toEqual(expect.arrayContaining(['100.0 rgb(8, 48, 107) #fff', '80.0 rgb(214, 230, 244) #111827']));
    expect(heatmapEnds('asc')).toEqual([...heatmapEnds('desc')].reverse());
  });

  it('cuts a long name to its column, and leaves the numbers out of cells too narrow for them', () => {
    const svg = heatmapChartSvg(input({ width: 340, rows: [{ name: 'Chengdong Sub-branch Business Department', scores: [98.25, 97] }], locale: 'en' }))!;
    expect(svg).toMatch(/>Chengdong[^<]*…<\/text>/);
    expect(svg).toContain('>Mar 2025</text>');
    expect(heatmapChartSvg(input({ width: 200, columns: Array.from({ length: 12 }, (_, i) => ({ label: `m${i}`, start: `2025-${String(i + 1).padStart(2, '0')}-01`, month: true })), rows: [{ name: 'A', scores: Array(12).fill(90) }] }))).not.toContain('>90.0<');
  });

  it('draws nothing when no child has a score', () => {
    expect(heatmapChartSvg(input({ rows: [{ name: '营业室', scores: [null, null] }] }))).toBeNull();
  });

  it('is valid HTML inside a page', async () => {
    const page = `<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><main>${heatmapChartSvg(input())}</main></body></html>`;
    const report = await new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:a11y'] }).validateString(page);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});

describe('chart downloads', () => {
  it('writes the CSV with a BOM, formula-like names made inert, numbers as numbers', () => {
    const links = chartDownloadLinks('O01-service-month', [['name', 'score'], ['=HYPERLINK("x")', -3], ['营业室', 98.5]], '<svg viewBox="0 0 640 260"><text>营业室</text></svg>');
    expect(links.csvHref.startsWith('data:text/csv;charset=utf-8;base64,')).toBe(true);
    expect(fromBase64(links.csvHref)).toBe('\uFEFFname,score\n"\'=HYPERLINK(""x"")",-3\n营业室,98.5\n');
    expect([links.csvName, links.svgName, links.pngName]).toEqual(['O01-service-month.csv', 'O01-service-month.svg', 'O01-service-month.png']);
  });

  it('makes the SVG a file of its own: its namespace, a size from its viewBox, its fonts', () => {
    const svg = standaloneSvg('<svg role="img" viewBox="0 0 640 260"><title>t</title></svg>');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" role="img" viewBox="0 0 640 260" width="640" height="260"><style>/);
    expect(fromBase64(chartDownloadLinks('x', [], '<svg viewBox="0 0 10 20"></svg>').svgHref)).toContain('width="10" height="20"');
  });

  it('never lets an ID become a folder in a file name', () => {
    expect(downloadName('O01', 'service', 'month')).toBe('O01-service-month');
    expect(downloadName('../etc', 'a/b', 'c\\d')).toBe('___etc-a_b-c_d');
  });
});
