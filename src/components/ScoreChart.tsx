/**
 * A score's history as a line over the competition's phases, drawn in the browser with
 * Observable Plot. Every word arrives in the props, already in the build's locale; the table
 * beside it (ChartFallback) carries the same numbers for readers without JavaScript.
 */
import { useEffect, useRef } from 'react';
import * as Plot from '@observablehq/plot';

interface ChartPoint {
  start: string;
  end: string;
  score: number;
  /** Tooltip text, one line per fact. */
  tip: string;
  provisional: boolean;
}

interface ChartBand {
  label: string;
  start: string;
  end: string;
}

interface ChartTarget {
  start: string;
  end: string;
  value: number;
}

export interface ScoreChartProps {
  locale: string;
  /** The chart's accessible name. */
  label: string;
  points: ChartPoint[];
  phases: ChartBand[];
  targets: ChartTarget[];
}

const HEIGHT = 260;
const LINE = '#0b57a4';
const TARGET = '#b02a25';
const DAY = 86_400_000;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** Periods are inclusive of their last day: a band or step runs to the start of the next day. */
const dayAfter = (iso: string) => new Date(day(iso).getTime() + DAY);
const middle = (p: { start: string; end: string }) => new Date((day(p.start).getTime() + dayAfter(p.end).getTime()) / 2);

/** Target steps as one line, broken (NaN) wherever no phase target applies. */
function targetSteps(targets: ChartTarget[]) {
  return targets.flatMap((target, i) => {
    const next = targets[i + 1];
    const steps = [{ x: day(target.start), y: target.value }];
    if (!next || day(next.start) > dayAfter(target.end)) {
      steps.push({ x: dayAfter(target.end), y: target.value }, { x: dayAfter(target.end), y: Number.NaN });
    }
    return steps;
  });
}

/** The chart's time span: every phase and every period drawn, whole days. */
function timeDomain(props: ScoreChartProps): [Date, Date] {
  const spans = [...props.phases, ...props.points];
  return [
    new Date(Math.min(...spans.map((s) => day(s.start).getTime()))),
    new Date(Math.max(...spans.map((s) => dayAfter(s.end).getTime()))),
  ];
}

/** Month ticks, or every 2, 3, 6 or 12 months when the chart is too narrow to label each month. */
function tickInterval([first, last]: [Date, Date], width: number): string {
  const months = Math.max(1, (last.getTime() - first.getTime()) / (30.4 * DAY));
  const step = [1, 2, 3, 6].find((n) => (width / months) * n >= 56) ?? 12;
  return `${step} months`;
}

/** The scores and targets with some room around them, so a flat or single-point history still has an axis. */
function scoreDomain(props: ScoreChartProps): [number, number] {
  const values = [...props.points.map((p) => p.score), ...props.targets.map((t) => t.value)];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = Math.max((high - low) * 0.1, 1);
  return [low - pad, high + pad];
}

function draw(props: ScoreChartProps, width: number): SVGSVGElement | HTMLElement {
  const month = new Intl.DateTimeFormat(props.locale, { month: 'short', timeZone: 'UTC' });
  const monthYear = new Intl.DateTimeFormat(props.locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  // The year on the first tick and on each January, so a competition across New Year reads right.
  const tickFormat = (d: Date, i: number) => (i === 0 || d.getUTCMonth() === 0 ? monthYear : month).format(d);
  const time = timeDomain(props);
  const chart = Plot.plot({
    width,
    height: HEIGHT,
    marginLeft: 44,
    marginTop: 28,
    ariaLabel: props.label,
    style: { fontSize: '12px' },
    x: { type: 'utc', domain: time, tickFormat, ticks: tickInterval(time, width), label: null },
    y: { domain: scoreDomain(props), grid: true, nice: true, label: null },
    marks: [
      // Alternate shades tell neighbouring phases apart.
      Plot.rect(props.phases, { x1: (p: ChartBand) => day(p.start), x2: (p: ChartBand) => dayAfter(p.end), fill: (_: ChartBand, i: number) => (i % 2 ? '#e6ecf3' : '#f3f6f9') }),
      Plot.text(props.phases, { x: middle, text: 'label', frameAnchor: 'top', dy: -18, fill: '#4b5563', lineWidth: 8 }),
      Plot.line(targetSteps(props.targets), { x: 'x', y: 'y', curve: 'step-after', stroke: TARGET, strokeWidth: 1.5, strokeDasharray: '6 4' }),
      Plot.line(props.points, { x: middle, y: 'score', stroke: LINE, strokeWidth: 2 }),
      Plot.dot(props.points, { x: middle, y: 'score', r: 4, stroke: LINE, strokeWidth: 2, fill: (p: ChartPoint) => (p.provisional ? '#fff' : LINE) }),
      Plot.tip(props.points, Plot.pointerX({ x: middle, y: 'score', title: 'tip' })),
    ],
  });
  // The chart is one image, named by its own label and repeated by the table beside it. Plot
  // also labels each mark's group ("line", "dot"), which ARIA does not allow on a plain <g>.
  chart.setAttribute('role', 'img');
  for (const group of chart.querySelectorAll('g[aria-label]')) group.removeAttribute('aria-label');
  return chart;
}

export default function ScoreChart(props: ScoreChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    let drawnWidth = 0;
    // Plot draws at a fixed width: redraw when the column changes width (rotation, resizing).
    const observer = new ResizeObserver(() => {
      const width = Math.floor(container.clientWidth);
      if (width === drawnWidth || width === 0) return;
      drawnWidth = width;
      container.replaceChildren(draw(props, width));
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      container.replaceChildren();
    };
  }, [props]);
  return <div ref={ref} className="score-chart" />;
}
