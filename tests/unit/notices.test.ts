/**
 * Notices as documents (issue 11, §1–§2), over tests/fixtures/ranks (outlets O1–O4, January and
 * February 2025, the year ending 2025-02-28) with a candidate notice and a decision added:
 *
 *   candidates of the year: dated 2025-02-28 + 3 = Monday 2025-03-03; 公示期 5 working days from
 *     that day: 3-03, 3-04, 3-05, 3-06, 3-07 (no holiday in March 2025) → closes Friday 3-07.
 *   decision of the year: 2025-02-28 + 14 = 2025-03-14.
 *   January's results: dated 2025-01-31 + 3 = 2025-02-03.
 * All share the pattern T〔{year}〕{seq}号, so in date order: Jan results 1, candidates 2, decision 3.
 * February's "over 1000" award has no winner (no outlet scores above 1000): its notice "quiet" is
 * left out, and "quiet-said" (when_empty: publish) is published saying 本期无, with no 文号 of its own.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Notice } from '../../src/site/model.ts';
import { AwardExportRow } from '../../src/pipeline/export-schemas.ts';
import { copyFixture, editFile, buildModel, readOutputs } from '../support/fixture.ts';

const NOTICES = `notices:
  - { id: results, title: Results, periods: [2025-01], rankings: [outlets], days_after_end: 3, number: 'T〔{year}〕{seq}号' }
  - id: candidates
    kind: candidates
    title: { zh-CN: 拟表彰名单公示, en: Candidates }
    periods: [year]
    awards: [year-top, year-bottom]
    days_after_end: 3
    number: 'T〔{year}〕{seq}号'
    opening: { zh-CN: '现将{period}拟表彰名单予以公示，公示期{opens}至{closes}（{days}个工作日）。', en: '{period}: candidates open for objections from {opens} to {closes} ({days} working days).' }
    objection_period: { working_days: 5 }
    contacts: [{ label: { zh-CN: 电话, en: Phone }, value: '010-1234' }]
  - { id: quiet, title: Quiet, periods: [2025-02], awards: [over-1000], days_after_end: 1 }
  - { id: quiet-said, title: Quiet, periods: [2025-02], awards: [over-1000], days_after_end: 1, when_empty: publish }
  - { id: decision, kind: announcement, title: Decision, periods: [year], awards: [year-top], days_after_end: 14, number: 'T〔{year}〕{seq}号', seal: false }
`;

const OVER_1000 = "  - { id: over-1000, label: Over 1000, ranking: outlets, period: 2025-02, places: 1, when: 'score > 1000' }\n";

async function buildAsOf(asOf?: string) {
  const dir = copyFixture('ranks');
  editFile(dir, 'competition.yaml', (text) => text.replace(/^notices:\n(?: .*\n)+/m, NOTICES).replace(/^awards:\n/m, `awards:\n${OVER_1000}`));
  return readOutputs(await buildModel(path.resolve(dir), asOf));
}
const noticesAsOf = async (asOf?: string): Promise<Notice[]> => (await buildAsOf(asOf)).notices;
const byId = (notices: Notice[], id: string) => notices.find((n) => n.id === id);

describe('a candidate notice and its decision', () => {
  it('publishes only the notices whose date has come: none of the year on the data date', async () => {
    const notices = await noticesAsOf();
    expect(notices.map((n) => [n.id, n.date])).toEqual([['results-2025-01', '2025-02-03']]);
  });

  it('opens the 公示期 on the notice date and closes it five working days later; 公示中 until then', async () => {
    const notices = await noticesAsOf('2025-03-07');
    const candidates = byId(notices, 'candidates-year')!;
    expect(candidates).toMatchObject({
      kind: 'candidates',
      number: 'T〔2025〕2号',
      date: '2025-03-03',
      objectionWindow: { first: '2025-03-03', last: '2025-03-07', workingDays: 5 },
      status: 'open',
      contacts: [{ label: 'Phone', value: '010-1234' }],
      seal: true,
    });
    // The fixture's locale is en.
    expect(candidates.opening).toBe('Year: candidates open for objections from 3 Mar 2025 to 7 Mar 2025 (5 working days).');
    expect(byId(notices, 'decision-year')).toBeUndefined();
  });

  it('is 公示结束 after its last day, and 已发布正式结果 once the decision is out', async () => {
    expect(byId(await noticesAsOf('2025-03-10'), 'candidates-year')!.status).toBe('closed');
    const notices = await noticesAsOf('2025-03-14');
    expect(byId(notices, 'candidates-year')!.status).toBe('final');
    expect(byId(notices, 'decision-year')).toMatchObject({ kind: 'announcement', number: 'T〔2025〕3号', status: null, objectionWindow: null, seal: false });
    expect(byId(notices, 'results-2025-01')!.number).toBe('T〔2025〕1号');
  });
});

describe('an empty award list', () => {
  it('publishes no notice unless the notice asks for 本期无', async () => {
    const notices = await noticesAsOf('2025-03-01');
    expect(byId(notices, 'quiet-2025-02')).toBeUndefined();
    expect(byId(notices, 'quiet-said-2025-02')).toMatchObject({ number: null, sections: [{ label: 'Over 1000', rows: [] }] });
  });
});

describe('the awards download and the notice feed', () => {
  it('lists each candidate of the published lists with its status, in a CSV with a byte-order mark', async () => {
    const out = await buildAsOf('2025-03-14');
    const csv = readFileSync(path.join(out.exportsDir, 'awards.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFaward_id,award_label,kind,period_id')).toBe(true);
    const rows = AwardExportRow.array().parse(JSON.parse(readFileSync(path.join(out.exportsDir, 'awards.json'), 'utf8')));
    // The year (0.4 × first part + 0.6 × second, tests/unit/scoring.test.ts): O4 106.4, O1 105.2,
    // O2 and O3 102. year-top's two places go to O4 and O1 (200 each); year-bottom's one place is
    // tied at rank 3, so O2 and O3 are both admitted (50 each). jan-top is on no notice, so its
    // finished January is listed too: O1 110 first, O2 and O3 105 tied second for its two places
    // (no amount: 0).
    expect(rows.map((r) => [r.award_id, r.period_id, r.entity_id, r.place, r.amount, r.status])).toEqual([
      ['year-top', 'year', 'O4', 1, 200, 'won'],
      ['year-top', 'year', 'O1', 2, 200, 'won'],
      ['year-bottom', 'year', 'O2', 3, 50, 'tie_admitted'],
      ['year-bottom', 'year', 'O3', 3, 50, 'tie_admitted'],
      ['jan-top', '2025-01', 'O1', 1, 0, 'won'],
      ['jan-top', '2025-01', 'O2', 2, 0, 'tie_admitted'],
      ['jan-top', '2025-01', 'O3', 2, 0, 'tie_admitted'],
    ]);
    expect(csv.trimEnd().split('\n')).toHaveLength(rows.length + 1);
  });

  it('is an Atom feed, one entry per notice with an ID that stays the same from build to build', async () => {
    const feeds = await Promise.all(['2025-03-14', '2025-03-20'].map(async (asOf) => readFileSync(path.join((await buildAsOf(asOf)).exportsDir, 'notices.xml'), 'utf8')));
    const entries = feeds.map((feed) => {
      const doc = new DOMParser().parseFromString(feed, 'text/xml');
      expect(doc.documentElement.tagName).toBe('feed');
      expect(doc.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
      return [...doc.querySelectorAll('entry')].map((e) => [e.querySelector('title')!.textContent, e.querySelector('id')!.textContent, e.querySelector('updated')!.textContent]);
    });
    expect(entries[0]!.map(([title, , updated]) => [title, updated])).toEqual([
      ['Decision, Year（T〔2025〕3号）', '2025-03-14T00:00:00Z'],
      ['Candidates, Year（T〔2025〕2号）', '2025-03-03T00:00:00Z'],
      ['Quiet, Feb 2025', '2025-03-01T00:00:00Z'],
      ['Results, Jan 2025（T〔2025〕1号）', '2025-02-03T00:00:00Z'],
    ]);
    for (const [, id] of entries[0]!) expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(entries[1]).toEqual(entries[0]);
  });
});
