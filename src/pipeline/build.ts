/**
 * The whole build, one stage after another: config → load → validate → score → check → export
 * → render → publish. Everything is written inside a temporary folder beside the output; only a
 * build that got all the way through replaces the previous site (src/pipeline/publish.ts), and
 * only an output Podium wrote is ever replaced (src/pipeline/output-safety.ts).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { readCompetition } from '../config/read.ts';
import { redaction } from '../config/public-edition.ts';
import { IsoDate, type Audience, type Locale } from '../config/schema.ts';
import { MODEL_DIR_ENV, SHARD_ENV, type DataChanges, type SiteModel } from '../site/model.ts';
import { loadConfigTables } from './config-tables.ts';
import { loadTables } from './load.ts';
import { validateAgainstLists, validateTables } from './validate.ts';
import { scoreCompetition } from './score.ts';
import { runChecks } from './check.ts';
import { databaseExports } from './ledger-exports.ts';
import { CHANGES_LISTED, manifestDatabaseFiles, previousManifest } from './data-manifest.ts';
import { NOTICE_VERSIONS_FILE, previousNoticeVersions, readNoticeRecord } from './notice-versions.ts';
import { checkNoticeFindings } from '../site/notice-findings.ts';
import { readWorkingCalendar } from '../config/working-days.ts';
import { BuildError, displayPath, shown } from '../config/diagnostics.ts';
import { checkAwardExpressions } from './award-expressions.ts';
import { softCapNotes } from '../rules/awards/check.ts';
import { checkOutput } from './output-safety.ts';
import { runProcess, runTogether } from './processes.ts';
import { renderCompiled, startRenderWorkers, type PageCacheOptions, type RenderCounts } from '../render/render.ts';
import { PAGE_CACHE_MANIFEST } from '../render/page-cache.mjs';
import { keepNewestFolders } from './cache-folders.mjs';
import { asBuildError, makeOwnedTemp, nodePublishFs, publishSite, recoverAndClean, removeOwnedTemp, RENDER_PREFIX, renderFailure, workPrefix, type PublishFs } from './publish.ts';

/**
 * The render stage: writes the site for the model into `siteDir`, reusing what it can of the page
 * cache when it keeps one. The compiled renderer (`renderCompiled`) unless a test passes another.
 */
export type Renderer = (modelDir: string, publicDir: string, siteDir: string, base: string, signal?: AbortSignal, pageCache?: PageCacheOptions) => Promise<RenderCounts | void>;

export interface BuildOptions {
  dataDir: string;
  outDir: string;
  /** Overrides the config's locale, e.g. to publish an English edition. */
  locale?: Locale;
  /** The URL path the site is served under; `/` by default. */
  base?: string;
  /** Overrides the config's audience, e.g. to build the internal edition of a public competition. */
  audience?: Audience;
  /** The day the site speaks of (YYYY-MM-DD, not before the data date): which notices are out, and where each 公示期 stands. The data date when left out. */
  asOf?: string;
  /** Stop after the export stage: no Astro render, nothing published. */
  modelOnly?: boolean;
  /** Render every page, reusing nothing of the page cache (which is then written afresh). */
  clean?: boolean;
  log?: (line: string) => void;
  /** Replaces the compiled renderer, e.g. by a trivial one in tests of publishing. */
  render?: Renderer;
  /** The file-system calls of publishing; tests inject faults here. */
  publishFs?: PublishFs;
  /** Stops the build between stages and kills its render processes; nothing is published. */
  signal?: AbortSignal;
}

export interface BuildReport {
  site: SiteModel;
  /** What changed since the site this build replaced (compared through its data manifest). */
  changes: DataChanges;
  /** Milliseconds per stage, in order. */
  timings: [stage: string, ms: number][];
  notes: string[];
  /** What was published but should be looked at: pages too heavy for a phone (oversizedPages). */
  warnings: string[];
  /** Where the model was written; only kept when `modelOnly` is set. */
  modelDir: string;
  /** Pages rendered and reused from the page cache, when the renderer says. */
  pages?: RenderCounts;
}

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Render processes at most; fewer on a machine with fewer cores. */
const RENDER_PROCESSES = 2;

export async function buildSite(options: BuildOptions): Promise<BuildReport> {
  const log = options.log ?? (() => undefined);
  const outDir = path.resolve(options.outDir);
  const publishFs = options.publishFs ?? nodePublishFs;
  const signal = options.signal;
  try {
    const base = normaliseBase(options.base);
    // A site stranded by a killed build is put back before anything can fail; said at once, as
    // the build may still fail after it.
    for (const note of recoverAndClean(outDir, PROJECT_ROOT, publishFs)) log(`note: ${note}`);
    checkOutput({ outDir, dataDir: options.dataDir, projectDirs: [PROJECT_ROOT, process.cwd()] });
    // Beside the output, so the final rename stays on one file system.
    const work = makeOwnedTemp(path.dirname(outDir), workPrefix(outDir), publishFs);
    const timer = stageTimer(log, signal);
    const { timed, timings } = timer;
    let keepWork = false;
    // The render workers load the renderer while the stages before them run (render.ts).
    const started = options.render || options.modelOnly ? null : startRenderWorkers(modelDirIn(work), base);
    const render: Renderer = options.render ?? ((model, files, site, siteBase, stop, pageCache) => renderCompiled(model, files, site, siteBase, stop, pageCache, started));
    try {
      const { site, changes, notes, modelDir, publicDir, configHash } = await runStages(options, base, work, timer);
      if (options.modelOnly) {
        keepWork = true;
        return { site, changes, timings, notes, warnings: [], modelDir };
      }
      const siteDir = path.join(work, 'site');
      const searchDir = path.join(work, 'search');
      const pageCache = { dir: pageCacheDir(outDir), config: configHash, clean: options.clean };
      const { writeSearchIndex, SEARCH_INDEX_FOLDER } = await import('./search-index.ts');
      // The search index is made from the site model, not the pages, so it is written while they
      // render: Pagefind indexes in a process of its own, mostly on one core, and overlapped it
      // costs the render less than its own time after it. It goes to a folder of its own, out of
      // the renderer's way, and is moved into the site once both are done.
      const [counts] = await runTogether<RenderCounts | void>(
        [(stop) => timed('render', () => render(modelDir, publicDir, siteDir, site.base, stop, pageCache)), (stop) => timed('search', () => writeSearchIndex(modelDir, searchDir, stop))],
        signal,
      );
      mkdirSync(siteDir, { recursive: true });
      renameSync(path.join(searchDir, SEARCH_INDEX_FOLDER), path.join(siteDir, SEARCH_INDEX_FOLDER));
      if (existsSync(PAGE_CACHE_ROOT)) keepNewestFolders(PAGE_CACHE_ROOT, PAGE_CACHE_MANIFEST, KEPT_PAGE_CACHES);
      if (counts) log(`render   ${counts.rendered} pages rendered, ${counts.reused} reused from the page cache`);
      const warnings = (await timed('sizes', () => oversizedPages(siteDir))).map(({ page, bytes }) => `${page} is ${megabytes(bytes)} (${bytes} bytes), over the ${megabytes(PAGE_SIZE_LIMIT_BYTES)} a page may weigh on a phone`);
      notes.push(...(await timed('publish', () => publishSite(siteDir, outDir, publishFs))));
      return { site, changes, timings, notes, warnings, modelDir, pages: counts ?? undefined };
    } finally {
      started?.stop();
      if (!keepWork) removeOwnedTemp(work);
    }
  } catch (error) {
    throw asBuildError(error, outDir);
  }
}

/**
 * The most an HTML page may weigh: staff read the site on phones over the branch's network, and
 * every page stays under 1 MB at bench size (issue 12). A heavier page is still published (a 公示
 * is never cut, README Decisions), but the build says which, so that it is noticed.
 */
export const PAGE_SIZE_LIMIT_BYTES = 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(2)} MB`;

/** The HTML pages of a site folder of `limit` bytes or more, by path (relative, with /), so the list repeats. */
export function oversizedPages(siteDir: string, limit = PAGE_SIZE_LIMIT_BYTES): { page: string; bytes: number }[] {
  return readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ file, stats: statSync(path.join(siteDir, file)) }))
    .filter(({ stats }) => stats.isFile() && stats.size >= limit)
    .map(({ file, stats }) => ({ page: file.split(path.sep).join('/'), bytes: stats.size }))
    .sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
}

export interface CheckOptions {
  dataDir: string;
  /** As in BuildOptions: checked against the data date. */
  asOf?: string;
  log?: (line: string) => void;
  signal?: AbortSignal;
}

export interface CheckReport {
  /** The data date: the newest record. */
  asOf: string;
  findings: number;
  timings: [stage: string, ms: number][];
  notes: string[];
}

/**
 * `podium validate`: config → load → validate → score → check, with no export and no render, so
 * a clerk learns in seconds whether a commit would build. Refuses with the same diagnostics.
 */
export async function validateCompetition(options: CheckOptions): Promise<CheckReport> {
  const { timed, timings, stage } = stageTimer(options.log ?? (() => undefined), options.signal);
  const work = mkdtempSync(path.join(os.tmpdir(), 'podium-validate-'));
  try {
    return await withDuckDb(options.dataDir, work, options.signal, stage, async (db) => {
      const { asOf, findings, notes } = await runChecked(db, options, work, timed);
      return { asOf, findings: findings.length, timings, notes };
    });
  } catch (error) {
    throw asBuildError(error, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * `podium diff`: the stages of a build up to the export, into a temporary folder, and what the
 * data changed against the site published at `outDir`. Nothing is rendered or published.
 */
export async function diffCompetition(options: CheckOptions & { outDir: string; locale?: Locale }): Promise<{ changes: DataChanges; notes: string[] }> {
  const timer = stageTimer(options.log ?? (() => undefined), options.signal);
  const work = mkdtempSync(path.join(os.tmpdir(), 'podium-diff-'));
  try {
    const { changes, notes } = await runStages(options, '/', work, timer, true);
    return { changes, notes };
  } catch (error) {
    throw asBuildError(error, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

type Timed = <T>(stage: string, run: () => Promise<T> | T) => Promise<T>;
type StageTimer = ReturnType<typeof stageTimer>;

/**
 * Runs stages in order, timing each; a stopped build stops before the next stage. `stage()` is
 * the one running or last run, which a failure is put down to.
 */
function stageTimer(log: (line: string) => void, signal: AbortSignal | undefined) {
  const timings: [stage: string, ms: number][] = [];
  let current = 'config';
  const timed: Timed = async (stage, run) => {
    signal?.throwIfAborted();
    current = stage;
    const started = performance.now();
    const result = await run();
    timings.push([stage, Math.round(performance.now() - started)]);
    log(`${stage.padEnd(9)} ${timings.at(-1)![1]} ms`);
    return result;
  };
  return { timed, timings, stage: () => current };
}

/** DuckDB's budget while scoring: with it the 2,000,000-event benchmark peaks at 2.8 GiB instead of 5.4 GiB (README, Performance). */
const DUCKDB_MEMORY_LIMIT = '2GB';
/**
 * And while exporting, when the export's own JavaScript heap grows to about 1 GB beside it (page
 * models, downloads) and its queries work in batches sized for it (entity-pages.ts): DuckDB then
 * gives back part of what scoring held. 1 GB was enough at 2,000,000 events (the export peaked
 * at 2.8 GiB instead of 3.8 GiB, in the same time) but not at 10,000,000, whose tables leave too
 * little of it for a batch's lists (docs/scale.md).
 */
const EXPORT_MEMORY_LIMIT = '1536MB';
const DUCKDB_SPILL_LIMIT = '16GB';

/**
 * How much V8's heap may grow past what was live at its last full collection, while exporting.
 * By default it grows to about four times that: in the export at 42,000 pages, 200 MB live became
 * 800 MB–1 GB of heap, nearly all garbage, beside DuckDB's memory in the same process, and that was
 * what put the build's peak over 3 GiB. Held to half (V8's heap-growing-percent, a tuning flag read
 * at each collection), the export peaked at 2.69–2.87 GiB instead of 3.08–3.21 GiB in about the
 * same time (README, Performance). Put back to V8's own choice (0) when the export ends.
 */
const EXPORT_HEAP_GROWING_PERCENT = 50;

async function withExportHeapGrowth<T>(run: () => Promise<T>): Promise<T> {
  v8.setFlagsFromString(`--heap-growing-percent=${EXPORT_HEAP_GROWING_PERCENT}`);
  try {
    return await run();
  } finally {
    v8.setFlagsFromString('--heap-growing-percent=0');
  }
}

/**
 * DuckDB ran out of its memory budget or its spill cap in `stage`: the competition is too large
 * for a build. The budget named is the one that stage had.
 */
export function outOfResources(error: unknown, dataDir: string, stage: string): BuildError | undefined {
  const message = error instanceof Error ? error.message : '';
  if (!/Out of Memory Error|max_temp_directory_size/.test(message)) return undefined;
  const within = stage === 'export' ? `whose site is exported within ${EXPORT_MEMORY_LIMIT}` : `that loads and scores within ${DUCKDB_MEMORY_LIMIT}`;
  return new BuildError(stage, [
    {
      file: displayPath(dataDir),
      expected: `a competition ${within} of memory and ${DUCKDB_SPILL_LIMIT} of temporary disk`,
      found: `${message.split('\n')[0]!.slice(0, 200)}; check the competition's dates and periods, lower row_budget, or split the competition`,
    },
  ]);
}

/** Where a build writes its site model, inside its work folder. */
const modelDirIn = (work: string) => path.join(work, 'model');

/**
 * The modules only a build needs past check (the export draws charts with Plot; the search index):
 * `podium validate` never loads them, and a build loads them while load → check wait on DuckDB.
 */
const loadPublishModules = () => Promise.all([import('./export.ts'), import('./search-index.ts')]);

/**
 * `allChanges`: keep every changed row and entity, as `podium diff` prints them. A build keeps
 * what its page lists, with whole counts (the export cuts them, listedChanges): a month of new
 * events at bench size is 173,240 changed rows and 42,000 entities, which would otherwise be held
 * through the entity pages and the render.
 */
async function runStages(options: CheckOptions & { outDir: string; locale?: Locale }, base: string, work: string, { timed, stage }: StageTimer, allChanges = false) {
  const modules = loadPublishModules();
  // A build refused before export never awaits them; their failure then is no one's to report.
  modules.catch(() => undefined);
  return withDuckDb(options.dataDir, work, options.signal, stage, async (db) => {
    const modelDir = modelDirIn(work);
    const publicDir = path.join(work, 'public');
    const exportsDir = path.join(publicDir, 'exports');
    const { competition, calendar, noticeRecord, asOf, findings, notes } = await runChecked(db, { ...options, outputs: [...databaseExports(exportsDir), ...manifestDatabaseFiles(exportsDir, options.outDir)] }, work, timed);
    const previous = previousManifest(path.resolve(options.outDir), competition.config.id, (note) => notes.push(note));
    const publishedVersions = {
      site: previousNoticeVersions(path.resolve(options.outDir), competition, (note) => notes.push(note)),
      siteFile: path.join(options.outDir, 'exports', NOTICE_VERSIONS_FILE),
      record: noticeRecord,
    };
    const [{ exportSite }] = await modules;
    await db.run(`SET memory_limit = '${EXPORT_MEMORY_LIMIT}'`);
    const { site, changes } = await timed('export', () =>
      withExportHeapGrowth(() =>
        exportSite({ db, competition, calendar, asOf, findings, modelDir, exportsDir, publicDir, base, previous, publishedVersions, changesListed: allChanges ? Infinity : CHANGES_LISTED, note: (line) => notes.push(line) }),
      ),
    );
    notes.push(...calendar.yearsWithoutFile().map((year) => `no holiday calendar for ${year} (calendar/cn/${year}.yaml or config holidays): its working days (公示期, working_days_only cadence rules) were counted with weekends only`));
    const configHash = createHash('sha256').update(JSON.stringify(competition.config)).digest('hex');
    return { site, changes, notes, modelDir, publicDir, configHash };
  });
}

const PAGE_CACHE_ROOT = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'podium-pages');
/** Page caches kept: those of the output folders built last (a sample, its other edition, a bench …). */
const KEPT_PAGE_CACHES = 8;

/** Each output folder keeps its own page cache, so builds of other competitions or editions do not evict it. */
export function pageCacheDir(outDir: string): string {
  return path.join(PAGE_CACHE_ROOT, createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 32));
}

/** DuckDB's settings for a build whose work folder is `work` (and for the benchmark's plain-DuckDB floor, which must run alike). */
export function duckDbSettings(work: string): Record<string, string> {
  return {
    threads: String(os.availableParallelism()),
    memory_limit: DUCKDB_MEMORY_LIMIT,
    temp_directory: path.join(work, 'duckdb-spill'),
    max_temp_directory_size: DUCKDB_SPILL_LIMIT,
  };
}

/**
 * DuckDB lives only as long as `use`, so its memory is free before Astro renders. `stage()`: the
 * stage running, named when DuckDB runs out of its budget.
 */
async function withDuckDb<T>(dataDir: string, work: string, signal: AbortSignal | undefined, stage: () => string, use: (db: DuckDBConnection) => Promise<T>): Promise<T> {
  // DuckDB would otherwise take up to 80% of the machine's memory for its buffers; a build shares
  // the machine with Astro's render processes, so it is held to a budget and spills beyond it, up
  // to a cap, so that a runaway competition fails instead of filling the disk.
  const instance = await DuckDBInstance.create(':memory:', duckDbSettings(work));
  const db = await instance.connect();
  // A stopped build does not wait for a long query to end.
  const interrupt = () => db.interrupt();
  signal?.addEventListener('abort', interrupt, { once: true });
  try {
    return await use(db);
  } catch (error) {
    throw outOfResources(error, dataDir, stage()) ?? error;
  } finally {
    signal?.removeEventListener('abort', interrupt);
    db.closeSync();
    instance.closeSync();
  }
}

/** The stages every build and every validation runs: config → load → validate → score → check. */
/** `outputs`: files DuckDB writes after scoring (see scoreCompetition). */
async function runChecked(db: DuckDBConnection, options: CheckOptions & { locale?: Locale; audience?: Audience; outputs?: string[] }, work: string, timed: Timed) {
  const recordNotes: string[] = [];
  const { competition, calendar, noticeRecord } = await timed('config', async () => {
    const read = readCompetition(options.dataDir, options.locale);
    await checkAwardExpressions(read);
    checkNoticeFindings(read);
    const edition = options.audience ? { ...read, config: { ...read.config, audience: options.audience } } : read;
    return {
      competition: edition,
      calendar: readWorkingCalendar(options.dataDir, read.config),
      // Read with the config, so that `podium validate` refuses a malformed record too.
      noticeRecord: readNoticeRecord(edition, (note) => recordNotes.push(note)),
    };
  });
  const loaded = await timed('load', async () => {
    await loadConfigTables(db, competition);
    return loadTables(db, competition, mkdirTemp(work, 'staging'));
  });
  await timed('validate', () => validateTables(db, loaded.files, competition.config.max_errors, redaction(competition.config)));
  const scored = await timed('score', async () => {
    const done = await scoreCompetition(db, competition, options.outputs);
    await validateAgainstLists(db, loaded.files, competition.config.max_errors);
    return done;
  });
  const findings = await timed('check', () => runChecks(db, competition, calendar));
  const asOf = checkedAsOf(options.asOf, scored.asOf);
  return { competition, calendar, noticeRecord, asOf, findings, notes: [...recordNotes, ...loaded.notes, ...scored.notes, ...softCapNotes(competition.config.soft_caps, findings)] };
}

/** `--as-of` may move the site's day past the data, never before it: a notice would then cite records from its future. */
function checkedAsOf(given: string | undefined, dataDate: string): string {
  if (given === undefined) return dataDate;
  if (!IsoDate.safeParse(given).success || given < dataDate) {
    throw new BuildError('config', [{ file: '--as-of', expected: `a date written YYYY-MM-DD, on or after the data date ${dataDate}`, found: shown(given) }]);
  }
  return given;
}

function mkdirTemp(work: string, name: string): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Astro writes the base unescaped into attributes and scripts, so only plain path segments pass:
 * `/x"><script>` would otherwise reach every page, and `..` would point the links elsewhere.
 * Letters are ASCII: Astro matches a page's address against the base as written, so a Chinese
 * base (sent percent-encoded) failed the build with "Missing parameter" on the first paged route.
 */
export function normaliseBase(base = '/'): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  const segments = trimmed.split('/');
  if (segments.some((segment) => !/^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/.test(segment))) {
    throw new BuildError('output', [
      { file: '--base', expected: 'a URL path of ASCII letters, digits, "-", "_", "." and "~" between slashes, such as /podium/2025/', found: shown(base) },
    ]);
  }
  return `/${trimmed}/`;
}

/**
 * The reference the compiled renderer (src/render/) is held to, byte for byte, in the tests:
 * Astro's own static build. Astro runs in child processes, one per core, each rendering its share of the entity and
 * ranking pages (see `ownShare`); the shares are then merged. A child process also keeps a
 * second build from reusing the first one's loaded modules, and Astro's memory apart from
 * DuckDB's. Each child works in its own folder inside the project: Astro keeps its server
 * chunks in `<cwd>/.astro` when the output lies outside the cwd, those chunks must resolve the
 * project's node_modules, and two builds sharing one such folder would collide. The search
 * index is written last, into the merged site.
 */
export async function renderWithAstro(modelDir: string, publicDir: string, siteDir: string, base: string, signal?: AbortSignal): Promise<void> {
  const astro = path.join(PROJECT_ROOT, 'node_modules', 'astro', 'astro.js');
  const shards = Math.max(1, Math.min(os.availableParallelism(), RENDER_PROCESSES));
  const scratch = makeOwnedTemp(PROJECT_ROOT, RENDER_PREFIX);
  const shardOut = (i: number) => `${siteDir}-${i}`;
  try {
    await runTogether(
      Array.from({ length: shards }, (_, i) => async (stop: AbortSignal) => {
        const cwd = path.join(scratch, String(i));
        mkdirSync(cwd);
        const env = {
          ...process.env,
          [MODEL_DIR_ENV]: modelDir,
          [SHARD_ENV]: `${i}/${shards}`,
          PODIUM_OUT_DIR: shardOut(i),
          PODIUM_PUBLIC_DIR: publicDir,
          PODIUM_BASE: base,
          // Per shard, and kept between builds so the dependency optimisation is reused.
          PODIUM_VITE_CACHE_DIR: path.join(PROJECT_ROOT, 'node_modules', '.vite', `render-${i}`),
          ASTRO_TELEMETRY_DISABLED: '1',
          // As the compiled renderer (src/render/compile.ts): the production client bundle always.
          NODE_ENV: 'production',
        };
        try {
          await runProcess(process.execPath, [astro, 'build', '--root', PROJECT_ROOT, '--silent'], { env, cwd, signal: stop });
        } catch (error) {
          if (stop.aborted) throw error;
          const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
          throw renderFailure(shardOut(i), `${stdout}${stderr}`, error);
        }
      }),
      signal,
    );
  } finally {
    removeOwnedTemp(scratch);
  }
  // Pages every share renders (home, findings …) and the assets are identical in each.
  renameSync(shardOut(0), siteDir);
  for (let i = 1; i < shards; i++) cpSync(shardOut(i), siteDir, { recursive: true, force: false });
}
