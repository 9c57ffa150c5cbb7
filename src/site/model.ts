/**
 * The site model: everything a page shows, already computed and written as JSON by the export
 * stage, its shapes the zod schemas of src/site/schema.ts. Pages read it through the functions
 * below and only render.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Evidence } from '../rules/finding.ts';
import type { RuleText } from '../rules/kind.ts';
import type { DirectoryEntry, EntityPage, EarlierNotice, DataChanges, EntityRef, Finding, FindingsPage, Notice, RankingPage, ScoreHistory, SiteModel } from './schema.ts';

import { SITE_FIELD_PREFIX } from './model-reads.mjs';

export type * from './schema.ts';
export type { Evidence };

/** The points a score's chart draws: those of its chart kind, since sums over different spans never share an axis. */
export const chartedPoints = (history: ScoreHistory): ScoreHistory['points'] => history.points.filter((point) => point.kind === history.chartKind);

/** A score's points in a block per period kind (months, quarters, phases, halves, the year), in the order the kinds first come. */
export function pointsByKind(history: ScoreHistory): [kind: string, points: ScoreHistory['points']][] {
  const byKind = new Map<string, ScoreHistory['points']>();
  for (const point of history.points) byKind.set(point.kind, [...(byKind.get(point.kind) ?? []), point]);
  return [...byKind];
}

/** A notice before its versions are known (they depend on the site it replaces). */
export type NoticeDraft = Omit<Notice, 'version' | 'corrections' | 'earlier'>;

/** A methodology sentence: a message catalog key and the values that fill its placeholders. */
export type MethodologyItem = RuleText;

/** Where the export stage wrote the model; the build sets it before Astro renders. */
export const MODEL_DIR_ENV = 'PODIUM_MODEL_DIR';

function modelDir(): string {
  const dir = process.env[MODEL_DIR_ENV];
  if (!dir || !existsSync(dir)) {
    throw new Error(`${MODEL_DIR_ENV} does not name an exported site model; run the build with "npm run build"`);
  }
  return dir;
}

/** A file of the model in `dir`; the build's own stages (the search index) read the model this way too. */
export const readModelFile = <T>(dir: string, ...parts: string[]): T => JSON.parse(readFileSync(path.join(dir, ...parts), 'utf8')) as T;
/**
 * What the pages read of the model since the last `takeModelReads()`: a file by its path in the
 * model, and a field of site.json as `site.json#<field>`. The page cache (src/render/page-cache.ts)
 * reuses a page only while everything it read is unchanged, so every read goes through here.
 */
const modelReads = new Set<string>();
export function takeModelReads(): string[] {
  const reads = [...modelReads].sort();
  modelReads.clear();
  return reads;
}

const readJson = <T>(...parts: string[]): T => {
  modelReads.add(parts.join('/'));
  return readModelFile<T>(modelDir(), ...parts);
};

/**
 * site.json is read once per render worker, and each page reads only some of its fields (the
 * home page the leaders, every page the navigation): a field counts as read when a page touches
 * it, or all of them when a page lists or copies the whole object.
 */
function fieldRecording(model: SiteModel): SiteModel {
  const readAll = () => Object.keys(model).forEach((field) => modelReads.add(SITE_FIELD_PREFIX + field));
  return new Proxy(model, {
    get(target, field, receiver) {
      if (typeof field === 'string') modelReads.add(SITE_FIELD_PREFIX + field);
      return Reflect.get(target, field, receiver);
    },
    has(target, field) {
      if (typeof field === 'string') modelReads.add(SITE_FIELD_PREFIX + field);
      return Reflect.has(target, field);
    },
    ownKeys(target) {
      readAll();
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor(target, field) {
      if (typeof field === 'string') modelReads.add(SITE_FIELD_PREFIX + field);
      return Reflect.getOwnPropertyDescriptor(target, field);
    },
  });
}

let site: SiteModel | undefined;
export const loadSite = (): SiteModel => (site ??= fieldRecording(readModelFile<SiteModel>(modelDir(), 'site.json')));
export const loadRankingPage = (periodId: string, rankingId: string, page: number): RankingPage =>
  readJson<RankingPage>(...rankingModelFile(periodId, rankingId, page));
/** The model file of one page of a ranking, as path segments: IDs are validated codes, safe as folder names. */
export const rankingModelFile = (periodId: string, rankingId: string, page: number): string[] => ['rankings', periodId, rankingId, `${page}.json`];
export const loadUnitPage = (id: string): EntityPage => readJson<EntityPage>('units', `${id}.json`);
export const loadStaffPage = (id: string): EntityPage => readJson<EntityPage>('staff', `${id}.json`);
export const loadDirectory = (): DirectoryEntry[] => readJson<DirectoryEntry[]>('entities.json');
export const loadFindings = (): Finding[] => readJson<Finding[]>('findings.json');
export const loadNotices = (): Notice[] => readJson<Notice[]>('notices.json');
export const loadEarlierNotices = (): EarlierNotice[] => readJson<EarlierNotice[]>('earlier-notices.json');
export const loadChanges = (): DataChanges => readJson<DataChanges>('changes.json');

/**
 * Astro's own static build (`renderWithAstro`, the reference the compiled renderer is tested
 * against) renders the site in several processes at once, one per core. Each renders its share
 * of the pages that have many instances: PODIUM_SHARD is "index/count". The compiled renderer
 * shares the pages out itself and leaves this unset.
 */
export const SHARD_ENV = 'PODIUM_SHARD';
export function ownShare<T>(items: T[]): T[] {
  const [index = 0, count = 1] = (process.env[SHARD_ENV] ?? '0/1').split('/').map(Number);
  return count > 1 ? items.filter((_, i) => i % count === index) : items;
}

/** Paths inside the model and the site. IDs are validated codes, so they are safe path segments. */
export const entityPath = (kind: 'unit' | 'staff', id: string): string =>
  `${kind === 'unit' ? 'units' : 'staff'}/${encodeURIComponent(id)}/`;
/** An entity's every posting, for pages that list only the newest (inside exports/): IDs are checked path-safe (validate_macros.sql). */
export const postingsDownloadFile = (kind: 'unit' | 'staff', id: string): string[] => ['postings', kind === 'unit' ? 'units' : 'staff', `${id}.csv`];
export const entityRef = (kind: 'unit' | 'staff', id: string, name: string): EntityRef => ({ kind, id, name, path: entityPath(kind, id) });
/** A unit as the place someone or something sits in, with the names of the units above it. */
export const placeRef = (id: string, name: string, above: Map<string, string[]>): EntityRef => ({ ...entityRef('unit', id, name), above: above.get(id) ?? [] });
/** Page 1 of a ranking at its own address, page n (n > 1) below it: `rankings/h1/staff/2/`. */
export const rankingPath = (periodId: string, rankingId: string, page = 1): string =>
  `rankings/${encodeURIComponent(periodId)}/${encodeURIComponent(rankingId)}/${page > 1 ? `${page}/` : ''}`;
export const noticePath = (id: string): string => `notices/${encodeURIComponent(id)}/`;
/** An earlier version of a notice, below the notice itself: `notices/review-h1/v1/`. */
export const earlierNoticePath = (id: string, version: number): string => `${noticePath(id)}v${version}/`;
/** Findings grouped by rule, in the order the rules first appear (the findings page, a 通报's lists). */
export function findingsByRule<F extends Pick<Finding, 'ruleId' | 'ruleLabel'>>(findings: F[]): { label: string; findings: F[] }[] {
  const rules = new Map<string, { label: string; findings: F[] }>();
  for (const finding of findings) {
    const rule = rules.get(finding.ruleId) ?? { label: finding.ruleLabel, findings: [] };
    rule.findings.push(finding);
    rules.set(finding.ruleId, rule);
  }
  return [...rules.values()];
}
/** Page 1 of a rule's findings at its own address, page n (n > 1) below it: `findings/weekly-visit/2/`. */
export const findingsPath = (ruleId: string, page = 1): string => `findings/${encodeURIComponent(ruleId)}/${page > 1 ? `${page}/` : ''}`;
/** The model file of one page of a rule's findings, as path segments: rule IDs are validated codes, safe as folder names. */
export const findingsModelFile = (ruleId: string, page: number): string[] => ['findings', ruleId, `${page}.json`];
export const loadFindingsPage = (ruleId: string, page: number): FindingsPage => readJson<FindingsPage>(...findingsModelFile(ruleId, page));
/** The id of a finding's row on the findings page; finding IDs may hold spaces (a quota group). */
export const findingAnchor = (id: string): string => `finding-${encodeURIComponent(id)}`;

/**
 * Whether this build publishes a page for the entity. An earlier version of a notice may name
 * someone who has since left the data, and a public edition may publish no staff pages: such a
 * name is plain text, never a link to a page that does not exist. The ID lists are read on every
 * call, so the page cache records that a page's links depend on them.
 */
const pageSets = new WeakMap<string[], Set<string>>();
export function hasPage(entity: EntityRef): boolean {
  const ids = entity.kind === 'unit' ? loadSite().unitIds : loadSite().staffIds;
  let published = pageSets.get(ids);
  if (published === undefined) pageSets.set(ids, (published = new Set(ids)));
  return published.has(entity.id);
}

/** A link from any page: the base the site is published under, then the site-relative path. */
export const href = (sitePath: string): string => `${loadSite().base}${sitePath}`;
