/**
 * The site's search, written after the render: a Pagefind index (pagefind/ in the site) over
 * every unit and staff member, every notice and every finding, built from the site model rather
 * than from the HTML, so that each record holds exactly the words it should be found by.
 *
 * Chinese has no spaces between words, and a name is found by any part a user types: 宁雨 or
 * 吕宁 for 吕宁雨. Each record therefore also carries every run of two or more Han characters
 * of its names, and their pinyin initials and full pinyin (lny, lvningyu), as words of their own.
 */
import path from 'node:path';
import * as pagefind from 'pagefind';
import { pinyin } from 'pinyin-pro';
import { i18n } from '../site/i18n/index.ts';
import { findingAnchor, noticePath, readModelFile, type DirectoryEntry, type Finding, type Notice, type SiteModel } from '../site/model.ts';

export interface SearchRecord {
  /** Site-relative, as the model's paths are; the base is put in front when the index is written. */
  path: string;
  title: string;
  /** What kind of page it is (网点, 员工, 公示, 检查发现), shown beside each result. */
  kind: string;
  /** A line under the title: a person's unit path, a notice's date. */
  context: string;
  /** The words the record is found by. */
  words: string[];
}

/** Longer runs of Han characters (a long unit name) give their parts up to this length. */
const LONGEST_PART = 8;

/**
 * The extra words a name is found by: every run of two to eight Han characters inside each run
 * of Han characters, and each run's pinyin initials and full pinyin (toneless, ü as v, surnames
 * read as surnames: 单 is shan). Sorted and without repeats, so the index repeats byte for byte.
 */
export function nameSearchWords(name: string): string[] {
  const words = new Set<string>();
  for (const [run] of name.matchAll(/\p{Script=Han}+/gu)) {
    const chars = [...run];
    for (let start = 0; start < chars.length; start++) {
      for (let end = start + 2; end <= Math.min(chars.length, start + LONGEST_PART); end++) words.add(chars.slice(start, end).join(''));
    }
    const syllables = pinyin(run, { toneType: 'none', type: 'array', surname: 'head', v: true });
    words.add(syllables.map((s) => s[0]).join(''));
    words.add(syllables.join(''));
  }
  return [...words].sort();
}

/** Every record of the site, in a fixed order: entities by kind and ID, then notices, then findings. */
export function searchRecords(modelDir: string): SearchRecord[] {
  const site = readModelFile<SiteModel>(modelDir, 'site.json');
  const { t, message, date, dateRange } = i18n(site.locale, site.decimals);
  const directory = readModelFile<DirectoryEntry[]>(modelDir, 'entities.json');
  const notices = readModelFile<Notice[]>(modelDir, 'notices.json');
  const findings = readModelFile<Finding[]>(modelDir, 'findings.json');
  const context = (entry: DirectoryEntry) => entry.unitPath.join(t('common.pathSeparator'));

  const entities = directory.map((entry): SearchRecord => ({
    path: entry.entity.path,
    title: entry.entity.name,
    kind: entry.kindLabel,
    context: context(entry),
    words: [entry.entity.name, entry.entity.id, ...entry.unitPath, ...nameSearchWords(entry.entity.name)],
  }));
  const noticeRecords = notices.map((notice): SearchRecord => {
    const named = notice.sections.flatMap((section) => [section.label, ...section.rows.map((row) => row.entity.name), ...section.ineligible.map((row) => row.entity.name)]);
    return {
      path: noticePath(notice.id),
      title: notice.title,
      kind: t('search.kind.notice'),
      context: date(notice.date),
      words: [notice.title, notice.period.label, ...named, ...nameSearchWords(notice.title)],
    };
  });
  const findingRecords = findings.map((finding): SearchRecord => ({
    path: `${finding.page}#${findingAnchor(finding.id)}`,
    title: t('search.findingTitle', { rule: finding.ruleLabel, unit: finding.entity.name }),
    kind: t('search.kind.finding'),
    context: dateRange(finding.periodStart, finding.periodEnd),
    words: [finding.ruleLabel, finding.entity.name, message(finding.messageKey, finding.values), ...nameSearchWords(finding.entity.name)],
  }));
  return [...entities, ...noticeRecords, ...findingRecords];
}

/** Pagefind keeps one index per language, named by its ISO 639-1 code, as pagefind.js looks it up from `<html lang>`. */
const pagefindLanguage = (locale: SiteModel['locale']): string => locale.split('-')[0]!.toLowerCase();

/** Records sent to Pagefind before their answers are awaited. */
const RECORDS_IN_FLIGHT = 1000;

/** The site's folder of the index and of Pagefind's search script. */
export const SEARCH_INDEX_FOLDER = 'pagefind';

/**
 * Writes the index into `<dir>/pagefind/`, with Pagefind's own search script beside it. `stop`
 * ends the writing between windows of records, when the build is stopped or its render failed.
 */
export async function writeSearchIndex(modelDir: string, dir: string, stop?: AbortSignal): Promise<void> {
  const { base, locale } = readModelFile<SiteModel>(modelDir, 'site.json');
  const language = pagefindLanguage(locale);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // Sent without waiting for each answer: Pagefind's service takes its messages one at a time
    // in the order they were written, so the index comes out the same, without a round trip per
    // record (about half of the stage's time at 42,000 records). In windows, so that the records
    // waiting in the pipe stay few.
    const records = searchRecords(modelDir);
    for (let start = 0; start < records.length; start += RECORDS_IN_FLIGHT) {
      stop?.throwIfAborted();
      const window = records.slice(start, start + RECORDS_IN_FLIGHT);
      const answers = await Promise.all(
        window.map((record) =>
          index.addCustomRecord({
            url: `${base}${record.path}`,
            content: record.words.join(' '),
            language,
            meta: { title: record.title, kind: record.kind, context: record.context },
          }),
        ),
      );
      const refused = answers.findIndex((added) => added.errors.length > 0);
      if (refused >= 0) throw new Error(`Pagefind refused the record of ${window[refused]!.path}: ${answers[refused]!.errors.join('; ')}`);
    }
    stop?.throwIfAborted();
    const written = await index.writeFiles({ outputPath: path.join(dir, SEARCH_INDEX_FOLDER) });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}
