/**
 * Fine-only event types (S5 "100元 per occurrence for listed conduct breaches"): a type with a
 * fine and no score, effect or points. Fixture: tests/fixtures/fine-only; every expected number is
 * worked out by hand beside it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, copyFixture, editFile, FIXTURES, readOutputs, refusal } from '../support/fixture.ts';
import { displayPath } from '../../src/config/diagnostics.ts';
import { FineExportRow, FineTotalExportRow } from '../../src/pipeline/export-schemas.ts';
import type { SiteModel } from '../../src/site/model.ts';
import { readScoreParts } from '../support/score-parts.ts';

type Outputs = ReturnType<typeof readOutputs>;
const scoresOf = (out: Outputs, ranking: string, period: string) =>
  Object.fromEntries(out.standings.filter((s) => s.scope_id === ranking && s.period_id === period).map((s) => [s.entity_id, s.score]));

describe('fine-only event types', () => {
  let out: Outputs;
  let site: SiteModel;
  const json = (file: string) => JSON.parse(readFileSync(path.join(out.exportsDir, file), 'utf8'));
  beforeAll(async () => {
    const report = await buildModel(path.join(FIXTURES, 'fine-only'));
    out = readOutputs(report);
    site = JSON.parse(readFileSync(path.join(report.modelDir, 'site.json'), 'utf8'));
  });

  it('posts no score change for a fine-only type', async () => {
    // Ann (S1) has three conduct breaches and nothing else: 100 in every period.
    // Bob (S2): E5 late opening −2 in January → 98 in phase 1; his conduct breaches are
    // unverified (E4) or withdrawn on appeal (E7). Outlet O1: E6 is fine-only → 100.
    expect(scoresOf(out, 'staff', 'p1')).toEqual({ S1: 100, S2: 98 });
    expect(scoresOf(out, 'staff', '2025-01')).toEqual({ S1: 100, S2: 98 });
    expect(scoresOf(out, 'outlets', 'p1')).toEqual({ O1: 100 });
    expect(out.entity('staff', 'S1').postings.filter((p) => p.scoreId === 'points')).toEqual([]);
    // The audit trail of Ann's phase 1 is the base alone.
    const parts = await readScoreParts(out.exportsDir);
    expect(parts.filter((p) => p.period_id === 'p1' && p.score_id === 'points' && p.entity_id === 'S1').map((p) => [p.rule_id, p.amount])).toEqual([['base', 100]]);
  });

  it('fines each occurrence, with the repeat and priority multipliers', () => {
    const fines = FineExportRow.array().parse(json('fines.json'));
    expect(Object.fromEntries(fines.map((f) => [f.event_id, [f.amount, f.multiplier]]))).toEqual({
      E1: [100, 1], // first C1 in January: 100
      E2: [200, 2], // same problem again in January: 100 × 2
      E3: [300, 3], // February: first C1 of the month, a priority item: 100 × 3
      E6: [100, 1], // the outlet itself, no problem code
    });
    // E4 is unverified, E7 withdrawn on appeal A1: no fine. E5 is a scored type without a fine.
    expect(fines.map((f) => f.event_id)).not.toContain('E7');
    const totals = FineTotalExportRow.array().parse(json('fine_totals.json'));
    const of = (period: string) => Object.fromEntries(totals.filter((t) => t.period_id === period).map((t) => [t.entity_id, [t.events, t.amount]]));
    // Phase 1: Ann 100 + 200 + 300 = 600 over 3 events; O1 100. January: Ann 100 + 200 = 300.
    expect(of('p1')).toEqual({ S1: [3, 600], O1: [1, 100] });
    expect(of('2025-01')).toEqual({ S1: [2, 300] });
  });

  it('lists the fines on the entity page and the withdrawn one among the events that count for nothing', () => {
    const ann = out.entity('staff', 'S1');
    expect(ann.fines!.lines.map((f) => [f.eventId, f.amount])).toEqual([
      ['E3', 300],
      ['E2', 200],
      ['E1', 100],
    ]);
    expect(ann.fines!.totals.find((t) => t.periodId === 'p1')).toEqual({ periodId: 'p1', periodLabel: 'Phase 1', events: 3, amount: 600 });
    const bob = out.entity('staff', 'S2');
    expect(bob.ignoredEvents.map((e) => [e.eventId, e.appeal?.decision ?? null])).toEqual([
      ['E7', 'upheld'],
      ['E4', null],
    ]);
  });

  it('is counted by an event tally', () => {
    // Ann: E1, E2 in January, E3 in February = 3 breaches in phase 1 (a tally counts each event
    // once, no multiplier). The data end in March, so phase 2 has not started.
    const breaches = out.entity('staff', 'S1').histories.find((h) => h.scoreId === 'breaches')!;
    expect(Object.fromEntries(breaches.points.map((p) => [p.periodId, p.score]))).toMatchObject({ '2025-01': 2, '2025-02': 1, p1: 3 });
  });

  it('has its own methodology section', () => {
    const section = site.methodology.find((s) => s.headingKey === 'method.heading.fineOnly')!;
    expect(section.items.map((i) => i.key)).toEqual([
      'method.fineOnly',
      'method.fineOnly.verifiedOnly',
      'method.event.repeat',
      'method.event.priority',
      'method.event.combine.max',
      'method.fine.fixed',
      'method.fineOnly.note',
    ]);
    expect(section.items[5]!.values).toEqual({ type: 'Conduct breach', amount: 100 });
    // The ledger section lists only the scored type.
    const ledger = site.methodology.find((s) => s.headingKey === 'method.heading.score' && s.headingValues.score === 'Points')!;
    expect(ledger.items.map((i) => i.values.type).filter(Boolean)).toEqual(['Late opening']);
  });
});

describe('fine-only event types: bad input', () => {
  const relative = (dir: string, file: string) => displayPath(path.join(dir, file));

  it('refuses points on an event of a fine-only type at file:line:column', async () => {
    const dir = copyFixture('fine-only');
    editFile(dir, 'events.csv', (text) => text.replace('E6,2025-03-01,conduct,O1,,,verified', 'E6,2025-03-01,conduct,O1,,2,verified'));
    expect(await refusal(dir)).toEqual([
      { file: relative(dir, 'events.csv'), line: 7, column: 6, field: 'points', expected: 'an empty value: type "conduct" has no points (a fine only)', found: '"2"' },
    ]);
  });

  it('refuses an adjusted appeal that sets points on a fine-only event', async () => {
    const dir = copyFixture('fine-only');
    editFile(dir, 'appeals.csv', (text) => text.replace('A1,E7,2025-03-05,upheld,,,', 'A1,E7,2025-03-05,adjusted,1,,'));
    expect((await refusal(dir)).map((p) => [p.line, p.column, p.field, p.expected])).toEqual([
      [2, 5, 'points', 'an empty value: type "conduct" has no points (a fine only)'],
    ]);
  });

  it('refuses a type with no score, fine or tally, half a score, a per-point fine without points, and a points tally over it', async () => {
    const dir = copyFixture('fine-only');
    editFile(dir, 'competition.yaml', (text) =>
      text
        .replace('event_types: [conduct] }', 'event_types: [conduct], measure: points }')
        .replace("  - { id: late, label: Late opening, score: points, effect: deduct, points: { fixed: 2 } }", [
          '  - { id: late, label: Late opening, score: points, effect: deduct }',
          '  - { id: idle, label: Idle }',
          '  - { id: rate, label: Rate, fine: { per_point: 200 } }',
        ].join('\n')),
    );
    const problems = await refusal(dir);
    expect(problems.map((p) => [p.line, p.field, p.expected])).toEqual([
      [26, 'event_types.0.points', 'points beside score and effect (or none of score, effect and points for a fine-only type)'],
      [27, 'event_types.1', 'a score with effect and points, a fine, or an event_tally that counts it'],
      [28, 'event_types.2.fine.per_point', 'a fixed or ranged fine: the type has no points'],
      [24, 'scores.1.event_types.0', 'an event type with points (the tally sums points)'],
    ]);
  });
});
