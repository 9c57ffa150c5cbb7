/** The server-drawn score chart: valid, accessible SVG; gaps stay gaps; one value is no chart; same input, same bytes. */
import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { scoreChartSvg, type ChartPeriod, type ScoreChartInput } from '../../src/components/score-chart.ts';

const month = (m: number, score: number | null): ChartPeriod => {
  const mm = String(m).padStart(2, '0');
  return { start: `2025-${mm}-01`, end: `2025-${mm}-28`, score, provisional: false };
};

const chart = (periods: ChartPeriod[], extra: Partial<ScoreChartInput> = {}): ScoreChartInput => ({
  locale: 'zh-CN',
  label: '丁超的服务积分走势（月度）',
  description: '最低94.0分，最高114.0分。',
  scoreTitle: '服务积分（分）',
  timeTitle: '月度',
  periods,
  phases: [
    { marker: '1', start: '2025-01-01', end: '2025-02-28' },
    { marker: '2', start: '2025-03-01', end: '2025-06-30' },
  ],
  targets: [],
  width: 640,
  ...extra,
});

const scoreLine = (svg: string) => /<g[^>]*stroke="#0b57a4"[^>]*><path d="([^"]+)"/.exec(svg)?.[1] ?? '';

describe('scoreChartSvg', () => {
  const svg = scoreChartSvg(chart([month(1, 100), month(2, 104), month(3, 98), month(4, 101)]))!;

  it('is valid, accessible HTML: one image with a title and a description', async () => {
    const page = `<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><main><figure>${svg}</figure></main></body></html>`;
    const report = await new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:a11y'] }).validateString(page);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('aria-label="丁超的服务积分走势（月度）"');
    expect(svg).toContain('<title>丁超的服务积分走势（月度）</title><desc>最低94.0分，最高114.0分。</desc>');
    expect(svg.match(/aria-label=/g)).toHaveLength(1);
  });

  it('scales to its column: a viewBox and no fixed size', () => {
    expect(svg).toContain('viewBox="0 0 640 260"');
    expect(svg).not.toMatch(/<svg [^>]*\b(width|height)=/);
  });

  it('titles the score axis with its unit', () => {
    expect(svg).toContain('>服务积分（分）</text>');
  });

  it('draws the score as one unbroken line when every period has a score', () => {
    expect(scoreLine(svg).match(/M/g)).toHaveLength(1);
  });

  it('breaks the line where a period has no score', () => {
    const gapped = scoreChartSvg(chart([month(1, 100), month(2, 104), month(3, null), month(4, 101), month(5, 99)]))!;
    expect(scoreLine(gapped).match(/M/g)).toHaveLength(2);
    expect(gapped.match(/<circle /g)).toHaveLength(4);
  });

  it('draws no chart for a single value', () => {
    expect(scoreChartSvg(chart([month(1, null), month(2, 104), month(3, null)]))).toBeNull();
    expect(scoreChartSvg(chart([]))).toBeNull();
  });

  it('gives the same bytes for the same input, with no random class names or ids', () => {
    const again = scoreChartSvg(chart([month(1, 100), month(2, 104), month(3, 98), month(4, 101)]));
    expect(again).toBe(svg);
    expect(svg).toContain('class="score-chart"');
    expect(svg).not.toMatch(/\bid=|plot-[0-9a-f]{4,}/);
  });

  it('keeps tick labels inside the drawing: no tick on the closing edge of the span', () => {
    // The last period ends in June, so the span closes on 1 July; a 7月 tick would hang off the right.
    expect(svg).not.toContain('>7月<');
  });
});

describe('scoreChartSvg marks and ticks', () => {
  it('marks a phase band only where the marker fits inside it, so markers never meet', () => {
    const narrowBands = chart([month(1, 100), month(12, 104)], {
      width: 340,
      phases: [
        { marker: '1', start: '2025-01-01', end: '2025-01-03' },
        { marker: '2', start: '2025-01-04', end: '2025-01-06' },
        { marker: '3', start: '2025-01-07', end: '2025-12-28' },
      ],
    });
    const svg = scoreChartSvg(narrowBands)!;
    expect(svg).not.toMatch(/>[12]<\/text>/);
    expect(svg).toMatch(/>3<\/text>/);
  });

  it('labels whole-number scores with whole numbers only, negatives with a minus sign', () => {
    const svg = scoreChartSvg(chart([month(1, -2), month(2, 1), month(3, 3)]))!;
    expect(svg).not.toMatch(/>−?\d+\.\d+<\/text>/);
    expect(svg).toContain('>−2</text>');
  });
});
