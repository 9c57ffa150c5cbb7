/**
 * Sorting for output that must repeat byte for byte: by each key in turn, strings compared by
 * code unit (never by locale), so the order is total and the same on every machine.
 */
export type SortKey<T> = (item: T) => string | number;

export function sortBy<T>(items: T[], ...keys: SortKey<T>[]): T[] {
  return items.sort((a, b) => {
    for (const key of keys) {
      const [x, y] = [key(a), key(b)];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}
