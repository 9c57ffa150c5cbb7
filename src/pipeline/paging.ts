/** Long lists (a ranking, a rule's findings) split into pages of a bounded number of rows. */

/** Rows first–last (from 1) of each page of `rows` rows; one page, maybe empty, at least. */
export function pageRanges(rows: number, pageSize: number): { first: number; last: number }[] {
  const count = Math.max(1, Math.ceil(rows / pageSize));
  return Array.from({ length: count }, (_, i) => ({ first: i * pageSize + 1, last: Math.min(rows, (i + 1) * pageSize) }));
}
