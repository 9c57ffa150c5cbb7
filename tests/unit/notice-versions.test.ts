/**
 * Corrections (更正): a notice whose published result moved becomes the next version, keeps its
 * URL, says what changed, and lists the earlier versions at notices/<id>/v<n>/. A correction with
 * no earlier version to correct is refused.
 */
import { describe, expect, it } from 'vitest';
import type { Competition } from '../../src/config/read.ts';
import { BuildError } from '../../src/config/diagnostics.ts';
import { editionOf, versionNotices, type NoticeVersions, type PublishedVersions } from '../../src/pipeline/notice-versions.ts';
import { entityRef, type DataChanges, type NoticeDraft } from '../../src/site/model.ts';

const competition = { config: { id: 'c', audience: 'public', public: { staff_names: 'masked' } }, locale: 'zh-CN' } as unknown as Competition;
const entities = new Map([
  ['unit:O1', entityRef('unit', 'O1', '一号网点')],
  ['unit:O2', entityRef('unit', 'O2', '二号网点')],
]);
const row = (id: string, rank: number, score: number) => ({ rank, entity: entities.get(`unit:${id}`)!, parent: null, score, amount: null, group: null, approvals: [] });

/** The notice as this build makes it: O2 first with 95, O1 second with 90, 100 元 each. */
const draft: NoticeDraft = {
  id: 'n',
  kind: 'candidates',
  number: '〔2025〕1号',
  title: '拟表彰名单',
  issuer: '办公室',
  date: '2025-07-10',
  period: { id: 'h1', kind: 'half', label: '上半年', start: '2025-01-01', end: '2025-06-30', status: 'final', combine: [], targets: [] },
  opening: null,
  objectionWindow: null,
  status: null,
  contacts: [],
  seal: true,
  style: 'plain',
  objections: null,
  sections: [{ kind: 'award', label: '先进集体', amount: 100, amountVaries: false, recipients: 'unit', rows: [row('O2', 1, 95), row('O1', 2, 90)], unnamed: 0, tieOverflow: false, tieBreaks: [], ineligible: [], movedUp: [] }],
  findings: [],
};

/** What the site it replaces published: version 1, O1 first with 96 and O2 second with 95. */
const published: NoticeVersions = {
  generator: 'podium-notice-versions',
  format: 1,
  competition: 'c',
  edition: editionOf(competition),
  notices: {
    n: [{ version: 1, date: '2025-07-10', title: '拟表彰名单', number: '〔2025〕1号', sections: [{ label: '先进集体', rows: [['unit:O1', 1, 96, 100], ['unit:O2', 2, 95, 100]] }], corrections: [] }],
  },
};

const corrected: DataChanges = {
  previousAsOf: '2025-07-31',
  tables: [],
  newPeriods: [],
  entityCount: 0,
  entities: [],
  notices: [
    {
      id: 'n',
      title: '拟表彰名单',
      path: 'notices/n/',
      corrected: true,
      rows: [
        { section: '先进集体', entity: { key: 'unit:O1', ref: null }, before: { rank: 1, score: 96, amount: null }, after: { rank: 2, score: 90, amount: null } },
        { section: '先进集体', entity: { key: 'unit:O2', ref: null }, before: { rank: 2, score: 95, amount: null }, after: { rank: 1, score: 95, amount: null } },
      ],
      causes: [],
      causeCount: 0,
    },
  ],
};
const unchanged: DataChanges = { ...corrected, notices: [] };
const fromSite = (site: NoticeVersions | null): PublishedVersions => ({ site, siteFile: 'out/exports/notice-versions.json', record: null });

describe('a notice whose published result changed', () => {
  it('becomes version 2 at the same address, says what changed, and keeps version 1 at v1/ with its own lists', () => {
    const { notices, earlier, file } = versionNotices([draft], corrected, fromSite(published), competition, entities);
    expect(notices[0]).toMatchObject({
      version: 2,
      corrections: [
        { section: '先进集体', name: '一号网点', before: { rank: 1, score: 96 }, after: { rank: 2, score: 90 } },
        { section: '先进集体', name: '二号网点', before: { rank: 2, score: 95 }, after: { rank: 1, score: 95 } },
      ],
      earlier: [{ version: 1, date: '2025-07-10', path: 'notices/n/v1/' }],
    });
    expect(earlier).toEqual([
      expect.objectContaining({ id: 'n', version: 1, number: '〔2025〕1号', issuer: '办公室', current: { version: 2, path: 'notices/n/' } }),
    ]);
    // Version 1 is a whole notice with its own lists: the one amount for all is the section's again.
    expect(earlier[0]!.sections).toEqual([
      expect.objectContaining({ kind: 'award', label: '先进集体', amount: 100, amountVaries: false, rows: [expect.objectContaining({ rank: 1, score: 96, entity: entities.get('unit:O1') }), expect.objectContaining({ rank: 2, score: 95, entity: entities.get('unit:O2') })] }),
    ]);
    // The section's one amount is kept on each stored row.
    expect(file.notices.n!.map((v) => [v.version, v.sections[0]!.rows])).toEqual([
      [1, [['unit:O1', 1, 96, 100], ['unit:O2', 2, 95, 100]]],
      [2, [['unit:O2', 1, 95, 100], ['unit:O1', 2, 90, 100]]],
    ]);
  });

  it('stays version 2, still marked corrected, when the next build changes nothing', () => {
    const second = versionNotices([draft], corrected, fromSite(published), competition, entities).file;
    const { notices, earlier } = versionNotices([draft], unchanged, fromSite(second), competition, entities);
    expect(notices[0]!.version).toBe(2);
    expect(notices[0]!.corrections).toHaveLength(2);
    expect(earlier.map((e) => e.version)).toEqual([1]);
  });

  it('is refused when the site it replaces kept no earlier version to correct', () => {
    const attempt = () => versionNotices([draft], corrected, fromSite(null), competition, entities);
    expect(attempt).toThrow(BuildError);
    try {
      attempt();
    } catch (error) {
      expect((error as BuildError).diagnostics).toEqual([
        expect.objectContaining({ file: 'out/exports/notice-versions.json', expected: expect.stringContaining('the published version of notice "n"'), found: 'no notice-versions file of this competition and edition' }),
      ]);
    }
  });

  it('is version 1, uncorrected, on a first build', () => {
    const { notices, earlier } = versionNotices([draft], unchanged, fromSite(null), competition, entities);
    expect(notices[0]).toMatchObject({ version: 1, corrections: [], earlier: [] });
    expect(earlier).toEqual([]);
  });
});

describe('the office record of posted notices (config published_notices)', () => {
  it('corrects a notice in a fresh build, with no site to replace, against the version it records', () => {
    // The record holds version 1 (O1 96, O2 95); this build ranks O2 95 first and O1 90 second.
    const { notices, earlier, file } = versionNotices([draft], unchanged, { site: null, siteFile: 'out/exports/notice-versions.json', record: published }, competition, entities);
    expect(notices[0]).toMatchObject({
      version: 2,
      corrections: [
        { section: '先进集体', name: '一号网点', before: { rank: 1, score: 96, amount: 100 }, after: { rank: 2, score: 90, amount: 100 } },
        { section: '先进集体', name: '二号网点', before: { rank: 2, score: 95, amount: 100 }, after: { rank: 1, score: 95, amount: 100 } },
      ],
    });
    expect(earlier.map((e) => [e.version, e.current.version])).toEqual([[1, 2]]);
    expect(file.notices.n!.map((v) => v.version)).toEqual([1, 2]);
  });

  it('leaves a notice at its recorded version when its lists are as recorded', () => {
    const asPosted = versionNotices([draft], unchanged, fromSite(null), competition, entities).file;
    const { notices, earlier } = versionNotices([draft], unchanged, { site: null, siteFile: 'f', record: asPosted }, competition, entities);
    expect(notices[0]).toMatchObject({ version: 1, corrections: [] });
    expect(earlier).toEqual([]);
  });

  it('takes the longer history of the site and the record: the site once it has gone past the record', () => {
    const site = versionNotices([draft], unchanged, { site: null, siteFile: 'f', record: published }, competition, entities).file;
    const { notices, earlier } = versionNotices([draft], unchanged, { site, siteFile: 'f', record: published }, competition, entities);
    expect(notices[0]!.version).toBe(2);
    expect(earlier.map((e) => e.version)).toEqual([1]);
  });
});

describe('an earlier version', () => {
  it('keeps the remarks under its lists as posted: who was left off and why, and who moved up', () => {
    const remarked: NoticeDraft = {
      ...draft,
      sections: [
        {
          ...draft.sections[0]!,
          ineligible: [{ entity: entities.get('unit:O1')!, parent: null, score: 97, reasons: [{ label: null, via: null }] }],
          movedUp: [{ removed: [entities.get('unit:O1')!], replacements: [entities.get('unit:O2')!] }],
        },
      ],
    };
    const posted = versionNotices([remarked], unchanged, fromSite(null), competition, entities).file;
    // The next build lists O1 again, first: version 2; version 1 is the notice as posted, remarks and all.
    const relisted: NoticeDraft = { ...draft, sections: [{ ...draft.sections[0]!, rows: [row('O1', 1, 97), row('O2', 2, 95)] }] };
    const { earlier } = versionNotices([relisted], unchanged, fromSite(posted), competition, entities);
    expect(earlier[0]!.sections[0]).toMatchObject({
      ineligible: [{ entity: entities.get('unit:O1'), score: 97, reasons: [{ label: null, via: null }] }],
      movedUp: [{ removed: [entities.get('unit:O1')], replacements: [entities.get('unit:O2')] }],
    });
  });
});
