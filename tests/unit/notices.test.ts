/**
 * Notices as documents (issue 11, §1–§2), over tests/fixtures/ranks (outlets O1–O4, January and
 * February 2025, the year ending 2025-02-28) with a candidate notice and a decision added:
 *
 *   candidates of the year: dated 2025-02-28 + 3 = Monday 2025-03-03; 公示期 5 working days from
 *     that day: 3-03, 3-04, 3-05, 3-06, 3-07 (no holiday in March 2025) → closes Friday 3-07.
 *   decision of the year: 2025-02-28 + 14 = 2025-03-14.
 *   January's results: dated 2025-01-31 + 3 = 2025-02-03.
 * All share the pattern T〔{year}〕{seq}号, so in date order: Jan results 1, candidates 2, decision 3.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Notice } from '../../src/site/model.ts';
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
  - { id: decision, kind: announcement, title: Decision, periods: [year], awards: [year-top], days_after_end: 14, number: 'T〔{year}〕{seq}号', seal: false }
`;

async function noticesAsOf(asOf?: string): Promise<Notice[]> {
  const dir = copyFixture('ranks');
  editFile(dir, 'competition.yaml', (text) => text.replace(/^notices:\n(?: .*\n)+/m, NOTICES));
  return readOutputs(await buildModel(path.resolve(dir), asOf)).notices;
}
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
    expect(candidates.opening).toBe('Year: candidates open for objections from Mar 3, 2025 to Mar 7, 2025 (5 working days).');
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
