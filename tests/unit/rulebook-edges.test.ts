/**
 * The schemes at their edges: small adversarial competitions a rulebook grader would write from
 * docs/config, each number worked out by hand in the comments (SCHEMES.md S1, S5, S9, S10).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { buildModel, copyFixture, csvText, editFile, readOutputs, tempDir, writeCompetition as writeIn } from '../support/fixture.ts';
import { readScoreParts } from '../support/score-parts.ts';
import type { ScorePartExportRow } from '../../src/pipeline/export-schemas.ts';
import type { MethodologySection } from '../../src/site/model.ts';
import { message } from '../../src/site/i18n/index.ts';

const writeCompetition = (files: Record<string, string>) => writeIn('edges', files);
const csv = csvText;
/** The lines every world's competition.yaml begins with. */
const head = (id: string, start: string, end: string) => `id: ${id}\nname: ${id}\nissuer: Office\nlocale: en\nstart: ${start}\nend: ${end}\n`;

/**
 * BR → outlets O1 (staff S1, S2), O2 (S3, S4), O3 (no staff). January to March 2025, closed
 * through March 31; `jf` = ½ January + ½ February.
 */
const LEDGER_YAML = `
${head('edges', '2025-01-01', '2025-03-31')}closed_through: 2025-03-31
org:
  levels:
    - { id: branch, label: Branch }
    - { id: outlet, label: Outlet }
tables:
  units: units.csv
  staff: staff.csv
  events: events.csv
  appeals: appeals.csv
  metrics: metrics.csv
metrics:
  - { id: rated, label: Rated }
  - { id: served, label: Served }
  - { id: vol, label: Volume }
  - { id: grade, label: Grade }
periods:
  calendar: [month, quarter]
  list:
    - { id: jf, kind: custom, label: January and February, combine: [{ period: 2025-01, weight: 0.5 }, { period: 2025-02, weight: 0.5 }] }
scores:
  - { id: service, label: Service, model: ledger, base: 10, floor: 0, subjects: [outlet, staff] }
  - { id: bonus, label: Bonus, model: ledger, cap: 5, subjects: [staff] }
  - { id: complaints, label: Complaints, model: event_tally, event_types: [complaint], subjects: [staff] }
  - { id: staff-mean, label: Staff mean, model: rollup, of: service, from: staff, aggregate: mean, subjects: [outlet] }
  - { id: rate, label: Rate, model: ratio, numerator: rated, denominator: served, scale: 100, subjects: [outlet] }
  - { id: rate-zero, label: Rate or zero, model: ratio, numerator: rated, denominator: served, scale: 100, on_nonpositive: zero, subjects: [outlet] }
  - id: k
    label: K
    model: indicators
    subjects: [outlet]
    indicators:
      - { id: vol, label: Volume, kind: peer_ratio, weight: 10, source: { metric: vol }, peer: mean, on_nonpositive: zero }
      - { id: grade, label: Grade, kind: scaled, weight: 20, source: { metric: grade } }
event_types:
  - { id: violation, label: Violation, score: service, effect: deduct, points: { fixed: 4 } }
  - { id: praise, label: Praise, score: bonus, effect: add, points: { min: 1, max: 10 } }
  - { id: complaint, label: Complaint }
rankings:
  - { id: staff, label: Staff, score: service, subject: staff, periods: [month, quarter, jf] }
  - { id: outlets, label: Outlets, score: service, subject: outlet, periods: [month] }
  - { id: bonus, label: Bonus, score: bonus, subject: staff, periods: [month, quarter] }
  - { id: complaints, label: Complaints, score: complaints, subject: staff, periods: [month, quarter], order: asc }
  - { id: staff-mean, label: Staff mean, score: staff-mean, subject: outlet, periods: [month] }
  - { id: rate, label: Rate, score: rate, subject: outlet, periods: [month] }
  - { id: rate-zero, label: Rate or zero, score: rate-zero, subject: outlet, periods: [month] }
  - { id: k, label: K, score: k, subject: outlet, periods: [month, jf] }
eligibility:
  - { id: no-complaint, label: A complaint, kind: score, score: complaints, out_if: { op: '>=', value: 1 } }
awards:
  - { id: best-staff, label: Best staff, ranking: staff, period: 2025-Q1, places: 1, amount: 100, eligibility: [no-complaint] }
notices:
  - { id: q1, title: Quarter, periods: [2025-Q1], awards: [best-staff] }
`;

const LEDGER_FILES = {
  'competition.yaml': LEDGER_YAML,
  'units.csv': csv([
    ['unit_id', 'name', 'level', 'parent_id', 'head_staff_id'],
    ['BR', 'Branch', 'branch', '', ''],
    ['O1', 'Outlet one', 'outlet', 'BR', ''],
    ['O2', 'Outlet two', 'outlet', 'BR', ''],
    ['O3', 'Outlet three', 'outlet', 'BR', ''],
  ]),
  'staff.csv': csv([
    ['staff_id', 'name', 'unit_id'],
    ['S1', 'Staff one', 'O1'],
    ['S2', 'Staff two', 'O1'],
    ['S3', 'Staff three', 'O2'],
    ['S4', 'Staff four', 'O2'],
  ]),
  'events.csv': csv([
    ['event_id', 'date', 'type', 'unit_id', 'staff_id', 'points', 'status'],
    ['E1', '2025-01-05', 'violation', '', 'S1', '', 'verified'],
    ['E2', '2025-01-10', 'violation', '', 'S1', '', 'verified'],
    ['E3', '2025-01-20', 'violation', '', 'S1', '', 'verified'],
    ['E4', '2025-01-06', 'praise', '', 'S2', 2, 'verified'],
    ['E5', '2025-01-07', 'praise', '', 'S2', 3, 'verified'],
    ['E6', '2025-02-07', 'praise', '', 'S2', 6, 'verified'],
    ['E7', '2025-01-15', 'violation', '', 'S3', '', 'verified'],
    ['E8', '2025-03-31', 'complaint', '', 'S4', '', 'verified'],
  ]),
  'appeals.csv': csv([
    ['appeal_id', 'event_id', 'date', 'decision', 'points', 'amount', 'decided_on'],
    ['A1', 'E7', '2025-04-10', 'upheld', '', '', '2025-04-20'],
  ]),
  // M1, M2 … in this order: [date, unit, metric, value].
  'metrics.csv': csv([
    ['metric_id', 'date', 'unit_id', 'staff_id', 'metric', 'value'],
    ...(
      [
        ['2025-01-31', 'O1', 'rated', 90], ['2025-01-31', 'O1', 'served', 100], ['2025-01-31', 'O2', 'rated', 0], ['2025-01-31', 'O2', 'served', 0],
        ['2025-01-31', 'O1', 'vol', 50], ['2025-01-31', 'O2', 'vol', 50], ['2025-01-31', 'O3', 'vol', 50],
        ['2025-01-31', 'O1', 'grade', 90], ['2025-01-31', 'O2', 'grade', 80],
        ['2025-02-28', 'O1', 'vol', 0], ['2025-02-28', 'O2', 'vol', 0], ['2025-02-28', 'O1', 'grade', 90],
      ] as const
    ).map(([date, unit, metric, value], i) => [`M${i + 1}`, date, unit, '', metric, value]),
  ]),
};

type Outputs = ReturnType<typeof readOutputs>;

describe('ledger, roll-up, ratio and indicator edges', () => {
  let out: Outputs;
  let parts: ScorePartExportRow[];
  const scores = (ranking: string, period: string) =>
    Object.fromEntries(out.standings.filter((s) => s.scope_id === ranking && s.period_id === period).map((s) => [s.entity_id, s.score]));
  const partsOf = (score: string, entity: string, period: string) =>
    Object.fromEntries(parts.filter((p) => p.score_id === score && p.entity_id === entity && p.period_id === period).map((p) => [p.rule_id, p.amount]));

  let methodology: MethodologySection[];
  beforeAll(async () => {
    const report = await buildModel(writeCompetition(LEDGER_FILES), '2025-04-30');
    out = readOutputs(report);
    parts = await readScoreParts(out.exportsDir);
    methodology = report.site.methodology;
  });

  it('stops deductions at the floor within one period, and says by how much (扣完为止)', () => {
    // S1 January: 10 − 3 × 4 = −2 → 0, part `floor` +2; the quarter likewise (its own events, not a sum of months).
    expect(scores('staff', '2025-01').S1).toBe(0);
    expect(partsOf('service', 'S1', '2025-01')).toEqual({ base: 10, violation: -12, floor: 2 });
    expect(scores('staff', '2025-Q1').S1).toBe(0);
    expect(partsOf('service', 'S1', '2025-Q1')).toEqual({ base: 10, violation: -12, floor: 2 });
  });

  it('scores an empty period at the base, not as missing', () => {
    // S1 has no event in February or March: 10 each, ranked. O3 has no event at all: 10 every month.
    expect(scores('staff', '2025-02').S1).toBe(10);
    expect(scores('staff', '2025-03').S1).toBe(10);
    expect(partsOf('service', 'S1', '2025-02')).toEqual({ base: 10 });
    expect(scores('outlets', '2025-03')).toEqual({ O1: 10, O2: 10, O3: 10 });
    // A tally counts 0 in every started period: S4's one complaint is in March alone.
    expect(scores('complaints', '2025-02')).toEqual({ S1: 0, S2: 0, S3: 0, S4: 0 });
    expect(scores('complaints', '2025-03').S4).toBe(1);
  });

  it('adds no cap part when a cap is reached exactly, and a part of the excess beyond it', () => {
    // S2 January 2 + 3 = 5 = the cap: no `cap` part. February 6 → 5, part −1. Q1 2 + 3 + 6 = 11 → 5, part −6.
    expect(scores('bonus', '2025-01').S2).toBe(5);
    expect(partsOf('bonus', 'S2', '2025-01')).toEqual({ base: 0, praise: 5 });
    expect(partsOf('bonus', 'S2', '2025-02')).toEqual({ base: 0, praise: 6, cap: -1 });
    expect(partsOf('bonus', 'S2', '2025-Q1')).toEqual({ base: 0, praise: 11, cap: -6 });
  });

  it('follows an appeal upheld after the period closed', () => {
    // S3's January violation (−4) was appealed on 04-10 and upheld on 04-20, after closed_through 03-31:
    // January stays as the decision says, 10, with no violation part.
    expect(scores('staff', '2025-01').S3).toBe(10);
    expect(partsOf('service', 'S3', '2025-01')).toEqual({ base: 10 });
  });

  it('carries a combined period of calendar months, and only for those scored in every part', () => {
    // jf = ½ January + ½ February. S1: ½ × 0 + ½ × 10 = 5 (the floored January counts as 0).
    expect(scores('staff', 'jf')).toEqual({ S1: 5, S2: 10, S3: 10, S4: 10 });
    expect(partsOf('service', 'S1', 'jf')).toEqual({ 'period:2025-01': 0, 'period:2025-02': 5 });
    // K: O1 ½ × 26 + ½ × 18 = 22; O2 has no February total (no grade), O3 none in either month: not scored.
    expect(scores('k', 'jf')).toEqual({ O1: 22 });
  });

  it('rolls up only units that have staff, from the bounded scores', () => {
    // O1 January: mean(S1 0, S2 10) = 5; O2 mean(10, 10) = 10; O3 has no staff: not scored, not ranked.
    expect(scores('staff-mean', '2025-01')).toEqual({ O1: 5, O2: 10 });
    expect(scores('staff-mean', '2025-03')).toEqual({ O1: 10, O2: 10 });
  });

  it('gives a rate with a zero denominator no score unless on_nonpositive says otherwise', () => {
    // O1 90 ÷ 100 × 100 = 90. O2 0 ÷ 0: no score (none), 0 with on_nonpositive: zero. O3 has no values: no score either way.
    expect(scores('rate', '2025-01')).toEqual({ O1: 90 });
    expect(scores('rate-zero', '2025-01')).toEqual({ O1: 90, O2: 0 });
  });

  it('gives every peer the factor when all are equal, and follows on_nonpositive when the peers are zero', () => {
    // January: vol 50 everywhere, peer mean 50 → 50 ÷ 50 × 10 × 0.8 = 8 each. grade: O1 90 → 18, O2 80 → 16.
    // O1 8 + 18 = 26, O2 8 + 16 = 24; O3 has no grade: a weighted part missing → no total, not ranked.
    expect(scores('k', '2025-01')).toEqual({ O1: 26, O2: 24 });
    expect(partsOf('k', 'O1', '2025-01')).toEqual({ vol: 8, grade: 18 });
    // February: vol 0 for O1 and O2, peer mean 0 → on_nonpositive: zero → 0 points; O1 0 + 18 = 18.
    expect(scores('k', '2025-02')).toEqual({ O1: 18 });
    expect(partsOf('k', 'O1', '2025-02')).toEqual({ vol: 0, grade: 18 });
  });

  it('states each of these choices on the methodology page, in both languages', () => {
    const sentences = (locale: 'en' | 'zh-CN') => methodology.flatMap((section) => section.items.map((i) => message(locale, i.key, i.values)));
    expect(sentences('en')).toEqual(
      expect.arrayContaining([
        'Service is a points ledger: in every period each Outlet, Staff starts at 10 points, and the period\'s events below add or deduct points; a period without events scores 10.',
        'Only the parts (Staff) with a score in the period count; any Outlet with no such part (or no Staff beneath it at all) has no score that period and is not ranked.',
        'When Served is zero or negative there is no score for that period, and the entry is not ranked.',
        'A decision counts in the period of its event, even one already closed or published.',
        "January and February is a weighted sum of other periods' scores: 50% × Jan 2025 + 50% × Feb 2025; an entry without a score in one of them has none in January and February.",
      ]),
    );
    // The model speaks the config's locale (en): the labels stay English in the other catalog.
    expect(sentences('zh-CN')).toEqual(
      expect.arrayContaining([
        'Service采用加减分制：Outlet, Staff每个计分期间的起始分均为 10 分，按该期间的下列事项加分或扣分；期间内无事项的即为起始分。',
        '只计当期有得分的Staff；所辖Staff当期均无得分的（如没有Staff），该Outlet当期不计分，不参加排名。',
        '申诉决定计入原事项所在期间，该期间已截止或已公布的亦同。',
      ]),
    );
  });

  it('vetoes a candidate for a complaint in the last month, and lists every tie at the boundary', () => {
    // Q1 staff: S2, S3, S4 10 (rank 1), S1 0. S4's complaint on 03-31 (the last day) → out.
    // One place: S2 and S3 tie at rank 1 → both listed, flagged.
    const section = out.notices.find((n) => n.id === 'q1-2025-Q1')!.sections[0]!;
    expect(section.rows.map((r) => [r.entity.id, r.rank])).toEqual([['S2', 1], ['S3', 1]]);
    expect(section.tieOverflow).toBe(true);
    expect(section.ineligible.map((r) => [r.entity.id, r.score])).toEqual([['S4', 10]]);
  });
});

/**
 * S5 phase 3 at full size: 210 outlets, one province check each. From the bottom (rank r):
 *   r 1–56: 90 + 0.01 r;  r 57: 96.0 (the worked example);  r 58–99: 96 + 0.01 (r − 57);
 *   r 100 and 101: both 96.5, a tie, so both are 100th from the bottom (competition ranking);
 *   r 102–149: 96.5 + 0.01 (r − 101);  r 150: 97.2 (the worked example);  r 151: 98.4;  r 152–210: 98.4 + 0.01 (r − 151).
 */
function phase3Score(fromBottom: number): number {
  const cents = (n: number) => Math.round(n * 100) / 100;
  if (fromBottom <= 56) return cents(90 + 0.01 * fromBottom);
  if (fromBottom === 57) return 96;
  if (fromBottom <= 99) return cents(96 + 0.01 * (fromBottom - 57));
  if (fromBottom <= 101) return 96.5;
  if (fromBottom <= 149) return cents(96.5 + 0.01 * (fromBottom - 101));
  if (fromBottom === 150) return 97.2;
  return cents(98.4 + 0.01 * (fromBottom - 151));
}
const OUTLETS = Array.from({ length: 210 }, (_, i) => `O${String(i + 1).padStart(3, '0')}`);

const PHASE3_FILES = {
  'competition.yaml': `
${head('phase3', '2025-09-01', '2025-12-31')}org:
  levels:
    - { id: province, label: Province }
    - { id: outlet, label: Outlet }
tables: { units: units.csv, staff: staff.csv, events: events.csv, checks: checks.csv }
periods:
  list:
    - { id: p3, kind: phase, label: Phase 3, start: 2025-09-01, end: 2025-12-31, targets: [{ score: service, threshold: { op: '>=', value: 98 } }] }
scores:
  - { id: service, label: Province check, model: check_average, aggregate: mean, subjects: [outlet] }
rankings:
  - { id: province, label: Province, score: service, subject: outlet, periods: [p3] }
awards:
  - id: phase3-fine
    kind: penalty
    label: Phase 3 fine
    ranking: province
    period: p3
    cases:
      - when: rank_from_bottom <= 100 AND score < 98
        amount: 2000 + greatest(98 - score, 0) * 200
      - when: rank_from_bottom BETWEEN 101 AND 200 AND score < 98
        amount: 1000 + greatest(98 - score, 0) * 200
    floor_at_zero: true
notices:
  - { id: phase, kind: criticism, title: Phase results, periods: [p3], awards: [phase3-fine], days_after_end: 5 }
`,
  'units.csv': csv([['unit_id', 'name', 'level', 'parent_id'], ['P', 'Province', 'province', ''], ...OUTLETS.map((id) => [id, `Outlet ${id}`, 'outlet', 'P'])]),
  'staff.csv': csv([['staff_id', 'name', 'unit_id']]),
  'events.csv': csv([['event_id', 'date', 'type', 'unit_id', 'staff_id', 'points', 'status']]),
  // O001 is the bottom (r 1), O210 the top (r 210).
  'checks.csv': csv([['check_id', 'date', 'unit_id', 'kind', 'score'], ...OUTLETS.map((id, i) => [`K${i + 1}`, '2025-11-15', id, 'province', phase3Score(i + 1)])]),
};

describe('S5 phase 3 bands at full size', () => {
  let rows: { id: string; amount: number }[];
  beforeAll(async () => {
    const out = readOutputs(await buildModel(writeCompetition(PHASE3_FILES), '2026-01-05'));
    const section = out.notices.find((n) => n.id === 'phase-p3')!.sections[0]!;
    rows = section.rows.map((r) => ({ id: r.entity.id, amount: r.amount ?? section.amount! }));
  });
  const amountOf = (id: string) => rows.find((r) => r.id === id)?.amount;

  it('fines the worked examples: 57th from the bottom at 96.0 → 2400, 150th at 97.2 → 1160', () => {
    // 2000 + (98 − 96) × 200 = 2400; 1000 + (98 − 97.2) × 200 = 1160.
    expect(amountOf('O057')).toBe(2400);
    expect(amountOf('O150')).toBe(1160);
  });

  it('fines nobody at 98 or above, whatever the band', () => {
    // 151st from the bottom at 98.4 is in the 101–200 band but not below 98: no fine; nor anyone above it.
    expect(amountOf('O151')).toBeUndefined();
    expect(rows.some((r) => Number(r.id.slice(1)) > 150)).toBe(false);
  });

  it('puts a tie across the 100/101 boundary in the bottom-100 band, both at the shared rank', () => {
    // O100 and O101 both 96.5: competition ranking from the bottom gives both 100 → 2000 + 1.5 × 200 = 2300 each.
    expect(amountOf('O100')).toBe(2300);
    expect(amountOf('O101')).toBe(2300);
    // The next one, O102 at 96.51, is 102nd: 1000 + 1.49 × 200 = 1298.
    expect(amountOf('O102')).toBe(1298);
    // Every one of the bottom 150 is fined once.
    expect(rows).toHaveLength(150);
  });
});

/**
 * S1's cascade (一人一事: the person −3, their department −5, the head of their outlet −4) when the
 * event's subject is itself a receiver. tests/fixtures/s1-worked: 李四 (S2) heads outlet A and
 * works in A itself; 营业室 (A-YYS) is A's department. September has only these events.
 */
describe('a cascade never moves its own subject twice', () => {
  let out: Outputs;
  let parts: ScorePartExportRow[];
  let notes: string[];
  beforeAll(async () => {
    const dir = copyFixture('s1-worked');
    appendFileSync(
      path.join(dir, 'events.csv'),
      ['E5,2009-09-12,violation,,S2,,verified,现场检查：负责人迟到', 'E6,2009-09-13,violation,A,,,verified,网点违规', 'E7,2009-09-14,violation,A-YYS,,,verified,部门违规', ''].join('\n'),
    );
    const report = await buildModel(dir, '2009-11-30');
    out = readOutputs(report);
    parts = await readScoreParts(out.exportsDir);
    notes = report.notes;
  });
  const september = (entity: string) => parts.find((p) => p.period_id === '2009-09' && p.entity_id === entity && p.rule_id === 'violation');

  it('charges a head’s own violation once, not again as the head', () => {
    // E5: 李四 late himself → −3; the head step would reach 李四 again: skipped (not −3 − 4 = −7).
    // E6 (outlet A's own): A −3, its head 李四 −4; no department above A. E7 (营业室's own): 营业室 −3
    // (its department step would reach itself: skipped, not −3 − 5 = −8), the head of A, 李四, −4.
    // 李四: −3 − 4 − 4 = −11 → 89; A 97; 营业室 97.
    expect(september('S2')).toMatchObject({ amount: -11, source_ids: 'E5 E6 E7' });
    expect(september('A')).toMatchObject({ amount: -3, source_ids: 'E6' });
    expect(september('A-YYS')).toMatchObject({ amount: -3, source_ids: 'E7' });
    const staff = Object.fromEntries(out.standings.filter((s) => s.scope_id === 'staff' && s.period_id === '2009-09').map((s) => [s.entity_id, s.score]));
    expect(staff.S2).toBe(89);
  });

  it('notes every step that moved no score', () => {
    expect(notes).toEqual(
      expect.arrayContaining([
        "1 event(s) whose subject is itself the head of the outlet (E5): that cascade step moved no score, as a step never reaches the event's own subject",
        'event E5: no department above S2; that cascade step moved no score',
        'event E6: no department above A; that cascade step moved no score',
        "1 event(s) whose subject is itself the department (E7): that cascade step moved no score, as a step never reaches the event's own subject",
      ]),
    );
  });
});

/**
 * A week with no working day: 2026's Spring Festival holiday runs 02-15 to 02-23 (calendar/cn/2026.yaml),
 * so the week Monday 02-16 – Sunday 02-22 has none. Weeks of the competition (02-02 – 03-01):
 * 02-02, 02-09 (Saturday 02-14 worked), 02-16 (holiday), 02-23. O1 is inspected on site in every week but the holiday one.
 * Working days: 02-02 – 02-06 (5), 02-09 – 02-14 (6), 02-24 – 02-28 (5, Saturday 02-28 worked) = 16 of 28 days.
 */
const HOLIDAY_FILES = {
  'competition.yaml': `
${head('holiday-week', '2026-02-02', '2026-03-01')}closed_through: 2026-03-01
org:
  levels:
    - { id: outlet, label: Outlet }
tables: { units: units.csv, staff: staff.csv, events: events.csv, inspections: inspections.csv }
scores:
  - { id: points, label: Points, model: ledger, base: 100, subjects: [outlet] }
rankings:
  - { id: outlets, label: Outlets, score: points, subject: outlet, periods: [month] }
compliance:
  - { id: weekly, label: Weekly, kind: inspection_cadence, level: outlet, method: onsite, per: week, count: { op: '>=', value: 1 } }
  - { id: weekly-working, label: Weekly on working weeks, kind: inspection_cadence, level: outlet, method: onsite, per: week, count: { op: '>=', value: 1 }, working_days_only: true }
  - { id: daily, label: Daily, kind: inspection_cadence, level: outlet, method: video, per: hours, hours: 1, service_hours: { from: 9, to: 10 }, count: { op: '>=', value: 1 } }
  - { id: daily-working, label: Daily on working days, kind: inspection_cadence, level: outlet, method: video, per: hours, hours: 1, service_hours: { from: 9, to: 10 }, count: { op: '>=', value: 1 }, working_days_only: true }
`,
  'units.csv': csv([['unit_id', 'name', 'level', 'parent_id'], ['O1', 'Outlet one', 'outlet', '']]),
  'staff.csv': csv([['staff_id', 'name', 'unit_id']]),
  'events.csv': csv([['event_id', 'date', 'type', 'unit_id', 'staff_id', 'points', 'status']]),
  'inspections.csv': csv([
    ['inspection_id', 'date', 'unit_id', 'method', 'minutes', 'inspector'],
    ['I1', '2026-02-03', 'O1', 'onsite', 30, 'Office'],
    ['I2', '2026-02-14', 'O1', 'onsite', 30, 'Office'],
    ['I3', '2026-02-25', 'O1', 'onsite', 30, 'Office'],
  ]),
};

describe('a week without a working day', () => {
  let findings: { rule_id: string; period_start: string }[];
  let methodology: MethodologySection[];
  beforeAll(async () => {
    const report = await buildModel(writeCompetition(HOLIDAY_FILES), '2026-03-01');
    findings = readOutputs(report).findings as typeof findings;
    methodology = report.site.methodology;
  });
  const of = (rule: string) => findings.filter((f) => f.rule_id === rule).map((f) => f.period_start);

  it('is checked like any week by default, and needs nothing with working_days_only', () => {
    expect(of('weekly')).toEqual(['2026-02-16']);
    expect(of('weekly-working')).toEqual([]);
  });

  it('checks the slots of every day by default, of the 16 working days with working_days_only', () => {
    // No video inspection at all: every 9:00–10:00 slot falls short.
    expect(of('daily')).toHaveLength(28);
    expect(of('daily-working')).toHaveLength(16);
    expect(of('daily-working')).toContain('2026-02-14');
    expect(of('daily-working')).not.toContain('2026-02-16');
  });

  it('says so on the methodology page', () => {
    const sentences = methodology.flatMap((section) => section.items.map((i) => message('en', i.key, i.values)));
    expect(sentences).toContain('Weekly on working weeks: a week without a working day (a public holiday week such as the Spring Festival) needs nothing; working days follow the holiday calendar, weekend days worked in lieu included.');
  });
});

/**
 * S2's per-capita volume award (data/examples/s2-subbranch-annual) with a new outlet W9 that has no
 * staff yet and a volume of 500 in H1. Per head: W1 300/3 = 100, W2 240/2 = 120, W3 270/3 = 90,
 * W4 200/1 = 200, W5 150/2 = 75; W9 500/0 has none (nullif). W9 has the largest volume: rank 1.
 */
describe('an order expression that gives a candidate no value', () => {
  let section: (label: string) => string[];
  beforeAll(async () => {
    const dir = tempDir('per-head');
    cpSync('data/examples/s2-subbranch-annual', dir, { recursive: true });
    appendFileSync(path.join(dir, 'units.csv'), 'W9,新网点,outlet,ZH,\n');
    appendFileSync(path.join(dir, 'events.csv'), 'V99,2025-06-28,business,W9,,500,verified,业务系统\n');
    editFile(dir, 'competition.yaml', (text) =>
      text
        .replace('awards: [per-capita, half-collective]', 'awards: [per-capita, lowest-per-capita, half-collective]')
        .replace(
          '  - { id: half-collective,',
          "  - { id: lowest-per-capita, label: Lowest per head, ranking: volume, period: half, places: 2, order_by: { expression: 'score / nullif(headcount, 0)', order: asc } }\n  - { id: half-collective,",
        ),
    );
    const notice = readOutputs(await buildModel(dir, '2026-01-31')).notices.find((n) => n.id === 'half-h1')!;
    section = (label) => notice.sections.find((s) => s.label === label)!.rows.map((r) => r.entity.id);
  });

  it('sorts that candidate after every valued one, whichever the order', () => {
    // Highest per head: W4 200, W2 120 (W9 last, as before).
    expect(section('网点人均业务量奖')).toEqual(['W4', 'W2']);
    // Lowest per head: W5 75, W3 90. W9 used to take first place here by its volume rank (1).
    expect(section('Lowest per head')).toEqual(['W5', 'W3']);
  });
});
