import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { drawPeersLayer, drawSelfLayer, type PeersLayerInput, type SelfLayerInput } from '../../src/site/peer-chart.ts';

const peersInput = (over: Partial<PeersLayerInput> = {}): PeersLayerInput => ({
  distribution: { scores: [90, 93, 95, 97, 99], bins: null, median: 95 },
  selfAbove: true,
  label: '服务积分：2025年10月「网点排名」全部得分分布',
  description: '共5个参评对象，中位数95分。',
  scoreTitle: '服务积分（分）',
  medianLabel: '中位数',
  countTitle: '人数或单位数',
  width: 380,
  ...over,
});

const selfInput = (over: Partial<SelfLayerInput> = {}): SelfLayerInput => ({
  domain: [90, 99],
  height: 150,
  score: 97,
  median: 95,
  selfLabel: '城东支行营业部',
  label: '服务积分：2025年10月「网点排名」全部得分分布',
  description: '共5个参评对象，城东支行营业部得分97分，高于中位数95分。',
  width: 380,
  ...over,
});

const viewBox = (svg: string) => /viewBox="([^"]*)"/.exec(svg)?.[1];

describe('drawPeersLayer', () => {
  it('draws a dot per peer and the median with its word, no entity of its own, on the peers’ span', () => {
    const { svg, domain } = drawPeersLayer(peersInput());
    expect(svg.match(/<circle/g)).toHaveLength(5);
    expect(svg).toContain('>中位数</text>');
    expect(svg).not.toContain('#0b57a4');
    expect(svg).toContain('<title>服务积分：2025年10月「网点排名」全部得分分布</title><desc>共5个参评对象，中位数95分。</desc>');
    // 90 and 99 are already round at this width's ticks.
    expect(domain).toEqual([90, 99]);
    expect(viewBox(svg)).toBe('0 0 380 150');
    expect(drawPeersLayer(peersInput()).svg).toBe(svg);
  });

  it('puts the median’s word away from the entity’s side', () => {
    expect(drawPeersLayer(peersInput({ selfAbove: true })).svg).toMatch(/text-anchor="end" fill="#b02a25"/);
    expect(drawPeersLayer(peersInput({ selfAbove: false })).svg).toMatch(/text-anchor="start" fill="#b02a25"/);
  });

  it('gives a ranking where everyone is tied (or alone) a scale around the score, not one of no width written to six decimals', () => {
    for (const scores of [[100, 100, 100], [100]]) {
      const { svg, domain } = drawPeersLayer(peersInput({ distribution: { scores, bins: null, median: 100 } }));
      expect(domain).toEqual([99, 101]);
      expect(svg).not.toMatch(/\d\.\d{3}/);
      const ticks = [...svg.matchAll(/<text[^>]*>(\d+(?:\.\d+)?)<\/text>/g)].map((m) => Number(m[1]));
      expect(Math.min(...ticks)).toBeLessThan(100);
      expect(Math.max(...ticks)).toBeGreaterThan(100);
    }
  });

  it('grows tall enough for a high pile of equal scores, so that no dot lies outside the frame', () => {
    // 147 peers, most between 100 and 106 as in the sample's staff ranking: at 290 px they pile far above 150 px.
    const scores = Array.from({ length: 147 }, (_, i) => (i < 10 ? 60 + i : 100 + (i % 7))).sort((a, b) => a - b);
    for (const width of [290, 380]) {
      const { svg, height } = drawPeersLayer(peersInput({ distribution: { scores, bins: null, median: 103 }, width }));
      expect(height).toBeGreaterThan(150);
      expect(viewBox(svg)).toBe(`0 0 ${width} ${height}`);
      const centres = [...svg.matchAll(/<circle[^>]* cy="([-\d.]+)"/g)].map((m) => Number(m[1]));
      expect(centres).toHaveLength(147);
      // Inside the frame: below the top margin (24) and above the axis (40 from the foot).
      expect(Math.min(...centres) - 3).toBeGreaterThanOrEqual(24);
      expect(Math.max(...centres) + 3).toBeLessThanOrEqual(height - 40);
    }
    // Five peers fit the usual height.
    expect(drawPeersLayer(peersInput()).height).toBe(150);
  });

  it('draws a histogram with a count axis, taller, for a binned ranking', () => {
    const { svg, domain } = drawPeersLayer(peersInput({ distribution: { scores: null, median: 92, bins: [{ from: 80, to: 90, count: 200 }, { from: 90, to: 100, count: 400 }] } }));
    expect(svg).not.toContain('<circle');
    expect(svg.match(/<rect/g)).toHaveLength(2);
    expect(svg).toContain('>人数或单位数</text>');
    expect(domain).toEqual([80, 100]);
    expect(viewBox(svg)).toBe('0 0 380 190');
  });
});

describe('drawSelfLayer', () => {
  it('is the accessible image of the whole chart: the entity’s rule and name on the peers’ scale and viewBox', () => {
    const svg = drawSelfLayer(selfInput());
    const open = svg.slice(0, svg.indexOf('>'));
    expect(open).toContain(' role="img"');
    expect(open).toContain(' aria-label="服务积分：2025年10月「网点排名」全部得分分布"');
    expect(svg).toContain('<desc>共5个参评对象，城东支行营业部得分97分，高于中位数95分。</desc>');
    expect(viewBox(svg)).toBe(viewBox(drawPeersLayer(peersInput()).svg));
    // 97 on [90, 99] across the frame from x = 40 to 380 − 24 = 356: 40 + 7/9 × 316.
    expect(Number(/ x1="([\d.]+)"/.exec(svg)?.[1])).toBeCloseTo(40 + (7 / 9) * 316, 9);
    expect(svg).toContain('>城东支行营业部</text>');
    expect(svg).not.toContain('<circle');
    expect(svg).not.toContain('中位数</text>');
  });

  it('writes a name with markup in it as text', () => {
    expect(drawSelfLayer(selfInput({ selfLabel: 'A&B <x> "q"' }))).toContain('>A&amp;B &lt;x&gt; "q"</text>');
  });

  it('is valid HTML inside a page, over its peers’ image', async () => {
    const page = `<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><main><div><img src="p.svg" alt="" width="380" height="150">${drawSelfLayer(selfInput())}</div></main></body></html>`;
    const report = await new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:a11y'] }).validateString(page);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});
