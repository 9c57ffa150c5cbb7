/**
 * Corrections (更正). Every site carries `exports/notice-versions.json`: each notice's published
 * versions, its lists as they stood (entity keys, ranks, scores, amounts) and what each version
 * changed against the one before. When a build finds that a published notice's result moved (the
 * data manifest says so, src/pipeline/data-manifest.ts), the notice keeps its URL as the next
 * version, marked 更正 with what changed, and the earlier versions stay at notices/<id>/v<n>/.
 *
 * Only keys and numbers are kept: names are taken from the current build when a page is made, so
 * an earlier version never shows a name the current edition would mask or leave out. A file from
 * another competition or another edition (audience, language, public settings) is not used.
 */
import { z } from 'zod';
import type { Competition } from '../config/read.ts';
import { earlierNoticePath, noticePath, type DataChanges, type EarlierNotice, type EntityRef, type Notice, type NoticeDraft } from '../site/model.ts';
import { BuildError } from './diagnostics.ts';
import { publishedExport } from './data-manifest.ts';

export const NOTICE_VERSIONS_FILE = 'notice-versions.json';

const EntityKey = z.string().regex(/^(unit|staff):/);
const Result = z.strictObject({ rank: z.number().nullable(), score: z.number().nullable(), amount: z.number().nullable() });
const StoredVersion = z.strictObject({
  version: z.number().int().min(1),
  date: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  /** Each list: [entity, rank, score, amount] per row. */
  sections: z.array(z.strictObject({ label: z.string(), rows: z.array(z.tuple([EntityKey, z.number().nullable(), z.number().nullable(), z.number().nullable()])) })),
  /** What this version changed against the one before; empty for version 1. */
  corrections: z.array(z.strictObject({ section: z.string(), entity: EntityKey, before: Result.nullable(), after: Result.nullable() })),
});
type StoredVersion = z.infer<typeof StoredVersion>;

export const NoticeVersions = z.strictObject({
  generator: z.literal('podium-notice-versions'),
  format: z.literal(1),
  competition: z.string(),
  /** The edition the versions were published in: audience, language and public settings. */
  edition: z.string(),
  /** Per notice id, every published version, oldest first; the last is the notice itself. */
  notices: z.record(z.string(), z.array(StoredVersion)),
});
export type NoticeVersions = z.infer<typeof NoticeVersions>;

export const editionOf = (competition: Competition): string =>
  JSON.stringify({ audience: competition.config.audience, locale: competition.locale, public: competition.config.public });

/** The versions file of the site at `outDir`, when it is this competition's and edition's; else null, with a note. */
export function previousNoticeVersions(outDir: string, competition: Competition, log: (note: string) => void): NoticeVersions | null {
  const found = publishedExport(outDir, NOTICE_VERSIONS_FILE, NoticeVersions, 'a notice-versions file', 'earlier versions of notices are not carried over', log);
  if (found === null) return null;
  if (found.data.competition !== competition.config.id || found.data.edition !== editionOf(competition)) {
    log(`${found.file} belongs to another competition or edition: earlier versions of notices are not carried over`);
    return null;
  }
  return found.data;
}

export interface VersionedNotices {
  notices: Notice[];
  earlier: EarlierNotice[];
  file: NoticeVersions;
}

/**
 * Gives each notice its version: the next one where its result changed since the site at `--out`
 * (refused when that site kept no earlier version to correct), else the one published there.
 */
export function versionNotices(
  notices: NoticeDraft[],
  changes: DataChanges,
  previous: NoticeVersions | null,
  competition: Competition,
  entities: Map<string, EntityRef>,
  previousFile: string,
): VersionedNotices {
  const stored: NoticeVersions['notices'] = {};
  const earlier: EarlierNotice[] = [];
  const nameOf = (key: string) => entities.get(key)?.name ?? key.slice(key.indexOf(':') + 1);
  const versioned = notices.map((notice): Notice => {
    const published = previous?.notices[notice.id] ?? [];
    const change = changes.notices.find((c) => c.id === notice.id && c.corrected && c.rows.length > 0);
    if (change && published.length === 0) {
      throw new BuildError('export', [
        {
          file: previousFile,
          expected: `the published version of notice "${notice.id}", whose result this build changes (a correction, 更正, shows what changed against it)`,
          found: previous === null ? 'no notice-versions file of this competition and edition' : 'no version of that notice',
        },
      ]);
    }
    const corrections: StoredVersion['corrections'] = change
      ? change.rows.map((r) => ({ section: r.section, entity: r.entity.key, before: r.before, after: r.after }))
      : (published.at(-1)?.corrections ?? []);
    const before = change ? published : published.slice(0, -1);
    const current: StoredVersion = {
      version: before.length + 1,
      date: notice.date,
      title: notice.title,
      number: notice.number,
      // A list with one amount for all holds it in the section; each stored row keeps it, as it was paid.
      sections: notice.sections.map((s) => ({ label: s.label, rows: s.rows.map((r) => [`${r.entity.kind}:${r.entity.id}`, r.rank, r.score, r.amount ?? s.amount] as [string, number | null, number | null, number | null]) })),
      corrections,
    };
    stored[notice.id] = [...before, current];
    for (const v of before) {
      earlier.push({
        noticeId: notice.id,
        version: v.version,
        title: v.title,
        number: v.number,
        date: v.date,
        issuer: notice.issuer,
        period: notice.period,
        currentPath: noticePath(notice.id),
        sections: v.sections.map((s) => ({ label: s.label, rows: s.rows.map(([key, rank, score, amount]) => ({ name: nameOf(key), rank, score, amount })) })),
      });
    }
    return {
      ...notice,
      version: current.version,
      corrections: corrections.map((c) => ({ section: c.section, name: nameOf(c.entity), before: c.before, after: c.after })),
      earlier: before.map((v) => ({ version: v.version, date: v.date, path: earlierNoticePath(notice.id, v.version) })),
    };
  });
  return { notices: versioned, earlier, file: { generator: 'podium-notice-versions', format: 1, competition: competition.config.id, edition: editionOf(competition), notices: stored } };
}
