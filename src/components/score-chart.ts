/**
 * A score's history as inline SVG, drawn on the server with Observable Plot so the chart is on the
 * page without JavaScript, in print and in the PDF. Every word arrives in the input, already in the
 * build's locale. The SVG is mended to be valid, accessible HTML and is byte-identical for the
 * same input.
 */
import * as Plot from '@observablehq/plot';
import { chartDocument, mend, type ChartElement } from '../site/chart-dom.ts';

/** One period of the charted kind; `score` is null where the entity has none, and the line breaks there. */
export interface ChartPeriod {
  start: string;
  end: string;
  score: number | null;
  provisional: boolean;
}

export interface ChartBand {
  /** A short mark drawn inside the band (1, 2, 3); the key below the chart spells it out. */
  marker: string;
  start: string;
  end: string;
}

export interface ChartTarget {
  start: string;
  end: string;
  value: number;
}

export interface ScoreChartInput {
  locale: string;
  /** The accessible name (title). */
  label: string;
  /** The accessible description: what the line shows, in words. */
  description: string;
  /** The score axis title, with its unit when the score has one. */
  scoreTitle: string;
  timeTitle: string;
  periods: ChartPeriod[];
  phases: ChartBand[];
  /** Drawn as they come: only targets set for the charted period kind belong here. */
  targets: ChartTarget[];
  /** The drawing's width in SVG units; the SVG scales to its column from there. */
  width: number;
}

const HEIGHT = 260;
const LINE = '#0b57a4';
const TARGET = '#b02a25';
const BAND_TEXT = '#374151';
const DAY = 86_400_000;
/** The width of one bold 12 px digit, near enough, to tell whether a phase marker fits its band. */
const MARKER_CHAR_WIDTH = 8;
/** A tick label for whole-number scores: none between whole numbers, and a true minus sign as Plot's own format writes. */
const wholeTick = (n: number) => (Number.isInteger(n) ? `${n < 0 ? '\u2212' : ''}${Math.abs(n)}` : '');
/** A fixed class name: Plot's default adds a random suffix, which would change every build. */
const CLASS_NAME = 'score-chart';
// Building an Intl formatter costs more than drawing a chart: one pair per locale.
const formats = new Map<string, { month: Intl.DateTimeFormat; monthYear: Intl.DateTimeFormat }>();
function monthFormats(locale: string) {
  let pair = formats.get(locale);
  if (!pair) {
    pair = {
      month: new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }),
      monthYear: new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }),
    };
    formats.set(locale, pair);
  }
  return pair;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** Periods are inclusive of their last day: a band or step runs to the start of the next day. */
const dayAfter = (iso: string) => new Date(day(iso).getTime() + DAY);
const middle = (p: { start: string; end: string }) => new Date((day(p.start).getTime() + dayAfter(p.end).getTime()) / 2);

/** Target steps as one line, broken (NaN) wherever no target applies. */
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

/** The chart's time span: every phase and every period with a score, whole days. */
function timeDomain(input: ScoreChartInput, scored: ChartPeriod[]): [Date, Date] {
  const spans = [...input.phases, ...scored];
  return [
    new Date(Math.min(...spans.map((s) => day(s.start).getTime()))),
    new Date(Math.max(...spans.map((s) => dayAfter(s.end).getTime()))),
  ];
}

/**
 * Month ticks, every 1, 2, 3, 6 or 12 months so labels keep apart at this width. Only ticks
 * inside the span: a tick on its closing edge is the month after the chart, and its label would
 * run off the drawing.
 */
function monthTicks([first, last]: [Date, Date], plotWidth: number): Date[] {
  const months = Math.max(1, (last.getTime() - first.getTime()) / (30.4 * DAY));
  const step = [1, 2, 3, 6].find((n) => (plotWidth / months) * n >= 64) ?? 12;
  const ticks: Date[] = [];
  for (let m = first.getUTCMonth() + (first.getUTCDate() > 1 ? 1 : 0); ; m += step) {
    const tick = new Date(Date.UTC(first.getUTCFullYear(), m, 1));
    if (tick >= last) return ticks;
    ticks.push(tick);
  }
}

/**
 * The scores and targets with room around them, and never narrower than a tenth of their size:
 * a flat or nearly flat history reads as steady, not as swings on a magnified 95.90–96.00 scale.
 */
function scoreDomain(values: number[]): [number, number] {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = Math.max(high - low, Math.max(Math.abs(low), Math.abs(high)) * 0.1, 1);
  const pad = (span - (high - low)) / 2 + span * 0.1;
  return [low - pad, high + pad];
}

const MARGIN = { left: 48, right: 28, top: 36, bottom: 40 };

/** The chart as an SVG string, or null when fewer than two periods have a score (show the number instead). */
export function scoreChartSvg(input: ScoreChartInput): string | null {
  const scored = input.periods.filter((p) => p.score !== null);
  if (scored.length < 2) return null;
  const { month, monthYear } = monthFormats(input.locale);
  // The year on the first tick and on each January, so a competition across New Year reads right.
  const tickFormat = (d: Date, i: number) => (i === 0 || d.getUTCMonth() === 0 ? monthYear : month).format(d);
  const time = timeDomain(input, scored);
  // NaN breaks Plot's line: a period without a score is a gap, not a segment across it.
  const line = input.periods.map((p) => ({ x: middle(p), y: p.score ?? Number.NaN }));
  const dots = scored.map((p) => ({ x: middle(p), y: p.score as number, provisional: p.provisional }));
  const plotWidth = input.width - MARGIN.left - MARGIN.right;
  const pixelsPerMs = plotWidth / (time[1].getTime() - time[0].getTime());
  // A marker only where it fits inside its own band, so markers can never run into each other;
  // the key below names every phase either way.
  const labelledBands = input.phases.filter((band) => (dayAfter(band.end).getTime() - day(band.start).getTime()) * pixelsPerMs >= band.marker.length * MARKER_CHAR_WIDTH + 4);
  // Whole-number scores (counts) get whole-number tick labels only.
  const whole = dots.every((d) => Number.isInteger(d.y));
  const svg = Plot.plot({
    document: chartDocument(),
    className: CLASS_NAME,
    width: input.width,
    height: HEIGHT,
    marginLeft: MARGIN.left,
    marginRight: MARGIN.right,
    marginTop: MARGIN.top,
    marginBottom: MARGIN.bottom,
    style: { fontSize: '12px' },
    x: { type: 'utc', domain: time, tickFormat, ticks: monthTicks(time, plotWidth), label: input.timeTitle, labelAnchor: 'right', labelArrow: 'none', labelOffset: 36 },
    y: { domain: scoreDomain([...dots.map((d) => d.y), ...input.targets.map((t) => t.value)]), nice: true, tickSize: 0, ...(whole ? { tickFormat: wholeTick } : {}), label: input.scoreTitle, labelArrow: 'none' },
    marks: [
      // Alternate shades tell neighbouring phases apart; the marker names each in the key.
      Plot.rect(input.phases, { x1: (p: ChartBand) => day(p.start), x2: (p: ChartBand) => dayAfter(p.end), fill: (_: ChartBand, i: number) => (i % 2 ? '#e6ecf3' : '#f3f6f9') }),
      Plot.text(labelledBands, { x: middle, text: 'marker', frameAnchor: 'top', dy: 4, fill: BAND_TEXT, fontWeight: 'bold' }),
      // Over the bands, which would hide it if Plot drew it with the axes.
      Plot.gridY({ stroke: '#9ca3af', strokeOpacity: 0.5 }),
      input.targets.length > 0 ? Plot.line(targetSteps(input.targets), { x: 'x', y: 'y', curve: 'step-after', stroke: TARGET, strokeWidth: 1.5, strokeDasharray: '6 4' }) : null,
      Plot.line(line, { x: 'x', y: 'y', stroke: LINE, strokeWidth: 2 }),
      Plot.dot(dots, { x: 'x', y: 'y', r: 4, stroke: LINE, strokeWidth: 2, fill: (d: { provisional: boolean }) => (d.provisional ? '#fff' : LINE) }),
    ],
  }) as unknown as ChartElement;
  mend(svg, input);
  return svg.outerHTML;
}
