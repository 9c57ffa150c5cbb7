/** Cross-reference checks several rule kinds share: a level, phases, a period selector, a score of a level. */
import type { References, YamlPath } from './kind.ts';

export function needLevel(level: string, at: YamlPath, refs: References): void {
  refs.need(refs.levelIds.includes(level), at, refs.oneOf(refs.levelIds), refs.shown(level));
}

export function needPhases(phases: readonly string[] | undefined, at: (j: number) => YamlPath, refs: References): void {
  phases?.forEach((phase, j) => refs.need(refs.phaseIds.includes(phase), at(j), `a phase id, ${refs.oneOf(refs.phaseIds)}`, refs.shown(phase)));
}

/** Each selector names a kind or id that matches a period of the competition: a rule over quarters of a competition without them would check nothing, unseen. */
export function needPeriods(selectors: readonly string[], at: (j: number) => YamlPath, refs: References): void {
  const allowed = [...refs.periodKinds, ...refs.periodIds].filter((p) => refs.periodsMatching([p]).length > 0);
  selectors.forEach((p, j) => refs.need(allowed.includes(p), at(j), `a period kind or id of this competition, ${refs.oneOf(allowed)}`, refs.shown(p)));
}

/** A score that exists and scores the level (a rule about outlets reads an outlet score). */
export function needScoreOf(scoreId: string, level: string, at: YamlPath, refs: References): void {
  const score = refs.scoreById.get(scoreId);
  refs.need(score !== undefined, at, refs.oneOf([...refs.scoreById.keys()]), refs.shown(scoreId));
  const ofLevel = refs.scores.filter((s) => s.subjects.includes(level)).map((s) => s.id);
  refs.need(!score || score.subjects.includes(level), at, `a score of "${level}" (scores of it: ${ofLevel.join(', ')})`, refs.shown(scoreId));
}

/** A score's floor at or below its cap (`total_cap` for weighted indicators). */
export function needBounds(floor: number | undefined, cap: number | undefined, capKey: 'cap' | 'total_cap', at: (...rest: PropertyKey[]) => YamlPath, refs: Pick<References, 'need'>): void {
  if (floor !== undefined && cap !== undefined) refs.need(floor <= cap, at(capKey), `a ${capKey} ≥ floor ${floor}`, String(cap));
}

