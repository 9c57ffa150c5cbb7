/**
 * The scores of everyone in a ranking for one period, as an entity page draws them: one dot per
 * peer while there are few enough to see each, and a histogram beyond, so that the drawing of a
 * 40,000-strong ranking stays small. Computed once per ranking and period, drawn once for every page.
 */

/** The scores of everyone in one ranking for one period, as the peers' layer draws them. */
export interface PeerDistribution {
  count: number;
  median: number;
  /** Every score in ascending order, while few enough to draw a dot each; else null. */
  scores: number[] | null;
  /** Equal-width bins of the scores when there are too many for dots; else null. */
  bins: { from: number; to: number; count: number }[] | null;
}

/** Above this many peers, a dot each would smear into a bar: the page draws a histogram instead. */
export const MAX_PEER_DOTS = 300;
const HISTOGRAM_BINS = 24;

/** The median of scores in ascending order. */
export function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The distribution of scores given in ascending order (never empty). */
export function peerDistribution(sorted: number[]): PeerDistribution {
  const base = { count: sorted.length, median: median(sorted) };
  if (sorted.length <= MAX_PEER_DOTS) return { ...base, scores: sorted, bins: null };
  const low = sorted[0]!;
  const high = sorted.at(-1)!;
  const width = (high - low) / HISTOGRAM_BINS;
  if (width === 0) return { ...base, scores: null, bins: [{ from: low, to: high, count: sorted.length }] };
  const bins = Array.from({ length: HISTOGRAM_BINS }, (_, i) => ({ from: low + i * width, to: i === HISTOGRAM_BINS - 1 ? high : low + (i + 1) * width, count: 0 }));
  // The top score falls in the last bin, not past it.
  for (const score of sorted) bins[Math.min(HISTOGRAM_BINS - 1, Math.floor((score - low) / width))]!.count += 1;
  return { ...base, scores: null, bins };
}
