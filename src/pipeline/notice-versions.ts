/**
 * Corrections (更正). Every site carries `exports/notice-versions.json`: each notice's published
 * versions, its lists as they stood (entity keys, ranks, scores, amounts) and what each version
 * changed against the one before. When this build's lists differ from the last version published,
 * the notice keeps its URL as the next version, marked 更正 with what changed, and each earlier
 * version stays a whole notice at notices/<id>/v<n>/.
 *
 * The versions come from the site the build replaces and from the office's own record of what it
 * posted (config `published_notices`, copies of that file committed beside the data), so that a
 * fresh build, with no site to replace, still corrects what was posted.
 *
 * Only keys and numbers are kept: names are taken from the current build when a page is made, so
 * an earlier version never shows a name the current edition would mask or leave out. A file from
 * another competition or another edition (audience, language, public settings) is not used.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { locateInConfig, readYamlFile, type Competition, type Problem } from '../config/read.ts';
import {
  earlierNoticePath,
  entityRef,
  noticePath,
  type DataChanges,
  type EarlierNotice,
  type EntityRef,
  type Notice,
  type NoticeDraft,
  type NoticeResult,
  type NoticeRow,
  type NoticeSection,
} from '../site/model.ts';
import { checkFile } from '../config/paths.ts';
import { BuildError, displayPath, shown } from '../config/diagnostics.ts';
import { publishedExport } from './data-manifest.ts';

export const NOTICE_VERSIONS_FILE = 'notice-versions.json';

const EntityKey = z.string().regex(/^(unit|staff):/, { error: 'an entity key, unit:<ID> or staff:<ID>' });
const Result = z.strictObject({ rank: z.number().nullable(), score: z.number().nullable(), amount: z.number().nullable() });
const StoredVersion = z.strictObject({
  version: z.number().int().min(1),
  date: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  /** The opening paragraph as printed; absent in files written before it was kept. */
  opening: z.string().nullable().optional(),
  /** Objections counted on it as printed (never who or what). */
  objections: z.strictObject({ received: z.number().int().min(0), resolved: z.number().int().min(0), upheld: z.number().int().min(0) }).nullable().optional(),
  /** Each list: its kind, how many a public edition left unnamed, and [entity, rank, score, amount] per row. */
  sections: z.array(
    z.strictObject({
      label: z.string(),
      kind: z.enum(['ranking', 'award', 'penalty']).optional(),
      unnamed: z.number().int().min(0).optional(),
      rows: z.array(z.tuple([EntityKey, z.number().nullable(), z.number().nullable(), z.number().nullable()])),
      /** The remarks under the list as printed: who was left off and why, who moved up, ties. */
      ineligible: z.array(z.strictObject({ entity: EntityKey, score: z.number().nullable(), reasons: z.array(z.strictObject({ label: z.string().nullable(), via: z.string().nullable() })) })).optional(),
      moved_up: z.array(z.strictObject({ removed: z.array(EntityKey), replacements: z.array(EntityKey) })).optional(),
      tie_breaks: z.array(z.string()).optional(),
      tie_overflow: z.boolean().optional(),
    }),
  ),
  /** A 通报's findings, by ID (their words come from the current build). */
  findings: z.array(z.string()).optional(),
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

/**
 * The office's record of what it posted (config `published_notices`): copies of sites'
 * notice-versions files, one per edition. A file that is not one, belongs to another competition,
 * or numbers a notice's versions out of order is refused at its line and column; the file of this
 * build's edition is used, the others are left for their own editions' builds.
 */
export function readNoticeRecord(competition: Competition, log: (note: string) => void): NoticeVersions | null {
  const { dir, config } = competition;
  const edition = editionOf(competition);
  const realDir = realpathSync(dir);
  const ofEdition: { index: number; data: NoticeVersions }[] = [];
  config.published_notices.forEach((name, index) => {
    const file = path.join(dir, name);
    const checked = existsSync(file) ? checkFile(file, realDir) : { found: 'no such file' };
    if ('found' in checked) {
      throw new BuildError('config', [{ ...locateInConfig(dir, ['published_notices', index]), field: `published_notices.${index}`, expected: 'a notice-versions file (JSON) inside the competition folder', found: `${shown(name)}: ${checked.found}` }]);
    }
    const data = readYamlFile(checked.real, displayPath(file), NoticeVersions, (record) => recordProblems(record, config.id));
    if (data.edition === edition) ofEdition.push({ index, data });
  });
  if (ofEdition.length > 1) {
    const second = ofEdition[1]!;
    throw new BuildError('config', [{ ...locateInConfig(dir, ['published_notices', second.index]), field: `published_notices.${second.index}`, expected: 'one record of posted notices per edition', found: `a second record of this edition (${edition})` }]);
  }
  if (config.published_notices.length > 0 && ofEdition.length === 0) log(`no record in published_notices is of this edition (${edition}): its notices are corrected only against the site at --out`);
  return ofEdition[0]?.data ?? null;
}

function recordProblems(record: NoticeVersions, competitionId: string): Problem[] {
  const problems: Problem[] = record.competition === competitionId ? [] : [{ path: ['competition'], expected: `a record of this competition, "${competitionId}"`, found: shown(record.competition) }];
  for (const [id, versions] of Object.entries(record.notices)) {
    versions.forEach((v, i) => {
      if (v.version !== i + 1) problems.push({ path: ['notices', id, i, 'version'], expected: `version ${i + 1} (the versions of a notice in order, from 1)`, found: String(v.version) });
    });
  }
  return problems;
}

export interface VersionedNotices {
  notices: Notice[];
  earlier: EarlierNotice[];
  file: NoticeVersions;
}

/** Where the published versions come from: the site `--out` replaces, and the office's record. */
export interface PublishedVersions {
  site: NoticeVersions | null;
  siteFile: string;
  record: NoticeVersions | null;
}

/**
 * Gives each notice its version: the next one where its lists differ from the last version
 * published (the longer history of the site and the record), else the one published. Refused when
 * the data manifest says a published result moved but no version of it was kept to correct.
 */
export function versionNotices(notices: NoticeDraft[], changes: DataChanges, published: PublishedVersions, competition: Competition, entities: Map<string, EntityRef>): VersionedNotices {
  const stored: NoticeVersions['notices'] = {};
  const earlier: EarlierNotice[] = [];
  const refOf = (key: string): EntityRef => {
    const kind = key.startsWith('staff:') ? 'staff' : 'unit';
    return entities.get(key) ?? entityRef(kind, key.slice(key.indexOf(':') + 1), key.slice(key.indexOf(':') + 1));
  };
  const named = (corrections: StoredVersion['corrections']): Notice['corrections'] =>
    corrections.map((c) => ({ section: c.section, name: refOf(c.entity).name, before: c.before, after: c.after }));
  const versioned = notices.map((notice): Notice => {
    const history = longer(published.site?.notices[notice.id] ?? [], published.record?.notices[notice.id] ?? []);
    const moved = changes.notices.some((c) => c.id === notice.id && c.corrected && c.rows.length > 0);
    if (moved && history.length === 0) {
      throw new BuildError('export', [
        {
          file: published.siteFile,
          expected: `the published version of notice "${notice.id}", whose result this build changes (a correction, 更正, shows what changed against it): from the site at --out or the config's published_notices`,
          found: published.site === null && published.record === null ? 'no notice-versions file of this competition and edition' : 'no version of that notice',
        },
      ]);
    }
    const last = history.at(-1);
    const draft = storedVersion(notice);
    const corrections = last === undefined ? [] : differences(last.sections, draft.sections);
    const before = corrections.length > 0 ? history : history.slice(0, -1);
    const current: StoredVersion = { ...draft, version: before.length + 1, corrections: corrections.length > 0 ? corrections : (last?.corrections ?? []) };
    stored[notice.id] = [...before, current];
    const earlierLinks = before.map((v) => ({ version: v.version, date: v.date, path: earlierNoticePath(notice.id, v.version) }));
    before.forEach((v, i) => earlier.push(earlierNotice(notice, v, earlierLinks.slice(0, i), current.version, refOf, named)));
    return { ...notice, version: current.version, corrections: named(current.corrections), earlier: earlierLinks };
  });
  return { notices: versioned, earlier, file: { generator: 'podium-notice-versions', format: 1, competition: competition.config.id, edition: editionOf(competition), notices: stored } };
}

const keyOf = (entity: EntityRef) => `${entity.kind}:${entity.id}`;

/** Of two histories of one notice, the one that goes further: the site's when they are as long. */
const longer = (site: StoredVersion[], record: StoredVersion[]): StoredVersion[] => (record.length > site.length ? record : site);

/** A notice as the versions file keeps it. A list with one amount for all holds it in the section; each stored row keeps it, as it was paid. */
function storedVersion(notice: NoticeDraft): Omit<StoredVersion, 'version' | 'corrections'> {
  return {
    date: notice.date,
    title: notice.title,
    number: notice.number,
    opening: notice.opening,
    objections: notice.objections && { received: notice.objections.received, resolved: notice.objections.resolved, upheld: notice.objections.upheld },
    sections: notice.sections.map((s) => ({
      label: s.label,
      kind: s.kind,
      unnamed: s.unnamed,
      rows: s.rows.map((r) => [keyOf(r.entity), r.rank, r.score, r.amount ?? s.amount] as [string, number | null, number | null, number | null]),
      ineligible: s.ineligible.map((x) => ({ entity: keyOf(x.entity), score: x.score, reasons: x.reasons })),
      moved_up: s.movedUp.map((m) => ({ removed: m.removed.map(keyOf), replacements: m.replacements.map(keyOf) })),
      tie_breaks: s.tieBreaks,
      tie_overflow: s.tieOverflow,
    })),
    findings: notice.findings.map((f) => f.id),
  };
}

/** Each entry of a list whose rank, score or amount differs between two versions, or that is on one only. */
function differences(was: StoredVersion['sections'], is: StoredVersion['sections']): StoredVersion['corrections'] {
  const entries = (sections: StoredVersion['sections']) => new Map(sections.flatMap((s) => s.rows.map(([entity, rank, score, amount]) => [`${s.label}\u0000${entity}`, { section: s.label, entity, result: { rank, score, amount } }] as const)));
  const old = entries(was);
  const now = entries(is);
  const same = (a: NoticeResult, b: NoticeResult) => a.rank === b.rank && a.score === b.score && a.amount === b.amount;
  return [...new Set([...old.keys(), ...now.keys()])].flatMap((key) => {
    const before = old.get(key);
    const after = now.get(key);
    if (before && after && same(before.result, after.result)) return [];
    const { section, entity } = (after ?? before)!;
    return [{ section, entity, before: before?.result ?? null, after: after?.result ?? null }];
  });
}

/**
 * An earlier version as a whole notice: its own title, 文号, date, opening, counts and lists; the
 * issuer, contacts, 公示期 and style of the notice (configuration, not data). Parents come from the
 * current lists, since a unit's place does not change with a correction. Files written before the
 * remarks under a list were kept give an earlier version without them.
 */
function earlierNotice(
  notice: NoticeDraft,
  v: StoredVersion,
  before: Notice['earlier'],
  currentVersion: number,
  refOf: (key: string) => EntityRef,
  named: (c: StoredVersion['corrections']) => Notice['corrections'],
): EarlierNotice {
  const parents = new Map<string, EntityRef | null>(notice.sections.flatMap((s) => [...s.rows, ...s.ineligible].map((r) => [keyOf(r.entity), r.parent] as const)));
  const sections = v.sections.map((s): NoticeSection => {
    const now = notice.sections.find((c) => c.label === s.label);
    const amounts = new Set(s.rows.map(([, , , amount]) => amount));
    const amountVaries = amounts.size > 1;
    const [only = null] = amounts;
    return {
      kind: s.kind ?? now?.kind ?? 'ranking',
      label: s.label,
      amount: amountVaries ? null : only,
      amountVaries,
      recipients: now?.recipients ?? (s.rows.some(([key]) => key.startsWith('staff:')) ? 'staff' : 'unit'),
      rows: s.rows.map(([key, rank, score, amount]): NoticeRow => ({ rank, entity: refOf(key), parent: parents.get(key) ?? null, score, amount: amountVaries ? amount : null, group: null, approvals: [] })),
      unnamed: s.unnamed ?? 0,
      tieOverflow: s.tie_overflow ?? false,
      tieBreaks: s.tie_breaks ?? [],
      ineligible: (s.ineligible ?? []).map((x) => ({ entity: refOf(x.entity), parent: parents.get(x.entity) ?? null, score: x.score, reasons: x.reasons })),
      movedUp: (s.moved_up ?? []).map((m) => ({ removed: m.removed.map(refOf), replacements: m.replacements.map(refOf) })),
    };
  });
  return {
    ...notice,
    title: v.title,
    number: v.number,
    date: v.date,
    opening: v.opening === undefined ? notice.opening : v.opening,
    objections: v.objections ? { ...v.objections, records: [] } : null,
    status: null,
    version: v.version,
    corrections: named(v.corrections),
    earlier: before,
    sections,
    findings: notice.findings.filter((f) => v.findings?.includes(f.id)),
    current: { version: currentVersion, path: noticePath(notice.id) },
  };
}
