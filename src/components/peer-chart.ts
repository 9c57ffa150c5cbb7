/**
 * Where an entity stands among everyone in its ranking for one period, as inline SVG drawn on the
 * server with Observable Plot (like score-chart.ts): a dot per peer, or a histogram for a large
 * ranking, this entity's score as a bold rule and the median as a dashed one. Every word arrives
 * in the input, already in the build's locale.
 */
import * as Plot from '@observablehq/plot';
import type { PeerDistribution } from '../site/model.ts';
import type { ChartElement } from './chart-dom.ts';
import { chartDocument, mend } from './score-chart.ts';

export interface PeerChartInput {
  peers: PeerDistribution;
  /** The accessible name (title). */
  label: string;
  /** The accessible description: where this entity stands, in words. */
  description: string;
  /** The score axis title, with its unit when the score has one. */
  scoreTitle: string;
  /** The short words written beside the two rules. */
  selfLabel: string;
  medianLabel: string;
  countTitle: string;
  width: number;
}

const SELF = '#0b57a4';
const PEER = '#6b7280';
const MEDIAN = '#b02a25';
/** A fixed class name: Plot's default adds a random suffix, which would change every build. */
const CLASS_NAME = 'peer-chart';

/** Which of the chart's marks to draw: all, the peers' own (the same on every page of a ranking), or this entity's. */
type Marks = 'all' | 'peers' | 'self';

/** The values the peers' part of the chart spans, this entity's score left out. */
const peerValues = ({ scores, bins, median }: PeerDistribution): number[] => [...(scores ?? []), ...(bins ?? []).flatMap((bin) => [bin.from, bin.to]), median];

/**
 * The score scale when every value drawn is the same (everyone tied, or one entity ranked): Plot
 * would draw a scale of no width, with one tick written to six decimals; one point either side
 * instead. The peers' part alone (drawn once per ranking) leaves this entity's score out, as its
 * cache key does; the entity's score lies inside the peers' span whenever that part is used.
 */
function tiedDomain(values: number[]): number[] | undefined {
  const [low, high] = [Math.min(...values), Math.max(...values)];
  return low === high ? [low - 1, high + 1] : undefined;
}

function plotPeers(input: PeerChartInput, marks: Marks, xDomain?: number[]): ChartElement {
  const { peers } = input;
  const selfAbove = peers.score >= peers.median;
  const shared = marks !== 'self';
  const own = marks !== 'peers';
  return Plot.plot({
    document: chartDocument(),
    className: CLASS_NAME,
    width: input.width,
    height: peers.scores ? 150 : 190,
    marginLeft: 40,
    marginRight: 24,
    marginTop: 24,
    marginBottom: 40,
    style: { fontSize: '12px' },
    x: shared ? { label: input.scoreTitle, labelArrow: 'none', labelAnchor: 'center', nice: true, domain: tiedDomain(marks === 'all' ? [...peerValues(peers), peers.score] : peerValues(peers)) } : { axis: null, domain: xDomain },
    y: peers.scores || !shared ? { axis: null } : { label: input.countTitle, labelArrow: 'none', grid: true, tickFormat: (n: number) => (Number.isInteger(n) ? String(n) : '') },
    marks: [
      // Equal scores pile up rather than hide each other, so every peer stays a visible dot.
      shared && peers.scores ? Plot.dot(peers.scores, Plot.dodgeY('middle', { x: (d: number) => d, r: 3, fill: PEER, fillOpacity: 0.7 })) : null,
      shared && peers.bins ? Plot.rectY(peers.bins, { x1: 'from', x2: 'to', y: 'count', fill: PEER, fillOpacity: 0.6, inset: 0.5 }) : null,
      shared ? Plot.ruleX([peers.median], { stroke: MEDIAN, strokeWidth: 1.5, strokeDasharray: '5 3' }) : null,
      own ? Plot.ruleX([peers.score], { stroke: SELF, strokeWidth: 3 }) : null,
      // The median's word at the foot of its rule, this entity's at the head, each on the side away
      // from the other rule, so the two never overlap and a top or bottom score's name stays on the drawing.
      shared ? Plot.text([peers.median], { x: (d: number) => d, text: () => input.medianLabel, frameAnchor: 'bottom', dy: -4, dx: selfAbove ? -4 : 4, textAnchor: selfAbove ? 'end' : 'start', fill: MEDIAN, fontWeight: 'bold' }) : null,
      own ? Plot.text([peers.score], { x: (d: number) => d, text: () => input.selfLabel, frameAnchor: 'top', dy: -12, dx: selfAbove ? 4 : -4, textAnchor: selfAbove ? 'end' : 'start', fill: SELF, fontWeight: 'bold' }) : null,
    ],
  }) as unknown as ChartElement;
}

/** The whole chart in one drawing. */
export function drawPeerChart(input: PeerChartInput): string {
  const svg = plotPeers(input, 'all');
  mend(svg, input);
  return svg.outerHTML;
}

/**
 * The peers' part of a chart, drawn once and shared by every entity of the ranking: its x domain,
 * and its mark groups as HTML, split where this entity's rule goes (before the median's word).
 */
interface PeersDrawing {
  domain: number[];
  /** What the peers' values span before Plot rounds the domain: an entity inside it leaves the scale as it is. */
  extent: [number, number];
  beforeSelfRule: string;
  medianText: string;
}

/** Peers' drawings kept per worker; a ranking's pages mostly come together, so a few suffice. */
const KEPT_DRAWINGS = 64;
const drawings = new Map<string, PeersDrawing>();

function peersDrawing(input: PeerChartInput): PeersDrawing {
  const { peers } = input;
  // Everything the peers' part is drawn from; the side decides where the median's word sits.
  const key = JSON.stringify([peers.scores, peers.bins, peers.median, peers.score >= peers.median, input.scoreTitle, input.medianLabel, input.countTitle, input.width]);
  let drawing = drawings.get(key);
  if (!drawing) {
    const svg = plotPeers(input, 'peers');
    mend(svg, { label: '', description: '' });
    // After the title and description: the axes, the peers, the median's rule and, last, its word.
    const groups = [...svg.children].slice(2).map((child) => child.outerHTML);
    const values = peerValues(peers);
    drawing = {
      domain: (svg as unknown as { scale(name: 'x'): { domain: number[] } }).scale('x').domain,
      extent: [Math.min(...values), Math.max(...values)],
      beforeSelfRule: groups.slice(0, -1).join(''),
      medianText: groups.at(-1) ?? '',
    };
    if (drawings.size >= KEPT_DRAWINGS) drawings.delete(drawings.keys().next().value!);
    drawings.set(key, drawing);
  }
  return drawing;
}

/**
 * The chart as an SVG string. Only this entity's rule and word differ between the pages of one
 * ranking, so the peers are drawn once per ranking and size (peersDrawing) and each page draws
 * only its own two marks on the same scale, with the same bytes as one whole drawing. A score
 * outside the peers' span would widen the scale, and an empty name draws no word: those charts
 * are drawn whole.
 */
export function peerChartSvg(input: PeerChartInput): string {
  const drawing = peersDrawing(input);
  const { score } = input.peers;
  if (score < drawing.extent[0] || score > drawing.extent[1]) return drawPeerChart(input);
  const svg = plotPeers(input, 'self', drawing.domain);
  mend(svg, input);
  // After the title and description, the rule and the word; Plot leaves out an empty word.
  const [, , selfRule, selfText, ...more] = svg.children.map((child) => child.outerHTML);
  if (selfRule === undefined || selfText === undefined || more.length > 0) return drawPeerChart(input);
  const html = svg.outerHTML;
  const opening = html.slice(0, html.length - `${selfRule}${selfText}</svg>`.length);
  return `${opening}${drawing.beforeSelfRule}${selfRule}${drawing.medianText}${selfText}</svg>`;
}
