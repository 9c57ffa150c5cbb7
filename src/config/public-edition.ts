/**
 * What the public edition leaves out beyond the redacted columns (sql/staging/redact_public.sql): staff
 * rankings, staff pages and the names on penalty lists, as config.public says. The internal
 * edition publishes everything.
 */
import type { CompetitionConfig } from './schema.ts';

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
