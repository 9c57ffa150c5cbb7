/**
 * Where an entity stands among everyone in its ranking for one period, as inline SVG drawn on the
 * server with Observable Plot (like score-chart.ts): a dot per peer, or a histogram for a large
 * ranking, this entity's score as a bold rule and the median as a dashed one. Every word arrives
 * in the input, already in the build's locale.
 */
import * as Plot from '@observablehq/plot';
import type { PeerDistribution } from '../site/model.ts';
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

export function peerChartSvg(input: PeerChartInput): string {
  const document = chartDocument();
  const { peers } = input;
  const selfAbove = peers.score >= peers.median;
  const svg = Plot.plot({
    document,
    className: CLASS_NAME,
    width: input.width,
    height: peers.scores ? 150 : 190,
    marginLeft: 40,
    marginRight: 24,
    marginTop: 24,
    marginBottom: 40,
    style: { fontSize: '12px' },
    x: { label: input.scoreTitle, labelArrow: 'none', labelAnchor: 'center', nice: true },
    y: peers.scores ? { axis: null } : { label: input.countTitle, labelArrow: 'none', grid: true, tickFormat: (n: number) => (Number.isInteger(n) ? String(n) : '') },
    marks: [
      // Equal scores pile up rather than hide each other, so every peer stays a visible dot.
      peers.scores ? Plot.dot(peers.scores, Plot.dodgeY('middle', { x: (d: number) => d, r: 3, fill: PEER, fillOpacity: 0.7 })) : null,
      peers.bins ? Plot.rectY(peers.bins, { x1: 'from', x2: 'to', y: 'count', fill: PEER, fillOpacity: 0.6, inset: 0.5 }) : null,
      Plot.ruleX([peers.median], { stroke: MEDIAN, strokeWidth: 1.5, strokeDasharray: '5 3' }),
      Plot.ruleX([peers.score], { stroke: SELF, strokeWidth: 3 }),
      // The median's word at the foot of its rule, this entity's at the head, each on the side away
      // from the other rule, so the two never overlap and a top or bottom score's name stays on the drawing.
      Plot.text([peers.median], { x: (d: number) => d, text: () => input.medianLabel, frameAnchor: 'bottom', dy: -4, dx: selfAbove ? -4 : 4, textAnchor: selfAbove ? 'end' : 'start', fill: MEDIAN, fontWeight: 'bold' }),
      Plot.text([peers.score], { x: (d: number) => d, text: () => input.selfLabel, frameAnchor: 'top', dy: -12, dx: selfAbove ? 4 : -4, textAnchor: selfAbove ? 'end' : 'start', fill: SELF, fontWeight: 'bold' }),
    ],
  }) as unknown as Element;
  mend(svg, input, document);
  return svg.outerHTML;
}
