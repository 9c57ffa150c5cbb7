/**
 * Award mechanisms through the public interface: expressions and their refusal, eligibility and
 * veto, approvals, quotas (per level, per attribute, share of headcount), ties at the boundary
 * both ways, funnels, nominations, competitive selection and soft caps.
 * Every expected number is worked out by hand in the comments.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { buildModel, csvText as csv, editFile, readOutputs, refusal, tempDir, writeCompetition as writeIn } from '../support/fixture.ts';
import type { Notice } from '../../src/site/model.ts';

const writeCompetition = (files: Record<string, string>) => writeIn('awards', files);

/**
 * The world: ORG → D1 (O1–O4), D2 (O5, O6). January checks: O1 95, O2 94, O3 93, O4 92, O5 91, O6 90;
 * February: O2 80 alone.
 * Staff S1–S6 (admin) in O1, S7–S10 (clinical) in O2; service = 100 + praise in the period:
 *   Jan: S1 +10, S2 +5, S7 +5, S8 +5    → Jan S1 110, S2 105, S7 105, S8 105
 *   Feb: S1 +10, S2 +3, S7 +5           → Feb S1 110, S2 103, S7 105
 *   Mar: S2 +20, S3 +20, S7 +5          → Mar S2 120, S3 120, S7 105
 *   Q1: S1 120, S2 128, S3 120, S7 115, S8 105, the others 100.
 */
const WORLD_YAML = `
id: awards-world
name: Awards world
issuer: Office
locale: en
start: 2025-01-01
end: 2025-03-31
org:
  levels:
    - { id: org, label: Organisation }
    - { id: district, label: District }
    - { id: outlet, label: Outlet }
  attributes:
    - { id: opened, label: Opened, of: units, type: date }
    - { id: institution_type, label: Institution type, of: units, type: text }
    - { id: category, label: Category, of: staff, type: text }
tables:
  units: units.csv
  staff: staff.csv
  events: events.csv
  checks: checks.csv
  nominations: nominations.csv
  approvals: approvals.csv
periods:
  calendar: [month, quarter]
scores:
  - { id: check, label: Check, model: check_average, subjects: [outlet] }
  - { id: service, label: Service, model: ledger, base: 100, subjects: [staff] }
  - { id: complaints, label: Complaints, model: ledger, base: 0, subjects: [outlet, staff] }
  - { id: terminations, label: Terminations, model: ledger, base: 0, subjects: [org, district] }
event_types:
  - { id: praise, label: Praise, score: service, effect: add, points: { min: 1, max: 50 } }
  - { id: complaint, label: Complaint, score: complaints, effect: add, points: { fixed: 1 }, verified_only: true }
  - { id: termination, label: Termination, score: terminations, effect: add, points: { fixed: 1 } }
rankings:
  - { id: outlets, label: Outlets, score: check, subject: outlet, periods: [month] }
  - { id: staff, label: Staff, score: service, subject: staff, periods: [month, quarter] }
eligibility:
  - { id: no-complaint, label: Verified complaint, kind: score, score: complaints, out_if: { op: '>=', value: 1 } }
  - { id: terminated, label: Organisation terminated, kind: score, score: terminations, scope: ancestors, out_if: { op: '>=', value: 1 } }
  - { id: tenure, label: Open under two years, kind: attribute, attribute: opened, out_if: { op: '>', date: 2023-01-31 } }
  - { id: not-trust, label: Trust leasing or finance company, kind: attribute, attribute: institution_type, out_if: { in: [trust, leasing, finance] } }
  - { id: checked-feb, label: Not checked well in February, kind: score, score: check, period: 2025-02, out_if: { op: '<', value: 60 }, missing: out }
  - { id: checked-feb-lenient, label: Checked badly in February, kind: score, score: check, period: 2025-02, out_if: { op: '<', value: 60 } }
awards:
  - { id: best, label: Best outlets, ranking: outlets, period: 2025-01, places: 3, amount: 200, eligibility: [no-complaint, terminated, tenure, not-trust], competitive: true }
  - { id: checked-best, label: Checked best, ranking: outlets, period: 2025-01, places: 1, eligibility: [checked-feb] }
  - { id: lenient-best, label: Lenient best, ranking: outlets, period: 2025-01, places: 1, eligibility: [checked-feb-lenient] }
  - { id: district-best, label: District best, ranking: outlets, period: 2025-01, quota: { per: { level: district }, places: 1, group_places: { D2: 2 } } }
  - { id: monthly-star, label: Monthly star, ranking: staff, period: month, places: 1, amount: 100 }
  - { id: advanced, label: Advanced worker, ranking: staff, period: 2025-Q1, funnel: [{ award: monthly-star, times: { op: '>=', value: 2 } }] }
  - { id: quarter-from-stars, label: Quarter star from monthly stars, ranking: staff, period: 2025-Q1, places: 1, funnel: [{ award: monthly-star }] }
  - { id: share-ceil, label: Share ceil, ranking: staff, period: 2025-Q1, quota: { per: { attribute: category }, share: { fraction: 0.25, rounding: ceil } } }
  - { id: share-ceil-tb, label: Share ceil tie-break, ranking: staff, period: 2025-Q1, quota: { per: { attribute: category }, share: { fraction: 0.25, rounding: ceil } }, tie_breaks: [{ score: complaints, order: asc }] }
  - { id: share-floor, label: Share floor, ranking: staff, period: 2025-Q1, quota: { per: { attribute: category }, share: { fraction: 0.25, rounding: floor, min: 1 } } }
  - { id: grievance, label: Grievance award, period: 2025-Q1, candidates: selected, amount: 300 }
  - { id: vote-star, label: Vote star, ranking: staff, period: 2025-Q1, candidates: nominated, places: 1 }
  - { id: third-cents, label: Third in cents, ranking: staff, period: 2025-Q1, places: 1, amount: score / 3 }
  - { id: third-yuan, label: Third in yuan, ranking: staff, period: 2025-Q1, places: 1, amount: score / 3, round: yuan }
soft_caps:
  - { id: cap, label: Best and district best, awards: [best, district-best], max: 3 }
notices:
  - { id: jan, title: January, periods: [2025-01], awards: [best, checked-best, lenient-best, district-best, monthly-star] }
  - { id: q1, title: Quarter, periods: [2025-Q1], awards: [advanced, quarter-from-stars, share-ceil, share-ceil-tb, share-floor, grievance, vote-star, third-cents, third-yuan] }
`;

const WORLD_FILES = {
  'competition.yaml': WORLD_YAML,
  'units.csv': csv([
    ['unit_id', 'name', 'level', 'parent_id', 'head_staff_id', 'opened', 'institution_type'],
    ['ORG', 'Org', 'org', '', '', '', ''],
    ['D1', 'District one', 'district', 'ORG', '', '', ''],
    ['D2', 'District two', 'district', 'ORG', '', '', ''],
    ['O1', 'Outlet one', 'outlet', 'D1', '', '2020-01-01', 'bank'],
    ['O2', 'Outlet two', 'outlet', 'D1', '', '2020-01-01', 'trust'],
    ['O3', 'Outlet three', 'outlet', 'D1', '', '2024-06-01', 'bank'],
    ['O4', 'Outlet four', 'outlet', 'D1', '', '2020-01-01', 'bank'],
    ['O5', 'Outlet five', 'outlet', 'D2', '', '2020-01-01', 'bank'],
    ['O6', 'Outlet six', 'outlet', 'D2', '', '2020-01-01', 'bank'],
  ]),
  'staff.csv': csv([
    ['staff_id', 'name', 'unit_id', 'category'],
    ...[1, 2, 3, 4, 5, 6].map((i) => [`S${i}`, `Admin ${i}`, 'O1', 'admin']),
    ...[7, 8, 9, 10].map((i) => [`S${i}`, `Clinical ${i}`, 'O2', 'clinical']),
  ]),
  'checks.csv': csv([
    ['check_id', 'date', 'unit_id', 'kind', 'score'],
    ...[95, 94, 93, 92, 91, 90].map((score, i) => [`K${i + 1}`, '2025-01-20', `O${i + 1}`, 'monthly', score]),
    ['K7', '2025-02-10', 'O2', 'monthly', 80],
  ]),
  'events.csv': csv([
    ['event_id', 'date', 'type', 'unit_id', 'staff_id', 'points', 'status'],
    ['E1', '2025-01-05', 'praise', '', 'S1', 10, 'verified'],
    ['E2', '2025-01-06', 'praise', '', 'S2', 5, 'verified'],
    ['E3', '2025-01-07', 'praise', '', 'S7', 5, 'verified'],
    ['E4', '2025-01-08', 'praise', '', 'S8', 5, 'verified'],
    ['E5', '2025-02-05', 'praise', '', 'S1', 10, 'verified'],
    ['E6', '2025-02-06', 'praise', '', 'S2', 3, 'verified'],
    ['E7', '2025-02-07', 'praise', '', 'S7', 5, 'verified'],
    ['E8', '2025-03-05', 'praise', '', 'S2', 20, 'verified'],
    ['E9', '2025-03-06', 'praise', '', 'S3', 20, 'verified'],
    ['E10', '2025-03-31', 'praise', '', 'S7', 5, 'verified'],
    ['E11', '2025-01-10', 'complaint', 'O1', '', '', 'verified'],
    ['E12', '2025-01-11', 'complaint', 'O3', '', '', 'unverified'],
    ['E13', '2025-01-12', 'termination', 'D2', '', '', 'verified'],
    ['E14', '2025-02-12', 'complaint', '', 'S1', '', 'verified'],
  ]),
  'nominations.csv': csv([
    ['nomination_id', 'date', 'award_id', 'period_id', 'unit_id', 'staff_id', 'status', 'nominated_by', 'reference'],
    ['N1', '2025-03-01', 'grievance', '2025-Q1', '', 'S4', 'nominated', 'O1', ''],
    ['N2', '2025-03-20', 'grievance', '2025-Q1', '', 'S4', 'selected', 'Leadership group', 'LG-3'],
    ['N3', '2025-03-01', 'grievance', '2025-Q1', '', 'S5', 'nominated', 'O1', ''],
    ['N4', '2025-03-01', 'grievance', '2025-Q1', '', 'S6', 'selected', 'Leadership group', 'LG-3'],
    ['N5', '2025-03-25', 'grievance', '2025-Q1', '', 'S6', 'objection_upheld', 'Discipline office', 'OB-1'],
    ['N6', '2025-03-01', 'vote-star', '2025-Q1', '', 'S1', 'nominated', 'O1', ''],
    ['N7', '2025-03-10', 'vote-star', '2025-Q1', '', 'S1', 'withdrawn', 'O1', ''],
    ['N8', '2025-03-01', 'vote-star', '2025-Q1', '', 'S8', 'nominated', 'O2', ''],
    ['N9', '2025-03-01', 'vote-star', '2025-Q1', '', 'S9', 'nominated', 'O2', ''],
  ]),
  'approvals.csv': csv([
    ['approval_id', 'date', 'rule_id', 'award_id', 'unit_id', 'staff_id', 'reference'],
    ['AP1', '2025-01-15', 'tenure', 'best', 'O3', '', 'BA-2025-7'],
  ]),
};

describe('award rules over a small world', () => {
  let notices: Notice[];
  let findings: { rule_id: string; unit_id: string; observed: number; required: string }[];
  let notes: string[];
  const section = (noticeId: string, label: string) => notices.find((n) => n.id === noticeId)!.sections.find((s) => s.label === label)!;
  const ids = (noticeId: string, label: string) => section(noticeId, label).rows.map((r) => r.entity.id);

  beforeAll(async () => {
    // As of the last notice's date: five days after the world ends on 2025-03-31.
    const report = await buildModel(writeCompetition(WORLD_FILES), '2025-04-05');
    const out = readOutputs(report);
    notices = out.notices;
    findings = out.findings as typeof findings;
    notes = report.notes;
  });

  it('removes candidates by score, by an ancestor’s veto and by attributes, and publishes why', () => {
    // O1 95: verified complaint in January (1 ≥ 1) → out. O2 94: institution type trust → out.
    // O3 93: opened 2024-06-01 > 2023-01-31 → fails tenure, but approval BA-2025-7 overrides it.
    // O5 91, O6 90: their district D2 was terminated (1 ≥ 1) → out. O3's unverified complaint counts for nothing.
    const best = section('jan-2025-01', 'Best outlets');
    expect(best.rows.map((r) => [r.entity.id, r.rank])).toEqual([['O3', 3], ['O4', 4]]);
    expect(best.rows[0]!.approvals).toEqual([{ rule: 'Open under two years', reference: 'BA-2025-7' }]);
    expect(best.amount).toBe(200);
    expect(best.ineligible.map((r) => [r.entity.id, r.score, r.reasons])).toEqual([
      ['O1', 95, [{ label: 'Verified complaint', via: null }]],
      ['O2', 94, [{ label: 'Trust leasing or finance company', via: null }]],
      ['O5', 91, [{ label: 'Organisation terminated', via: 'District two' }]],
      ['O6', 90, [{ label: 'Organisation terminated', via: 'District two' }]],
    ]);
  });

  it('removes a candidate without the score a rule reads only when the rule says missing: out', () => {
    // February checks: O2 80 alone (80 < 60 is false). With missing: out every other outlet has no
    // February check score and is out, so O2 (94, rank 2) wins; by default they pass and O1 95 wins.
    const checked = section('jan-2025-01', 'Checked best');
    expect(checked.rows.map((r) => [r.entity.id, r.rank])).toEqual([['O2', 2]]);
    expect(checked.ineligible.map((r) => [r.entity.id, r.reasons])).toEqual(
      ['O1', 'O3', 'O4', 'O5', 'O6'].map((id) => [id, [{ label: 'Not checked well in February', via: null }]]),
    );
    const lenient = section('jan-2025-01', 'Lenient best');
    expect(lenient.rows.map((r) => [r.entity.id, r.rank])).toEqual([['O1', 1]]);
    expect(lenient.ineligible).toEqual([]);
  });

  it('reports a competitive selection whose candidates do not outnumber places', () => {
    // Eligible O3 and O4: 2 candidates for 3 places → a finding (required > 3).
    expect(findings.filter((f) => f.rule_id === 'best').map((f) => [f.unit_id, f.observed, f.required])).toEqual([['ORG', 2, '> 3']]);
  });

  it('gives one list per district with a per-group override', () => {
    // D1 has 1 place: O1 95. D2 has 2 places: O5 91, O6 90. No eligibility rules on this award.
    const s = section('jan-2025-01', 'District best');
    expect(s.rows.map((r) => [r.group, r.entity.id])).toEqual([['District one', 'O1'], ['District two', 'O5'], ['District two', 'O6']]);
  });

  it('warns when a soft cap is exceeded, as a finding and a build note, without changing the lists', () => {
    // best 2 winners + district-best 3 winners = 5 > 3.
    expect(findings.filter((f) => f.rule_id === 'cap').map((f) => [f.observed, f.required])).toEqual([[5, '≤ 3']]);
    expect(notes.some((n) => n.startsWith('soft cap cap: 5 winners'))).toBe(true);
  });

  it('admits every tie at the boundary and flags it, or breaks it by the configured scores', () => {
    // Admin headcount 6 × 0.25 = 1.5 → ceil 2 places: S2 128, then S1 120 and S3 120 tie at place 2 → 3 listed.
    // Clinical headcount 4 × 0.25 = 1 → 1 place: S7 115.
    const ceil = section('q1-2025-Q1', 'Share ceil');
    expect(ceil.rows.map((r) => r.entity.id)).toEqual(['S2', 'S1', 'S3', 'S7']);
    expect(ceil.tieOverflow).toBe(true);
    expect(ceil.tieBreaks).toEqual([]);
    // Fewer complaints first: S1 has 1 verified complaint in Q1, S3 none → S3 takes place 2.
    const broken = section('q1-2025-Q1', 'Share ceil tie-break');
    expect(broken.rows.map((r) => r.entity.id)).toEqual(['S2', 'S3', 'S7']);
    expect(broken.tieOverflow).toBe(false);
    expect(broken.tieBreaks).toEqual(['Complaints']);
  });

  it('rounds a share of headcount down with a minimum', () => {
    // Admin floor(1.5) = 1 → S2; clinical floor(1.0) = 1 → S7.
    expect(ids('q1-2025-Q1', 'Share floor')).toEqual(['S2', 'S7']);
  });

  it('feeds awards from other awards’ winners and counts wins within the period', () => {
    // Monthly stars: Jan S1 110, Feb S1 110, Mar S2 and S3 tie at 120 (both listed).
    expect(ids('jan-2025-01', 'Monthly star')).toEqual(['S1']);
    // Won at least twice in Q1: S1 only.
    expect(ids('q1-2025-Q1', 'Advanced worker')).toEqual(['S1']);
    // Monthly stars S1 120, S2 128, S3 120 in Q1, one place → S2.
    expect(ids('q1-2025-Q1', 'Quarter star from monthly stars')).toEqual(['S2']);
  });

  it('lists the leadership’s selection and removes an upheld objection', () => {
    // S4: nominated then selected → winner, 300. S5 only nominated. S6 selected, then objection upheld → out.
    const g = section('q1-2025-Q1', 'Grievance award');
    expect(g.rows.map((r) => [r.entity.id, r.rank, r.score])).toEqual([['S4', null, null]]);
    expect(g.amount).toBe(300);
    expect(g.ineligible.map((r) => [r.entity.id, r.reasons])).toEqual([['S6', [{ label: null, via: null }]]]);
  });

  it('keeps cents unless the award rounds to whole yuan', () => {
    // S2 128 / 3 = 42.666… → 42.67 in cents, 43 in yuan.
    expect(section('q1-2025-Q1', 'Third in cents').amount).toBe(42.67);
    expect(section('q1-2025-Q1', 'Third in yuan').amount).toBe(43);
  });

  it('ranks only nominated, not withdrawn, candidates', () => {
    // Nominated: S1 (withdrawn later), S8 105, S9 100 → S8.
    expect(ids('q1-2025-Q1', 'Vote star')).toEqual(['S8']);
  });
});

describe('S5 worked examples for the phase 3 bands (210 outlets)', () => {
  let notices: Notice[];
  beforeAll(async () => {
    // Scores from the bottom: outlets 1–56 at 80.01 … 80.56, outlet 57 at 96.0, outlets 58–149 at
    // 96.01 … 96.92, outlet 150 at 97.2 (main) or 98.4 (alt), outlets 151–210 at 98.50 … 99.09.
    const score = (i: number, alt: boolean) =>
      i <= 56 ? 80 + i / 100 : i === 57 ? 96 : i <= 149 ? 96.01 + (i - 58) / 100 : i === 150 ? (alt ? 98.4 : 97.2) : 98.5 + (i - 151) / 100;
    const outlets = Array.from({ length: 210 }, (_, k) => k + 1);
    const id = (i: number) => `O${String(i).padStart(3, '0')}`;
    const band = (period: string) => `
  - id: fine-${period}
    kind: penalty
    label: Fine ${period}
    ranking: ${period}
    period: p3
    cases:
      - when: rank_from_bottom <= 100 AND score < 98
        amount: 2000 + greatest(98 - score, 0) * 200
      - when: rank_from_bottom BETWEEN 101 AND 200 AND score < 98
        amount: 1000 + greatest(98 - score, 0) * 200`;
    const dir = writeCompetition({
      'competition.yaml': `
id: s5-bands
name: S5 bands
issuer: Office
locale: en
start: 2025-09-01
end: 2025-12-31
org: { levels: [{ id: province, label: Province }, { id: outlet, label: Outlet }] }
tables: { units: units.csv, staff: staff.csv, events: events.csv, checks: checks.csv }
periods:
  calendar: [month]
  list: [{ id: p3, kind: phase, label: Phase 3, start: 2025-09-01, end: 2025-12-31, targets: [{ score: main, threshold: { op: '>=', value: 98 } }] }]
scores:
  - { id: main, label: Main, model: check_average, check_kinds: [main], subjects: [outlet] }
  - { id: alt, label: Alt, model: check_average, check_kinds: [alt], subjects: [outlet] }
rankings:
  - { id: main, label: Main, score: main, subject: outlet, periods: [p3] }
  - { id: alt, label: Alt, score: alt, subject: outlet, periods: [p3] }
awards:${band('main')}${band('alt')}
notices:
  - { id: n, title: Fines, periods: [p3], awards: [fine-main, fine-alt] }
`,
      'units.csv': csv([['unit_id', 'name', 'level', 'parent_id'], ['P', 'Province', 'province', ''], ...outlets.map((i) => [id(i), `Outlet ${i}`, 'outlet', 'P'])]),
      'staff.csv': csv([['staff_id', 'name', 'unit_id'], ['S1', 'Ann', 'O001']]),
      'events.csv': csv([['event_id', 'date', 'type', 'unit_id', 'staff_id', 'points', 'status']]),
      'checks.csv': csv([
        ['check_id', 'date', 'unit_id', 'kind', 'score'],
        ...outlets.flatMap((i) => [
          [`M${i}`, '2025-12-31', id(i), 'main', score(i, false).toFixed(2)],
          [`A${i}`, '2025-12-31', id(i), 'alt', score(i, true).toFixed(2)],
        ]),
      ]),
    });
    // As of the notice's date: five days after the year ends.
    notices = readOutputs(await buildModel(dir, '2026-01-05')).notices;
  });

  const fineOf = (label: string, outlet: string) => {
    const s = notices[0]!.sections.find((x) => x.label === label)!;
    return s.rows.find((r) => r.entity.id === outlet)?.amount;
  };

  it('bottom 100 and below 98: rank 57 from the bottom at 96.0 → 2000 + 2 × 200 = 2400', () => {
    expect(fineOf('Fine main', 'O057')).toBe(2400);
  });
  it('bottom 101–200: rank 150 from the bottom at 97.2 → 1000 + 0.8 × 200 = 1160', () => {
    expect(fineOf('Fine main', 'O150')).toBe(1160);
  });
  it('rank 150 from the bottom at 98.4 is not below 98 → no fine', () => {
    expect(fineOf('Fine alt', 'O150')).toBeUndefined();
    // Outlets 151–210 score ≥ 98.5: none of them is fined either; 149 outlets below 98 are.
    expect(notices[0]!.sections.find((x) => x.label === 'Fine alt')!.rows).toHaveLength(149);
  });
});

describe('award expressions are checked when the config is read', () => {
  const withAmount = async (expression: string) => {
    const dir = tempDir('expr');
    cpSync(path.resolve('data/examples/s5-staged-fines'), dir, { recursive: true });
    editFile(dir, 'competition.yaml', (text) => text.replace('    amount: 300 * first_reached_periods_ago', `    amount: ${JSON.stringify(expression)}`));
    return refusal(dir);
  };

  it('refuses a table function that would read a file, at the YAML line', async () => {
    const [d] = await withAmount("(SELECT count(*) FROM read_csv('/etc/passwd'))");
    expect(d).toMatchObject({ field: 'awards.4.amount', line: expect.any(Number), found: expect.stringContaining('subquery') });
    const [direct] = await withAmount("length(read_text('/etc/passwd'))");
    expect(direct!.found).toContain('length');
    const [csvRead] = await withAmount("read_csv('/etc/passwd')");
    expect(csvRead!.found).toContain('read_csv');
  });

  it('refuses unknown columns, second statements and non-numbers', async () => {
    expect((await withAmount('points * 2'))[0]!.found).toContain('"points"');
    // The expression is parsed inside parentheses, so a second statement is a syntax error.
    expect((await withAmount('1; DROP TABLE fct_awards'))[0]!.found).toContain('";"');
    expect((await withAmount("'a lot'"))[0]!.expected).toBe('a number');
  });
});
