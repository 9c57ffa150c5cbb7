/** A threshold read and printed: every layer tests and shows `{ op, value }` the same way. */
import type { Threshold } from './atoms.ts';

export function meetsThreshold(value: number, threshold: Threshold): boolean {
  switch (threshold.op) {
    case '>=':
      return value >= threshold.value;
    case '>':
      return value > threshold.value;
    case '<':
      return value < threshold.value;
    case '<=':
      return value <= threshold.value;
  }
}

/** The printed form of a threshold operator, as the methodology page shows it. */
export const THRESHOLD_SYMBOL = { '>=': '≥', '>': '>', '<': '<', '<=': '≤' } as const;
