/**
 * A rank over time as a small inline SVG, drawn on the server: first place at the top, one point
 * per period, a break where the entity was not ranked, and the latest rank marked. Its words (the
 * accessible name) arrive from the page; numbers are rounded to a tenth so the output repeats.
 */

export interface SparklineInput {
  /** Oldest first; null where the entity was not ranked. */
  ranks: { rank: number | null; rankCount: number | null }[];
  /** The accessible name: what the line shows, in words. */
  label: string;
  width: number;
  height: number;
}

const PAD = 4;
const LINE = '#0b57a4';
const escapeText = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const round = (n: number) => Math.round(n * 10) / 10;

/** The SVG, or null with fewer than two ranked periods: a single rank is said in words, not drawn. */
export function rankSparklineSvg({ ranks, label, width, height }: SparklineInput): string | null {
  if (ranks.filter((r) => r.rank !== null).length < 2) return null;
  // The axis runs from first place to the largest field the entity was ranked in.
  const deepest = Math.max(2, ...ranks.map((r) => r.rankCount ?? r.rank ?? 1));
  const x = (i: number) => round(PAD + (i * (width - 2 * PAD)) / (ranks.length - 1));
  const y = (rank: number) => round(PAD + ((rank - 1) * (height - 2 * PAD)) / (deepest - 1));
  // Runs of consecutive ranked periods, each its own line: a gap is a gap, and a lone period a dot.
  const runs: [number, number][][] = [[]];
  ranks.forEach((r, i) => {
    if (r.rank === null) runs.push([]);
    else runs.at(-1)!.push([x(i), y(r.rank)]);
  });
  const lines = runs
    .filter((points) => points.length > 0)
    .map((points) =>
      points.length === 1
        ? `<circle cx="${points[0]![0]}" cy="${points[0]![1]}" r="1.5" fill="${LINE}"/>`
        : `<polyline points="${points.map((p) => p.join(',')).join(' ')}" fill="none" stroke="${LINE}" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>`,
    )
    .join('');
  const lastIndex = ranks.findLastIndex((r) => r.rank !== null);
  const last = ranks[lastIndex]!.rank!;
  return (
    `<svg class="rank-sparkline" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escapeText(label)}</title>` +
    `<line x1="0" y1="${PAD}" x2="${width}" y2="${PAD}" stroke="#c9d1db" stroke-dasharray="2 2"/>` +
    lines +
    `<circle cx="${x(lastIndex)}" cy="${y(last)}" r="3.5" fill="${LINE}"/>` +
    `</svg>`
  );
}
