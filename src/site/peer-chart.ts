/**
 * Where an entity stands among everyone in its ranking for one period, drawn on the server with
 * Observable Plot (like src/components/score-chart.ts) in two layers on one scale: the peers' layer (a dot per
 * peer, or a histogram for a large ranking, and the median as a dashed rule) is the same for every
 * entity of the ranking, so the export stage draws it once per ranking and size as a file of the
 * site (src/pipeline/peer-drawings.ts); each page draws only its own layer (this entity's score as a
 * bold rule with its name) inline over it, at the same viewBox. A page's HTML then depends on its
 * own numbers and the median, not on every peer's score, and the page cache re-renders only the
 * pages whose own numbers changed (README, Decisions, "Peer charts in two layers").
 * Every word arrives in the input, already in the build's locale.
 */
import * as Plot from '@observablehq/plot';
import type { PeerDistribution } from './peer-distribution.ts';
import { chartDocument, mend, type ChartElement } from './chart-dom.ts';

/** An SVG scales its text with its width: the drawing for the desktop card and the one for a phone's column. */
export const PEER_CHART_WIDTHS = { wide: 380, narrow: 290 } as const;

const SELF = '#0b57a4';
const PEER = '#6b7280';
const MEDIAN = '#b02a25';
/** A fixed class name: Plot's default adds a random suffix, which would change every build. */
const CLASS_NAME = 'peer-chart';
const MARGINS = { marginLeft: 40, marginRight: 24, marginTop: 24, marginBottom: 40 };

/** A histogram has a count axis and needs the height for it; dots need at least this, more when they pile higher. */
const peerChartHeight = (binned: boolean): number => (binned ? 190 : 150);
const DOT_RADIUS = 3;

/** The peers' layer: drawn once per ranking, period, size and side of the median (the median's word sits away from the entity's). */
export interface PeersLayerInput {
  distribution: Pick<PeerDistribution, 'scores' | 'bins' | 'median'>;
  /** Whether the entity's score is at or above the median: the median's word goes on the other side. */
  selfAbove: boolean;
  /** The accessible name and description of the drawing as a file of its own. */
  label: string;
  description: string;
  /** The score axis title, with its unit when the score has one. */
  scoreTitle: string;
  medianLabel: string;
  countTitle: string;
  width: number;
}

/** The peers' layer as a drawing, and the x domain and height Plot drew it at, which the entity's layer reuses. */
export interface PeersLayer {
  /** The SVG element's markup (a standalone file is made of it: chart-downloads.ts standaloneSvg). */
  svg: string;
  domain: [number, number];
  height: number;
}

/**
 * The score scale when every value drawn is the same (everyone tied, or one entity ranked): Plot
 * would draw a scale of no width, with one tick written to six decimals; one point either side
 * instead. The peers' layer holds every score of the ranking, so the entity's lies inside it.
 */
function tiedDomain({ scores, bins, median }: PeersLayerInput['distribution']): [number, number] | undefined {
  const values = [...(scores ?? []), ...(bins ?? []).flatMap((bin) => [bin.from, bin.to]), median];
  const [low, high] = [Math.min(...values), Math.max(...values)];
  return low === high ? [low - 1, high + 1] : undefined;
}

export function drawPeersLayer(input: PeersLayerInput): PeersLayer {
  const first = plotPeersLayer(input, peerChartHeight(input.distribution.scores === null));
  // Many equal scores pile their dots higher than the frame: draw again tall enough for the
  // pile, which keeps its shape (it is laid out from the middle), so no dot covers the axis.
  const height = fittedHeight(first.svg, first.height);
  return height === first.height ? first : plotPeersLayer(input, height);
}

/**
 * The height that holds every dot of the drawing between the margins. The pile is laid out from
 * the frame's middle, not always evenly, so the frame spans twice its farther reach.
 */
function fittedHeight(svg: string, height: number): number {
  const middle = MARGINS.marginTop + (height - MARGINS.marginTop - MARGINS.marginBottom) / 2;
  const reach = Math.max(...[...svg.matchAll(/<circle[^>]* cy="([-\d.]+)"/g)].map((match) => Math.abs(Number(match[1]) - middle) + DOT_RADIUS + 1));
  if (!Number.isFinite(reach)) return height;
  return Math.max(height, Math.ceil(2 * reach) + MARGINS.marginTop + MARGINS.marginBottom);
}

function plotPeersLayer(input: PeersLayerInput, height: number): PeersLayer {
  const { distribution: peers, selfAbove } = input;
  const svg = Plot.plot({
    document: chartDocument(),
    className: CLASS_NAME,
    width: input.width,
    height,
    ...MARGINS,
    style: { fontSize: '12px' },
    x: { label: input.scoreTitle, labelArrow: 'none', labelAnchor: 'center', nice: true, domain: tiedDomain(peers) },
    y: peers.scores ? { axis: null } : { label: input.countTitle, labelArrow: 'none', grid: true, tickFormat: (n: number) => (Number.isInteger(n) ? String(n) : '') },
    marks: [
      // Equal scores pile up rather than hide each other, so every peer stays a visible dot.
      peers.scores ? Plot.dot(peers.scores, Plot.dodgeY('middle', { x: (d: number) => d, r: DOT_RADIUS, fill: PEER, fillOpacity: 0.7 })) : null,
      peers.bins ? Plot.rectY(peers.bins, { x1: 'from', x2: 'to', y: 'count', fill: PEER, fillOpacity: 0.6, inset: 0.5 }) : null,
      Plot.ruleX([peers.median], { stroke: MEDIAN, strokeWidth: 1.5, strokeDasharray: '5 3' }),
      // The median's word at the foot of its rule, the entity's at the head, each on the side away
      // from the other rule, so the two never overlap.
      Plot.text([peers.median], { x: (d: number) => d, text: () => input.medianLabel, frameAnchor: 'bottom', dy: -4, dx: selfAbove ? -4 : 4, textAnchor: selfAbove ? 'end' : 'start', fill: MEDIAN, fontWeight: 'bold' }),
    ],
  }) as unknown as ChartElement;
  const domain = (svg as unknown as { scale(name: 'x'): { domain: number[] } }).scale('x').domain;
  mend(svg, input);
  return { svg: svg.outerHTML, domain: [domain[0]!, domain[1]!], height };
}

/** The entity's layer: its page draws it over the peers' layer of the same width. */
export interface SelfLayerInput {
  /** The x domain and height of the peers' layer it goes over. */
  domain: [number, number];
  height: number;
  score: number;
  median: number;
  /** The entity's name, written at the head of its rule. */
  selfLabel: string;
  /** The accessible name and description of the whole chart: this layer is the image readers meet. */
  label: string;
  description: string;
  width: number;
}

/** The entity's rule and name as inline SVG, transparent elsewhere, with the viewBox of the peers' layer. */
export function drawSelfLayer(input: SelfLayerInput): string {
  const selfAbove = input.score >= input.median;
  const svg = Plot.plot({
    document: chartDocument(),
    className: CLASS_NAME,
    width: input.width,
    height: input.height,
    ...MARGINS,
    style: { fontSize: '12px' },
    x: { axis: null, domain: input.domain },
    y: { axis: null },
    marks: [
      Plot.ruleX([input.score], { stroke: SELF, strokeWidth: 3 }),
      Plot.text([input.score], { x: (d: number) => d, text: () => input.selfLabel, frameAnchor: 'top', dy: -12, dx: selfAbove ? 4 : -4, textAnchor: selfAbove ? 'end' : 'start', fill: SELF, fontWeight: 'bold' }),
    ],
  }) as unknown as ChartElement;
  mend(svg, input);
  return svg.outerHTML;
}
