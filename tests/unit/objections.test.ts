/**
 * Objections (异议) to a candidate list (issue 11, §3), over tests/fixtures/ranks. The year is
 * 0.4 × January + 0.6 × February of the service ledger (base 100):
 *
 *   O1: 0.4 × 110 + 0.6 × 102 = 105.2    O4: 0.4 × 101 + 0.6 × 110 = 106.4
 *   O2: 0.4 × 105 + 0.6 × 100 = 102.0    O3: 0.4 × 105 + 0.6 × 100 = 102.0
 *
 * so "Best outlets" of the year (2 places) goes to O4 (1st) and O1 (2nd), O2 and O3 tied 3rd.
 * An upheld objection against O1 takes it off; its place goes to the tied O2 and O3 together.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Notice } from '../../src/site/model.ts';
import { copyFixture, editFile, buildModel, readOutputs, refusal } from '../support/fixture.ts';

const NOTICES = `notices:
  - { id: candidates, kind: candidates, title: Candidates, periods: [year], awards: [year-top], days_after_end: 3, objection_period: { working_days: 5 } }
  - { id: decision, kind: announcement, title: Decision, periods: [year], awards: [year-top], days_after_end: 14 }
  - { id: results, title: Results, periods: [year], awards: [year-top], days_after_end: 14 }
`;

const HEADER = 'objection_id,date,award_id,period_id,unit_id,staff_id,summary,decision,decided_on\n';
const OBJECTIONS =
  HEADER +
  'X1,2025-03-04,year-top,year,O1,,Said to have hidden a complaint,upheld,2025-03-10\n' +
  'X2,2025-03-05,year-top,year,O4,,Said to have closed early,rejected,2025-03-10\n' +
  'X3,2025-03-06,year-top,year,O4,,Said to have been rude,,\n';

function competitionWith(objections: string, extra = ''): string {
  const dir = copyFixture('ranks');
  editFile(dir, 'competition.yaml', (text) =>
    text.replace(/^notices:\n(?: .*\n)+/m, NOTICES).replace('  checks: checks.csv\n', '  checks: checks.csv\n  objections: objections.csv\n') + extra,
  );
  writeFileSync(path.join(dir, 'objections.csv'), objections);
  return path.resolve(dir);
}

const byId = (notices: Notice[], id: string) => notices.find((n) => n.id === id)!;

describe('an upheld objection', () => {
  it('takes the candidate off the list; the notice names who moved up and counts the objections, nothing more', async () => {
    const { notices } = readOutputs(await buildModel(competitionWith(OBJECTIONS), '2025-03-14'));
    const decision = byId(notices, 'decision-year');
    const [list] = decision.sections;
    expect(list!.rows.map((r) => [r.entity.id, r.rank])).toEqual([['O4', 1], ['O2', 3], ['O3', 3]]);
    expect(list!.ineligible.map((r) => [r.entity.id, r.reasons])).toEqual([['O1', [{ label: null, via: null }]]]);
    expect(list!.movedUp).toEqual([{ removed: [expect.objectContaining({ id: 'O1' })], replacements: [expect.objectContaining({ id: 'O2' }), expect.objectContaining({ id: 'O3' })] }]);
    // Public edition (the fixture's default): counts only, no record, no summary anywhere.
    expect(decision.objections).toEqual({ received: 3, resolved: 2, upheld: 1, records: [] });
    expect(byId(notices, 'candidates-year').objections).toMatchObject({ received: 3, resolved: 2, upheld: 1 });
    expect(JSON.stringify(notices)).not.toContain('Said to have');
    // A ranking notice takes no objections: it says nothing of them.
    expect(byId(notices, 'results-year').objections).toBeNull();
  });

  it('is listed with its summary and decision in the internal edition', async () => {
    const { notices } = readOutputs(await buildModel(competitionWith(OBJECTIONS, 'audience: internal\n'), '2025-03-14'));
    expect(byId(notices, 'decision-year').objections!.records.map((o) => [o.id, o.entity.id, o.summary, o.decision, o.decidedOn])).toEqual([
      ['X1', 'O1', 'Said to have hidden a complaint', 'upheld', '2025-03-10'],
      ['X2', 'O4', 'Said to have closed early', 'rejected', '2025-03-10'],
      ['X3', 'O4', 'Said to have been rude', null, null],
    ]);
  });

  it('lists the candidate as removed by objection in the awards download', async () => {
    const { exportsDir } = readOutputs(await buildModel(competitionWith(OBJECTIONS), '2025-03-14'));
    const rows = JSON.parse(readFileSync(path.join(exportsDir, 'awards.json'), 'utf8')) as { award_id: string; period_id: string; entity_id: string; status: string }[];
    expect(rows.filter((r) => r.award_id === 'year-top' && r.period_id === 'year').map((r) => [r.entity_id, r.status]).sort()).toEqual([
      ['O1', 'removed_by_objection'],
      ['O2', 'tie_admitted'],
      ['O3', 'tie_admitted'],
      ['O4', 'won'],
    ]);
  });
});

describe('a refused objection', () => {
  it('names a candidate who is not on the list: refused at its unit_id cell', async () => {
    // O2 is ranked 3rd of a 2-place list, with no objection upheld above it.
    const diagnostics = await refusal(competitionWith(HEADER + 'X1,2025-03-04,year-top,year,O2,,Not on the list,rejected,2025-03-05\n'));
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/objections\.csv$/), line: 2, column: 5, field: 'unit_id', found: '"O2", not on that list' }),
    ]);
  });

  it('is decided before it was received: refused at its decided_on cell', async () => {
    const diagnostics = await refusal(competitionWith(HEADER + 'X1,2025-03-04,year-top,year,O1,,Decided too soon,upheld,2025-03-03\n'));
    expect(diagnostics).toEqual([
      expect.objectContaining({ line: 2, column: 9, field: 'decided_on', expected: 'a decision date on or after the day it was received 2025-03-04', found: '"2025-03-03"' }),
    ]);
  });
});
