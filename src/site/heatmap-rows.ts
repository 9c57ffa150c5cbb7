/**
 * How a unit's heatmap reads: which way its score is better, and its rows best first. The config
 * says a score's direction only through the rankings of it (`order: asc` ranks the lowest first,
 * as for complaints or penalty work orders); a score no ranking orders is taken as higher-is-better,
 * the config's default order.
 */
import type { Heatmap, RankingInfo } from './schema.ts';

export type ScoreOrder = RankingInfo['order'];

/** The order the site's rankings of a score use: `asc` only when every ranking of it ranks the lowest first. */
export function scoreOrder(rankings: readonly Pick<RankingInfo, 'scoreId' | 'order'>[], scoreId: string): ScoreOrder {
  const orders = new Set(rankings.filter((r) => r.scoreId === scoreId).map((r) => r.order));
  return orders.size === 1 && orders.has('asc') ? 'asc' : 'desc';
}

/**
 * The rows by their score in the latest period, best first; rows without one after them; ties by
 * name (in the locale's collation), then ID, so the order never depends on the model's. The
 * pipeline sorts with it before it keeps a heatmap's first rows, so a capped heatmap shows the best.
 */
export function rowsBestFirst(heatmap: Heatmap, order: ScoreOrder, locale: string): Heatmap['rows'] {
  const latest = heatmap.periods.length - 1;
  const collator = new Intl.Collator(locale);
  const better = order === 'asc' ? (a: number, b: number) => a - b : (a: number, b: number) => b - a;
  return [...heatmap.rows].sort((a, b) => {
    const [x, y] = [a.scores[latest] ?? null, b.scores[latest] ?? null];
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return better(x, y);
    }
    return collator.compare(a.entity.name, b.entity.name) || (a.entity.id < b.entity.id ? -1 : a.entity.id > b.entity.id ? 1 : 0);
  });
}
