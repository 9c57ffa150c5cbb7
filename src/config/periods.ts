/** Lays out every scored period: generated calendar months and quarters plus the listed ones. */
import { z } from 'zod';
import type { CompetitionConfig, Text } from './schema.ts';
import { formatMonth } from './dates.ts';

export const PeriodKind = z.enum(['month', 'quarter', 'phase', 'half', 'year', 'custom']);
export type PeriodKind = z.infer<typeof PeriodKind>;

export interface ResolvedPeriod {
  id: string;
  kind: PeriodKind;
  label: Text;
  start: string;
  end: string;
  /** Sort key: by end date, then by length (shorter first), then by id. */
  order: number;
  /** Parts this period's score is carried from; empty for a period scored over its own dates. */
  combine: { period: string; weight: number }[];
  targets: CompetitionConfig['periods']['list'][number]['targets'];
  tasks: { label: Text; due: string }[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function calendarPeriodsOf(kind: 'month' | 'quarter', start: string, end: string) {
  const out: Omit<ResolvedPeriod, 'order'>[] = [];
  const step = kind === 'month' ? 1 : 3;
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7));
  if (kind === 'quarter') m = Math.floor((m - 1) / 3) * 3 + 1;
  for (;;) {
    const first = `${y}-${pad(m)}-01`;
    if (first > end) break;
    const lastMonth = m + step - 1;
    const last = `${y}-${pad(lastMonth)}-${pad(lastDayOfMonth(y, lastMonth))}`;
    const id = kind === 'month' ? `${y}-${pad(m)}` : `${y}-Q${(m - 1) / 3 + 1}`;
    const label =
      kind === 'month'
        ? { 'zh-CN': formatMonth(first, 'zh-CN'), en: formatMonth(first, 'en') }
        : { 'zh-CN': `${y}年第${(m - 1) / 3 + 1}季度`, en: `${y} Q${(m - 1) / 3 + 1}` };
    // Clip to the competition: a campaign that starts on 3/16 scores March from 3/16.
    out.push({ id, kind, label, start: first < start ? start : first, end: last > end ? end : last, combine: [], targets: [], tasks: [] });
    m += step;
    if (m > 12) {
      m -= 12;
      y += 1;
    }
  }
  return out;
}

/** The generated months and quarters, e.g. `2025-03` and `2025-Q1`. */
export function calendarPeriods(config: CompetitionConfig) {
  return config.periods.calendar.flatMap((kind) => calendarPeriodsOf(kind, config.start, config.end));
}

/** The periods scored over their own dates, the parts a combined period may take: generated months and quarters, listed periods with dates. */
export function spanPeriods(config: CompetitionConfig): { id: string; start: string; end: string }[] {
  return [...calendarPeriods(config), ...config.periods.list.flatMap((p) => ('start' in p ? [p] : []))];
}

export function resolvePeriods(config: CompetitionConfig): ResolvedPeriod[] {
  const spans = new Map(spanPeriods(config).map((p) => [p.id, p]));
  const listed = config.periods.list.map((p) => {
    if ('start' in p) return { id: p.id, kind: p.kind, label: p.label, start: p.start, end: p.end, combine: [], targets: p.targets, tasks: p.tasks };
    // A part that is no span period is refused by the config checks; the others still give the dates.
    const parts = p.combine.flatMap((c) => spans.get(c.period) ?? []);
    const starts = parts.map((q) => q.start).sort();
    const ends = parts.map((q) => q.end).sort();
    return { id: p.id, kind: p.kind, label: p.label, start: starts[0] ?? config.start, end: ends.at(-1) ?? config.end, combine: p.combine, targets: p.targets, tasks: [] };
  });
  const all = [...calendarPeriods(config), ...listed];
  const days = (p: { start: string; end: string }) => Date.parse(p.end) - Date.parse(p.start);
  all.sort((a, b) => a.end.localeCompare(b.end) || days(a) - days(b) || a.id.localeCompare(b.id));
  return all.map((p, order) => ({ ...p, order }));
}

/** Does a ranking's or notice's period selector (a kind or an id) pick this period? */
export function periodMatches(selectors: readonly string[], period: { id: string; kind: PeriodKind }): boolean {
  return selectors.includes(period.kind) || selectors.includes(period.id);
}

/** What a build lays out, counted before the work: see `rowBudgetExcess`. */
export interface RowCounts {
  periods: number;
  /** Entities each score applies to, summed over the scores; unknown (undefined) before the tables are loaded. */
  scoredEntities?: number;
  /** One page per ranking and period. */
  rankingPages: number;
  /** Each ranking page lists its ranking's periods: the sum over rankings of their periods squared. */
  rankingPageLinks: number;
  /** Each award standing counts the earlier periods of its kind: award periods squared × ranked entities; unknown before loading. */
  awardHistory?: number;
  /** Hour slots an hourly inspection cadence checks: slots a day × days × units of its level; unknown before loading. */
  cadenceSlots?: number;
}

/**
 * The budget test, shared by the config stage (periods and rankings alone) and the score stage
 * (with the entities): rows = periods × entities scored + ranking pages × the periods each lists
 * + award periods² × the entities ranked + hourly cadence slots × the units checked.
 */
export function rowBudgetExcess(budget: number, counts: RowCounts): { expected: string; found: string } | null {
  const rows = counts.periods * (counts.scoredEntities ?? 0) + counts.rankingPageLinks + (counts.awardHistory ?? 0) + (counts.cadenceSlots ?? 0);
  if (rows <= budget) return null;
  const n = (x: number) => x.toLocaleString('en');
  const scored = counts.scoredEntities === undefined ? '' : `${n(counts.periods)} periods × ${n(counts.scoredEntities)} entities scored, `;
  const history = counts.awardHistory ? `, ${n(counts.awardHistory)} award history rows` : '';
  const slots = counts.cadenceSlots ? `, ${n(counts.cadenceSlots)} hourly cadence slots` : '';
  return {
    expected: `at most ${n(budget)} rows (row_budget): periods × entities scored, plus ranking pages × the periods each lists, plus award periods² × the entities ranked, plus hourly cadence slots × the units checked`,
    found: `${n(rows)} rows: ${scored}${n(counts.rankingPages)} ranking pages listing ${n(counts.periods)} periods${history}${slots}`,
  };
}
