/** What a rule check returns: a problem found, the rule that found it, and the rows that show it. */
import type { Threshold } from '../config/schema.ts';
import { sortBy } from '../order.ts';

export type { Evidence } from '../site/model.ts';
import type { Evidence } from '../site/model.ts';

export interface CheckFinding {
  ruleId: string;
  unitId: string;
  periodStart: string;
  periodEnd: string;
  /** The counted value and the threshold it failed. */
  observed: number;
  threshold: Threshold;
  /** Message catalog key; the page words it with `values` in the build's locale. */
  messageKey: string;
  values: Record<string, string | number>;
  evidence: Evidence[];
}

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

/** Evidence in a fixed order (date, then ID), whatever order the rows came in. */
export const inRecordOrder = <T extends { date: string; id: string }>(rows: readonly T[]): T[] =>
  sortBy([...rows], (r) => r.date, (r) => r.id);
