/**
 * The event ledger rules (S5): appeals as data, repeat and priority multipliers, per-event fines,
 * event tallies and the score_parts audit trail. Fixture: tests/fixtures/ledger-rules; every
 * expected number is worked out by hand beside it.
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

describe('ledger rules', () => {
  let out: Outputs;
  let site: SiteModel;
  const json = (file: string) => JSON.parse(readFileSync(path.join(out.exportsDir, file), 'utf8'));
  beforeAll(async () => {
    const report = await buildModel(path.join(FIXTURES, 'ledger-rules'));
    out = readOutputs(report);
    site = JSON.parse(readFileSync(path.join(report.modelDir, 'site.json'), 'utf8'));
  });

  describe('appeals', () => {
    it('an upheld appeal reverses a deduction, an adjusted one replaces its points, a rejected or pending one leaves it', () => {
      // Cid (S3), phase 1: E08 −5 is withdrawn on appeal A1 (upheld) → the score goes back up by 5;
      // E09 −6 adjusted to −2 (A2); E10 −3 stands (A3 rejected); E11 −1 stands (A4 pending).
      // 100 − 2 − 3 − 1 = 94 (without the appeals it would be 100 − 5 − 6 − 3 − 1 = 85).
      expect(scoresOf(out, 'staff', 'p1').S3).toBe(94);
    });

    it('keeps the withdrawn event on the entity page with its appeal and decision', () => {
      const cid = out.entity('staff', 'S3');
      expect(cid.ignoredEvents).toEqual([
        expect.objectContaining({ eventId: 'E08', status: 'verified', appeal: { id: 'A1', decision: 'upheld', decidedOn: '2025-03-20' } }),
      ]);
      const points = cid.postings.filter((p) => p.scoreId === 'points');
      expect(points.map((p) => [p.sourceId, p.points, p.appeal?.id ?? null, p.appeal?.decision ?? null])).toEqual([
        ['E11', -1, 'A4', 'pending'],
        ['E10', -3, 'A3', 'rejected'],
        ['E09', -2, 'A2', 'adjusted'],
      ]);
      // The appeal's note is internal.
      expect(JSON.stringify(cid)).not.toContain('customer withdrew');
    });
  });

  describe('repeat and priority multipliers', () => {
    it('doubles a repeat of the same problem inside one phase and not across phases', () => {
      // Ann (S1), complaints with problem P-WAIT, repeat within a phase ×2:
      // E01 (Jan, p1) −4 first; E02 (Feb, p1) −3 × 2 = −6; E03 (Apr, p2) −2 first again in phase 2.
      const ann = out.entity('staff', 'S1').postings.filter((p) => p.scoreId === 'points');
      const byEvent = Object.fromEntries(ann.map((p) => [p.sourceId, [p.points, p.multiplier?.factor ?? 1]]));
      expect(byEvent.E01).toEqual([-4, 1]);
      expect(byEvent.E02).toEqual([-6, 2]);
      expect(byEvent.E03).toEqual([-2, 1]);
      // The month score of February carries the doubled repeat: 100 − 6 − 3 (E07) = 91.
      expect(scoresOf(out, 'staff', '2025-02').S1).toBe(91);
      // Conduct breaches repeat within a month: E06 in February is not a repeat of January's C1.
      expect(out.entity('staff', 'S2').postings.find((p) => p.sourceId === 'E06')!.points).toBe(-2);
    });

    it('combines a repeat with a priority item by max or by product, as the type says', () => {
      // complaint (combine: max): E07 is the third P-WAIT in phase 1 (×2) and a priority item (×3):
      // max(2, 3) = 3 → −1 × 3 = −3.
      // conduct (combine: product): E04 priority → 2 × 3 = −6; E05 repeat in January (×2) and priority (×3):
      // 2 × 3 = 6 → −2 × 6 = −12.
      const points = (staff: string, event: string) => out.entity('staff', staff).postings.find((p) => p.scoreId === 'points' && p.sourceId === event)!;
      expect(points('S1', 'E07')).toMatchObject({ points: -3, multiplier: { factor: 3, repeat: true, priority: true } });
      expect(points('S2', 'E04')).toMatchObject({ points: -6, multiplier: { factor: 3, repeat: false, priority: true } });
      expect(points('S2', 'E05')).toMatchObject({ points: -12, multiplier: { factor: 6, repeat: true, priority: true } });
      // Phase 1: Ann 100 − 4 − 6 − 3 = 87; Bob 100 − 6 − 12 − 2 = 80.
      expect(scoresOf(out, 'staff', 'p1')).toEqual({ S1: 87, S2: 80, S3: 94 });
    });

    it('prints the precedence on the methodology page', () => {
      const keys = site.methodology.flatMap((s) => s.items.map((i) => i.key));
      expect(keys).toEqual(expect.arrayContaining(['method.event.combine.max', 'method.event.combine.product', 'method.fine.onRepeat.rate', 'method.appeal.upheld', 'method.tally.count', 'method.tally.threshold', 'method.audit']));
      const repeat = site.methodology.flatMap((s) => s.items).find((i) => i.key === 'method.event.repeat' && i.values.type === 'Complaint');
      expect(repeat?.values).toEqual({ type: 'Complaint', periods: 'phase', multiplier: 2 });
    });
  });

  describe('per-event fines', () => {
    it('prices fixed, ranged and per-point fines, with multipliers and appeals', () => {
      const fines = FineExportRow.array().parse(json('fines.json'));
      expect(Object.fromEntries(fines.map((f) => [f.event_id, f.amount]))).toEqual({
        E01: 300, // range: its own amount
        E02: 400, // 200 × 2 (repeat in phase 1)
        E07: 1500, // 500 × max(2, 3)
        E03: 250, // first in phase 2
        E04: 300, // fixed 100 × 3 (priority)
        E05: 600, // 100 × 2 × 3 (repeat and priority, product)
        E06: 100, // 100, first in February
        E17: 100, // unit O1, no problem code: never a repeat
        E09: 200, // adjusted on appeal from 300 to 200
        E10: 250, // appeal rejected
        E11: 200, // appeal pending
        E12: 600, // software: 3 points × 200
        E13: 1000, // repeat: on_repeat rate → 2 points × 500, the points not doubled
      });
      // E08 was withdrawn on appeal: no fine.
      expect(fines.find((f) => f.event_id === 'E08')).toBeUndefined();
      // The repeat still doubles E13's score: −2 × 2 = −4.
      expect(out.entity('staff', 'S2').postings.find((p) => p.sourceId === 'E13')!.points).toBe(-4);
    });

    it('totals fines per period and lists them on the entity page', () => {
      const totals = FineTotalExportRow.array().parse(json('fine_totals.json'));
      const of = (period: string) => Object.fromEntries(totals.filter((t) => t.period_id === period).map((t) => [t.entity_id, t.amount]));
      // Phase 1: Ann 300 + 400 + 1500 = 2200; Bob 300 + 600 + 100 = 1000; Cid 200 + 250 + 200 = 650; O1 100.
      expect(of('p1')).toEqual({ S1: 2200, S2: 1000, S3: 650, O1: 100 });
      // Phase 2: Ann 250; Bob 600 + 1000 = 1600.
      expect(of('p2')).toEqual({ S1: 250, S2: 1600 });
      const bob = out.entity('staff', 'S2').fines!;
      expect(bob.lines.map((f) => [f.eventId, f.amount])).toEqual([
        ['E13', 1000],
        ['E12', 600],
        ['E06', 100],
        ['E05', 600],
        ['E04', 300],
      ]);
      expect(bob.totals.filter((t) => t.periodId === 'p2')).toEqual([{ periodId: 'p2', periodLabel: 'Phase 2', events: 2, amount: 1600 }]);
      expect(site.downloads.map((d) => d.file)).toEqual(expect.arrayContaining(['fines.csv', 'fines.json', 'fine_totals.csv', 'score_parts.csv']));
    });

    it('neutralises formula-like text in fines.csv', async () => {
      const dir = copyFixture('ledger-rules');
      editFile(dir, 'staff.csv', (text) => text.replace('S1,Ann,O1', 'S1,=HYPERLINK("x"),O1'));
      const csv = readFileSync(path.join(readOutputs(await buildModel(dir)).exportsDir, 'fines.csv'), 'utf8');
      expect(csv).toContain(`,staff,S1,"'=HYPERLINK(""x"")",range,`);
    });
  });

  describe('event_tally', () => {
    it('counts verified events of the listed types per period, after appeals', () => {
      // Phase 1: Ann E01, E02, E07 = 3; Cid E09, E10, E11 = 3 (E08 withdrawn); Bob 0. Phase 2: Ann E03 = 1.
      expect(scoresOf(out, 'major', 'p1')).toEqual({ S1: 3, S2: 0, S3: 3 });
      expect(scoresOf(out, 'major', 'p2')).toEqual({ S1: 1, S2: 0, S3: 0 });
    });

    it('lists the events behind a tally on the entity page, after appeals', () => {
      const cid = out.entity('staff', 'S3').postings.filter((p) => p.scoreId === 'major');
      expect(cid.map((p) => [p.sourceId, p.points, p.role, p.appeal?.decision ?? null])).toEqual([
        ['E11', 1, 'tally', 'pending'],
        ['E10', 1, 'tally', 'rejected'],
        ['E09', 1, 'tally', 'adjusted'],
      ]);
      // E07 is a doubled repeat in the ledger, but a tally counts the event once, with no multiplier.
      expect(out.entity('staff', 'S1').postings.find((p) => p.scoreId === 'major' && p.sourceId === 'E07')).toEqual(
        expect.not.objectContaining({ multiplier: expect.anything() }),
      );
    });

    it('sums amounts above a threshold, only for the listed statuses', () => {
      // Ann's losses in May: E14 2500 (≥ 2000, counted), E15 1500 (below), E16 3000 (pending, not verified).
      const ann = out.entity('staff', 'S1');
      const losses = ann.histories.find((h) => h.scoreId === 'losses')!;
      expect(Object.fromEntries(losses.points.map((p) => [p.periodId, p.score]))).toMatchObject({ '2025-04': 0, '2025-05': 2500, p2: 2500 });
      expect(ann.postings.filter((p) => p.scoreId === 'losses').map((p) => [p.sourceId, p.points])).toEqual([['E14', 2500]]);
    });
  });

  describe('score_parts audit trail', () => {
    it('lists each rule’s amount and the sorted records behind it', async () => {
      const parts = await readScoreParts(out.exportsDir);
      const of = (period: string, score: string, entity: string) =>
        parts.filter((p) => p.period_id === period && p.score_id === score && p.entity_id === entity).map((p) => [p.rule_id, p.amount, p.source_ids]);
      // Cid, phase 1: base 100, complaints −2 − 3 − 1 = −6 (E08 withdrawn, not a source).
      expect(of('p1', 'points', 'S3')).toEqual([
        ['base', 100, ''],
        ['complaint', -6, 'E09 E10 E11'],
      ]);
      // Ann, phase 2: base 100, complaint −2, losses −1 − 1 − 2 = −4 (the ledger counts pending losses; no verification needed).
      expect(of('p2', 'points', 'S1')).toEqual([
        ['base', 100, ''],
        ['complaint', -2, 'E03'],
        ['loss', -4, 'E14 E15 E16'],
      ]);
      expect(of('p2', 'losses', 'S1')).toEqual([['loss', 2500, 'E14']]);
      expect(of('p1', 'major', 'S3')).toEqual([['complaint', 3, 'E09 E10 E11']]);
    });

    it('leaves each person’s parts and fines out of an edition without staff pages, and keeps the outlet’s', async () => {
      const dir = copyFixture('ledger-rules');
      editFile(dir, 'competition.yaml', (text) => `${text}\npublic:\n  staff_pages: false\n`);
      const exportsDir = readOutputs(await buildModel(dir)).exportsDir;
      const kindsIn = (file: string) => [...new Set((JSON.parse(readFileSync(path.join(exportsDir, file), 'utf8')) as { entity_kind: string }[]).map((r) => r.entity_kind))];
      expect([...new Set((await readScoreParts(exportsDir)).map((r) => r.entity_kind))]).toEqual(['unit']);
      expect(kindsIn('fines.json')).toEqual(['unit']);
      expect(kindsIn('fine_totals.json')).toEqual(['unit']);
      expect(readFileSync(path.join(exportsDir, 'score_parts.csv'), 'utf8')).not.toContain(',staff,');
      // O1's own fine total in phase 1, 100, as in the fine totals above.
      expect(FineTotalExportRow.array().parse(JSON.parse(readFileSync(path.join(exportsDir, 'fine_totals.json'), 'utf8'))).map((t) => [t.period_id, t.entity_id, t.amount])).toContainEqual(['p1', 'O1', 100]);
    });
  });
});

describe('ledger rules: bad input', () => {
  const relative = (dir: string, file: string) => displayPath(path.join(dir, file));

  it('refuses a ranged fine outside its range at file:line:column', async () => {
    const dir = copyFixture('ledger-rules');
    editFile(dir, 'events.csv', (text) => text.replace('E10,2025-03-10,complaint,,S3,3,verified,hotline,,250', 'E10,2025-03-10,complaint,,S3,3,verified,hotline,,600'));
    expect(await refusal(dir)).toEqual([
      { file: relative(dir, 'events.csv'), line: 11, column: 10, field: 'amount', expected: 'a fine from 200 to 500 元 for type "complaint"', found: '"600"' },
    ]);
  });

  it('refuses bad amount, problem and priority cells, and a priority flag on a type without a priority multiplier', async () => {
    const dir = copyFixture('ledger-rules');
    editFile(dir, 'events.csv', (text) =>
      text
        .replace('E14,2025-05-01,loss,,S1,1,verified,audit,,2500,,', 'E14,2025-05-01,loss,,S1,1,verified,audit,,-5,a/b,maybe')
        .replace('E15,2025-05-02,loss,,S1,1,verified,audit,,1500,,', 'E15,2025-05-02,loss,,S1,1,verified,audit,,1500,,yes'),
    );
    const problems = await refusal(dir);
    expect(problems.map((p) => [p.line, p.field, p.found])).toEqual([
      [15, 'amount', '"-5"'],
      [15, 'priority', '"maybe"'],
      [15, 'problem', '"a/b"'],
      [16, 'priority', 'priority "yes" on type "loss"'],
    ]);
  });

  it('refuses appeals that name no event, lack the adjusted values, carry values they would not use, or decide an event twice', async () => {
    const dir = copyFixture('ledger-rules');
    editFile(dir, 'appeals.csv', (text) =>
      text
        .replace('A2,E09,2025-03-07,adjusted,2,200,2025-03-25,', 'A2,E09,2025-03-07,adjusted,,,2025-03-25,')
        .replace('A3,E10,2025-03-12,rejected,,,2025-03-28,', 'A3,E10,2025-03-12,rejected,2,,2025-03-28,')
        .concat('A5,E99,2025-03-12,upheld,,,,\nA6,E08,2025-03-30,rejected,,,,\nA7,E09,2025-03-12,overturned,,,,\n'),
    );
    const problems = await refusal(dir);
    expect(problems.map((p) => [p.file, p.line, p.field, p.expected])).toEqual([
      [relative(dir, 'appeals.csv'), 3, 'points', 'the new points or amount of an adjusted decision'],
      [relative(dir, 'appeals.csv'), 4, 'points', 'empty points and amount: only an adjusted decision sets them'],
      [relative(dir, 'appeals.csv'), 6, 'event_id', 'an event_id from the events table'],
      [relative(dir, 'appeals.csv'), 7, 'event_id', 'one decided appeal per event (correct the first instead)'],
      [relative(dir, 'appeals.csv'), 8, 'decision', 'one of upheld, rejected, adjusted, pending'],
    ]);
  });

  it('refuses an adjustment outside the event type’s points or fine range', async () => {
    const dir = copyFixture('ledger-rules');
    editFile(dir, 'appeals.csv', (text) => text.replace('A2,E09,2025-03-07,adjusted,2,200,', 'A2,E09,2025-03-07,adjusted,12,100,'));
    expect((await refusal(dir)).map((p) => [p.line, p.column, p.field, p.expected])).toEqual([
      [3, 6, 'amount', 'a fine from 200 to 500 元 for type "complaint"'],
      [3, 5, 'points', 'points from 1 to 10 for type "complaint"'],
    ]);
  });

  it('requires the precedence when a type has both multipliers, and when a repeat rate meets a repeat multiplier', async () => {
    const dir = copyFixture('ledger-rules');
    editFile(dir, 'competition.yaml', (text) => text.replace('    combine_multipliers: max\n', '').replace(', on_repeat: rate }', ' }'));
    const problems = await refusal(dir);
    expect(problems.map((p) => [p.field, p.expected])).toEqual([
      ['event_types.0.combine_multipliers', 'max or product: the type has both a repeat and a priority multiplier'],
      ['event_types.2.fine.on_repeat', 'rate, multiplier or both: the type has a repeat multiplier and a repeat rate'],
    ]);
    // A missing key is reported at its parent: the complaint type, line 27 of competition.yaml.
    expect(problems[0]!.line).toBe(27);
  });

  it('refuses an event_tally that names an unknown event type', async () => {
    const dir = copyFixture('ledger-rules');
    editFile(dir, 'competition.yaml', (text) => text.replace('event_types: [complaint] }', 'event_types: [complaints] }'));
    expect((await refusal(dir)).map((p) => [p.field, p.found])).toEqual([['scores.1.event_types.0', '"complaints"']]);
  });
});
