/**
 * What the public edition leaves out: the columns the column spec marks (internal, a person's
 * name, a withheld description), redacted in the typed columns before anything is staged
 * (src/pipeline/table-sql.ts), and staff rankings, staff pages and the names on penalty lists, as
 * config.public says. The internal edition publishes everything.
 */
import type { CompetitionConfig } from './schema.ts';
import type { ColumnSpec } from './tables.ts';

type Ranking = CompetitionConfig['rankings'][number];
type Award = CompetitionConfig['awards'][number];

const isInternal = (config: CompetitionConfig) => config.audience === 'internal';

/** Rankings of units always publish; a ranking of staff only where `public.staff_rankings` lists it (or lists nothing). */
export const publishesRanking = (config: CompetitionConfig, ranking: Ranking): boolean =>
  isInternal(config) || ranking.subject !== 'staff' || (config.public.staff_rankings?.includes(ranking.id) ?? true);

export const publishesStaffPages = (config: CompetitionConfig): boolean => isInternal(config) || config.public.staff_pages;

/** Award lists always name their winners; a penalty list (通报批评) names them only where `public.criticism` lists it (or lists nothing). */
export const namesPenalty = (config: CompetitionConfig, award: Award): boolean =>
  isInternal(config) || award.kind !== 'penalty' || (config.public.criticism?.includes(award.id) ?? true);

/** What the public edition does to the columns the spec marks; null for the internal edition, which shows them all. */
export interface Redaction {
  names: CompetitionConfig['public']['staff_names'];
  /** The switches a column's `withheldUnless` names, on or off. */
  switches: Record<NonNullable<ColumnSpec['withheldUnless']>, boolean>;
}

export const redaction = (config: CompetitionConfig): Redaction | null =>
  isInternal(config) ? null : { names: config.public.staff_names, switches: { event_sources: config.public.event_sources } };

/** Whether the edition stages the column empty: an internal one, or one whose switch is off. */
export const withholds = (edition: Redaction | null, column: ColumnSpec): boolean =>
  edition !== null && (column.internal === true || (column.withheldUnless !== undefined && !edition.switches[column.withheldUnless]));

/** Whether the edition shows the person the column names other than in full. */
export const masksPerson = (edition: Redaction | null, column: ColumnSpec): boolean => edition !== null && edition.names !== 'full' && column.person !== undefined;
