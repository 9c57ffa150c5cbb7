/**
 * Which scores each score reads (indicator sources, ratio terms, peers, rollups), the cycle among
 * them if there is one, and the stage each is computed in: a score reads only scores of earlier
 * stages, so the scoring SQL runs stage by stage (src/pipeline/score.ts).
 */
import type { CompetitionConfig, Peer, RatioTerm, Score, Source } from './schema.ts';

/** A score another score reads, and where in that score's YAML it is named. */
export interface ScoreReference {
  score: string;
  path: readonly PropertyKey[];
}

/** Scores computed straight from records: stage 0. */
const RECORD_MODELS: ReadonlySet<Score['model']> = new Set(['ledger', 'check_average', 'event_tally', 'metric']);

export function scoreReferences(score: Score): ScoreReference[] {
  const refs: ScoreReference[] = [];
  const fromSource = (source: Source | Peer | RatioTerm, path: PropertyKey[]) => {
    if (typeof source === 'object' && 'score' in source) refs.push({ score: source.score, path: [...path, 'score'] });
  };
  if (score.model === 'ratio') {
    fromSource(score.numerator, ['numerator']);
    fromSource(score.denominator, ['denominator']);
  }
  if (score.model === 'rollup') refs.push({ score: score.of, path: ['of'] });
  if (score.model === 'indicators') {
    score.indicators.forEach((ind, j) => {
      const at = (key: string): PropertyKey[] => ['indicators', j, key];
      fromSource(ind.source, at('source'));
      if (ind.kind === 'peer_ratio' || ind.kind === 'two_part_ratio') fromSource(ind.peer, at('peer'));
      if (ind.kind === 'two_part_ratio') {
        fromSource(ind.increment, at('increment'));
        fromSource(ind.increment_peer, at('increment_peer'));
      }
    });
  }
  return refs;
}

/**
 * A cycle of scores reading each other, as the reference that closes it (in the first score of
 * the cycle met in config order) and the scores around it; null when there is none.
 */
export function scoreCycle(config: CompetitionConfig): { index: number; reference: ScoreReference; around: string[] } | null {
  const byId = new Map(config.scores.map((s, index) => [s.id, { score: s, index }]));
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (id: string): { index: number; reference: ScoreReference; around: string[] } | null => {
    state.set(id, 'open');
    trail.push(id);
    const entry = byId.get(id)!;
    for (const reference of scoreReferences(entry.score)) {
      if (!byId.has(reference.score)) continue;
      const seen = state.get(reference.score);
      if (seen === 'open') return { index: entry.index, reference, around: [...trail.slice(trail.indexOf(reference.score)), reference.score] };
      if (seen === undefined) {
        const found = visit(reference.score);
        if (found) return found;
      }
    }
    trail.pop();
    state.set(id, 'done');
    return null;
  };
  for (const s of config.scores) {
    if (state.has(s.id)) continue;
    const found = visit(s.id);
    if (found) return found;
  }
  return null;
}

/**
 * Each score's stage: 0 for scores read from records, else one more than the latest stage it
 * reads (a score reading only metrics is stage 1). Needs a config without cycles.
 */
export function scoreStages(config: CompetitionConfig): Map<string, number> {
  const byId = new Map(config.scores.map((s) => [s.id, s]));
  const stages = new Map<string, number>();
  const stageOf = (score: Score): number => {
    const known = stages.get(score.id);
    if (known !== undefined) return known;
    const read = scoreReferences(score).flatMap((r) => {
      const other = byId.get(r.score);
      return other ? [stageOf(other)] : [];
    });
    const stage = RECORD_MODELS.has(score.model) ? 0 : 1 + Math.max(0, ...read);
    stages.set(score.id, stage);
    return stage;
  };
  for (const s of config.scores) stageOf(s);
  return stages;
}
