/**
 * A value source (a metric aggregated over the period, or another score) as the other layers see
 * it: the key int_source_values gives it (`metric:<id>:<aggregate>`, `score:<id>`), the score it
 * reads, and its name on the methodology page.
 */
import type { ConfigRow, ScoreReference, ScoreWords } from './kind.ts';
import type { Peer, RatioTerm, Source } from './score-atoms.ts';

export const metricKey = (metric: string, aggregate: string): string => `metric:${metric}:${aggregate}`;
export const sourceKey = (source: Source): string => ('score' in source ? `score:${source.score}` : metricKey(source.metric, source.aggregate));

/** A peer's columns of cfg_indicator_terms: `sum`/`mean` over every subject, or the top unit's value. */
export const peerColumns = (peer: Peer): ConfigRow => (typeof peer === 'string' ? { peer_kind: peer, peer_key: null } : { peer_kind: 'top', peer_key: sourceKey(peer) });

/** A ratio term's source key, and its audit rule (`numerator:<metric>` or `numerator:score:<id>`). */
export const ratioTermColumns = (term: RatioTerm, role: 'numerator' | 'denominator'): ConfigRow =>
  typeof term === 'string'
    ? { [`${role}_key`]: metricKey(term, 'sum'), [`${role}_rule`]: `${role}:${term}` }
    : { [`${role}_key`]: `score:${term.score}`, [`${role}_rule`]: `${role}:score:${term.score}` };

/** The score a source, peer or ratio term reads, if it reads one. */
export const sourceScore = (source: Source | Peer | RatioTerm, path: readonly PropertyKey[]): ScoreReference[] =>
  typeof source === 'object' && 'score' in source ? [{ score: source.score, path: [...path, 'score'] }] : [];

export const sourceLabel = (source: Source | RatioTerm, words: ScoreWords): string =>
  typeof source === 'string' ? words.metric(source) : 'score' in source ? words.score(source.score) : words.metric(source.metric);
