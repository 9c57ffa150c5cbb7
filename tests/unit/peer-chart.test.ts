import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { drawPeerChart, peerChartSvg, type PeerChartInput } from '../../src/components/peer-chart.ts';

const input = (peers: Partial<PeerChartInput['peers']>): PeerChartInput => ({
  peers: { rankingLabel: '网点排名', periodLabel: '2025年10月', score: 97, count: 5, median: 95, scores: [90, 93, 95, 97, 99], bins: null, ...peers },
  label: '服务积分：2025年10月「网点排名」全部得分分布',
  description: '共5个参评对象，城东支行营业部得分97分，高于中位数95分。',
  scoreTitle: '服务积分（分）',
  selfLabel: '城东支行营业部',
  medianLabel: '中位数',
  countTitle: '人数或单位数',
  width: 380,
});

describe('peerChartSvg', () => {
  it('is one accessible image with a title and description, a dot per peer, and the same bytes each time', () => {
    const svg = peerChartSvg(input({}));
    const open = svg.slice(0, svg.indexOf('>'));
    expect(open).toContain(' role="img"');
    expect(open).toContain(' aria-label="服务积分：2025年10月「网点排名」全部得分分布"');
    expect(svg).toContain('<title>服务积分：2025年10月「网点排名」全部得分分布</title><desc>共5个参评对象，城东支行营业部得分97分，高于中位数95分。</desc>');
    expect(svg.match(/<circle/g)).toHaveLength(5);
    expect(svg).toContain('>城东支行营业部</text>');
    expect(svg).toContain('>中位数</text>');
    expect(svg).not.toMatch(/<g[^>]*aria-label/);
    expect(peerChartSvg(input({}))).toBe(svg);
  });

  it('draws the peers once per ranking and size, and each page gives the same bytes as one whole drawing', () => {
    const bins = Array.from({ length: 12 }, (_, i) => ({ from: -60 + i * 12.5, to: -60 + (i + 1) * 12.5, count: (i * 37) % 101 }));
    const rankings = [{}, { scores: null, count: 999, median: 3.3, bins }];
    // Above, at and below the median, on the peers' edges, and outside their span (the scale widens).
    for (const ranking of rankings) {
      for (const score of [-60, -12.5, 3.3, 90, 93.25, 95, 99, 150, -200]) {
        for (const width of [380, 290]) {
          const chart = input({ ...ranking, score });
          // A name with markup in it, one over two lines (Plot writes those as lines of their own), and none.
          for (const selfLabel of [`A&B <${score}> "q"`, `two\nlines ${score}`, '']) {
            const page = { ...chart, width, selfLabel, label: `${selfLabel} & peers`, description: `score ${score}` };
            expect(peerChartSvg(page)).toBe(drawPeerChart(page));
          }
        }
      }
    }
  });

  it('gives a ranking where everyone is tied (or alone) a scale around the score, not one of no width written to six decimals', () => {
    for (const peers of [{ score: 100, median: 100, count: 3, scores: [100, 100, 100] }, { score: 100, median: 100, count: 1, scores: [100] }]) {
      const svg = peerChartSvg(input(peers));
      expect(svg).toBe(drawPeerChart(input(peers)));
      expect(svg).not.toMatch(/\d\.\d{3}/);
      const ticks = [...svg.matchAll(/<text[^>]*>(\d+(?:\.\d+)?)<\/text>/g)].map((m) => Number(m[1]));
      expect(Math.min(...ticks)).toBeLessThan(100);
      expect(Math.max(...ticks)).toBeGreaterThan(100);
    }
    // Tied peers and a score outside them: the scale spans both.
    expect(peerChartSvg(input({ score: 90, median: 100, scores: [100, 100] }))).toBe(drawPeerChart(input({ score: 90, median: 100, scores: [100, 100] })));
  });

  it('draws a histogram, not dots, for a binned ranking', () => {
    const svg = peerChartSvg(input({ scores: null, count: 600, bins: [{ from: 80, to: 90, count: 200 }, { from: 90, to: 100, count: 400 }] }));
    expect(svg).not.toContain('<circle');
    expect(svg.match(/<rect/g)!.length).toBeGreaterThanOrEqual(2);
  });

  it('is valid HTML inside a page', async () => {
    const page = `<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><main>${peerChartSvg(input({}))}</main></body></html>`;
    const report = await new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:a11y'] }).validateString(page);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});
