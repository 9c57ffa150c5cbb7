/** Long lists (a ranking, a rule's findings) split into pages of a bounded number of table rows. */

/** Rows first–last (from 1) of each page of `rows` rows; one page, maybe empty, at least. */
export const pageRanges = (rows: number, pageSize: number): { first: number; last: number }[] =>
  weightedPageRanges(
    Array.from({ length: rows }, () => 1),
    pageSize,
  );

/**
 * The same for items that each take `weights[i]` table rows (a finding and its evidence records):
 * a page takes items while their rows fit in `pageSize`, and at least one, however many rows it takes.
 */
export function weightedPageRanges(weights: number[], pageSize: number): { first: number; last: number }[] {
  const pages: { first: number; last: number }[] = [];
  let first = 1;
  let rows = 0;
  weights.forEach((weight, i) => {
    if (i + 1 > first && rows + weight > pageSize) {
      pages.push({ first, last: i });
      first = i + 1;
      rows = 0;
    }
    rows += weight;
  });
  pages.push({ first, last: weights.length });
  return pages;
}
