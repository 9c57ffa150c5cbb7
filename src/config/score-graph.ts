/**
 * The cycle among the scores that read scores (each kind says which it reads, src/rules), if there
 * is one, and the stage each is computed in: a score reads only scores of earlier
 * stages, so the scoring SQL runs stage by stage (src/pipeline/score.ts).
 */
import { scoreFromRecords, scoreReads } from '../rules/index.ts';
import type { ScoreReference } from '../rules/kind.ts';
import type { CompetitionConfig } from './schema.ts';

export interface ScoreCycle {
  /** The score whose reference closes the cycle, by its index in `scores`. */
  index: number;
  reference: ScoreReference;
  /** The scores around the cycle, the first one again at the end: each reads the next. */
  around: string[];
}

/**
 * Walks the scores depth first, without recursion (a config may chain thousands of scores):
 * each score's stage, 0 for scores read from records, else one more than the latest stage it
 * reads (a score reading only metrics is stage 1); or the first cycle met in config order.
 */
function walkScores(config: CompetitionConfig): { stages: Map<string, number> } | { cycle: ScoreCycle } {
  const byId = new Map(config.scores.map((score, index) => [score.id, { score, index, refs: scoreReads(score) }]));
  const stages = new Map<string, number>();
  const open = new Set<string>();
  for (const root of config.scores) {
    if (stages.has(root.id)) continue;
    // Each frame: a score and how many of its references have been followed.
    const stack: { id: string; next: number }[] = [{ id: root.id, next: 0 }];
    open.add(root.id);
    while (stack.length > 0) {
      const frame = stack.at(-1)!;
      const entry = byId.get(frame.id)!;
      const reference = entry.refs[frame.next++];
      if (reference === undefined) {
        const read = entry.refs.flatMap((r) => (byId.has(r.score) ? [stages.get(r.score)!] : []));
        stages.set(frame.id, scoreFromRecords(entry.score) ? 0 : 1 + Math.max(0, ...read));
        open.delete(frame.id);
        stack.pop();
      } else if (open.has(reference.score)) {
        const trail = stack.map((f) => f.id);
        return { cycle: { index: entry.index, reference, around: [...trail.slice(trail.indexOf(reference.score)), reference.score] } };
      } else if (byId.has(reference.score) && !stages.has(reference.score)) {
        open.add(reference.score);
        stack.push({ id: reference.score, next: 0 });
      }
    }
  }
  return { stages };
}

/** The first cycle of scores reading each other, in config order; null when there is none. */
export function scoreCycle(config: CompetitionConfig): ScoreCycle | null {
  const walked = walkScores(config);
  return 'cycle' in walked ? walked.cycle : null;
}

/** Each score's stage: a score reads only scores of earlier stages. Needs a config without cycles. */
export function scoreStages(config: CompetitionConfig): Map<string, number> {
  const walked = walkScores(config);
  if ('cycle' in walked) throw new Error(`scores read each other in a cycle: ${walked.cycle.around.join(' → ')}`);
  return walked.stages;
}
