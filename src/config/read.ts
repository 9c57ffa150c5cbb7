/**
 * Reads competition.yaml: YAML with line numbers → zod schema → cross-reference checks →
 * a resolved Competition with its calendar periods laid out. Every error points at a YAML line.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isCollection, isMap, isNode, isScalar, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { BuildError, displayPath, shown, type Diagnostic } from './diagnostics.ts';
import { readUtf8Text } from './encoding.ts';
import { checkFile } from './paths.ts';
import { CompetitionConfig, NUMBER_PLACEHOLDERS, OPENING_PLACEHOLDERS, type Locale } from './schema.ts';
import type { Peer, RatioTerm, Source } from '../rules/score-atoms.ts';
import { scoreCycle, scoreStages } from './score-graph.ts';
import { calendarPeriods, PeriodKind, periodMatches, resolvePeriods, rowBudgetExcess, spanPeriods, type ResolvedPeriod } from './periods.ts';
import { TABLES } from './tables.ts';
import { awardReferences, complianceReferences, eligibilityReferences, eventTypeReferences, eventTypeRuleReferences, needPeriods, scoreEventTypeReferences, scoreReferences } from '../rules/index.ts';
import type { References, ScoreReferences, YamlPath } from '../rules/kind.ts';
import type { EventTypeLookups } from '../rules/event-types/index.ts';

export const CONFIG_FILE = 'competition.yaml';

export interface Competition {
  dir: string;
  config: CompetitionConfig;
  locale: Locale;
  periods: ResolvedPeriod[];
}

export function readCompetition(dir: string, localeOverride?: Locale): Competition {
  const file = path.join(dir, CONFIG_FILE);
  const shownFile = displayPath(file);
  if (!existsSync(file)) {
    throw new BuildError('config', [
      { file: shownFile, expected: `a ${CONFIG_FILE} in the competition folder`, found: 'no such file' },
    ]);
  }
  // Like a table: a FIFO or /dev/zero would hang the build, a link to /etc/passwd echo it.
  const checked = checkFile(file, realpathSync(dir));
  if ('found' in checked) {
    throw new BuildError('config', [{ file: shownFile, expected: `${CONFIG_FILE} as a regular file inside the competition folder`, found: checked.found }]);
  }
  const source = readUtf8Text(checked.real, shownFile, 'config');
  const { doc, lineCounter, raw } = parseYaml(source, shownFile);
  const locate = locator(doc, lineCounter);

  const parsed = CompetitionConfig.safeParse(raw);
  if (!parsed.success) {
    throw new BuildError(
      'config',
      parsed.error.issues.map((issue) => issueToDiagnostic(issue, shownFile, locate, raw)),
    );
  }
  const writtenCharts = writtenChartScores(raw);
  const problems = crossReferenceProblems(parsed.data, writtenCharts);
  if (problems.length > 0) {
    throw new BuildError(
      'config',
      problems.map((p) => ({ file: shownFile, ...locate(p.path), field: p.path.join('.'), expected: p.expected, found: p.found })),
    );
  }
  const config = withChartKinds(parsed.data, writtenCharts);
  return { dir, config, locale: localeOverride ?? config.locale, periods: resolvePeriods(config) };
}

/** The period kinds the competition has periods of: its calendar's and its listed periods'. */
const competitionKinds = (c: CompetitionConfig): Set<PeriodKind> => new Set([...c.periods.calendar, ...c.periods.list.map((p) => p.kind)]);

/** The IDs of the scores whose `chart` the file writes (the others take their model's default). */
function writtenChartScores(raw: unknown): Set<string> {
  const scores = (raw as { scores?: unknown }).scores;
  const written = (s: unknown): s is { id: string } => typeof s === 'object' && s !== null && 'chart' in s && 'id' in s;
  return new Set(Array.isArray(scores) ? scores.filter(written).map((s) => s.id) : []);
}

/**
 * A score's default chart kind (month; quarter for check averages) the competition has no periods
 * of becomes its first kind that it has (a quarterly competition charts by quarter): the entity
 * pages would otherwise draw nothing. A written `chart` the competition lacks is refused instead.
 */
function withChartKinds(c: CompetitionConfig, written: ReadonlySet<string>): CompetitionConfig {
  const kinds = competitionKinds(c);
  const first = PeriodKind.options.find((k) => kinds.has(k))!;
  return { ...c, scores: c.scores.map((s) => (written.has(s.id) || kinds.has(s.chart) ? s : { ...s, chart: first })) };
}

/**
 * Another YAML file the build reads (a holiday calendar, or a record of posted notices, which is
 * JSON): parsed, checked against `schema` and then by `check`, each problem refused at its line
 * and column like the config's.
 */
export function readYamlFile<S extends z.ZodType>(file: string, shownFile: string, schema: S, check: (data: z.infer<S>) => Problem[]): z.infer<S> {
  const text = readUtf8Text(file, shownFile, 'config');
  // A file as Podium wrote it (the notice records are its own JSON, copied) is read as JSON, some
  // ten times faster than as YAML. Only when writing the value again gives back the very text:
  // then it has no repeated key, which JSON.parse would take silently and YAML refuses. A file
  // that does not come back, or holds a problem, is read as YAML, which says where.
  const written = asWrittenJson(text);
  if (written !== undefined) {
    const parsed = schema.safeParse(written);
    if (parsed.success && check(parsed.data).length === 0) return parsed.data;
  }
  const { doc, lineCounter, raw } = parseYaml(text, shownFile);
  const locate = locator(doc, lineCounter);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new BuildError('config', parsed.error.issues.map((issue) => issueToDiagnostic(issue, shownFile, locate, raw)));
  const problems = check(parsed.data);
  if (problems.length > 0) {
    throw new BuildError('config', problems.map((p) => ({ file: shownFile, ...locate(p.path), field: p.path.join('.'), expected: p.expected, found: p.found })));
  }
  return parsed.data;
}

/**
 * The value of JSON text that is exactly what `JSON.stringify` writes for it, compact or indented
 * by two spaces (as the sample's records are), with a final newline; undefined otherwise.
 */
function asWrittenJson(text: string): unknown {
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    const writes = [JSON.stringify(value), JSON.stringify(value, null, 2)];
    return writes.some((written) => `${written}\n` === text) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where a config path sits in competition.yaml, for problems found after reading (an award
 * expression DuckDB refused). Reads the file again: this only runs when there is a problem.
 */
export function locateInConfig(dir: string, p: YamlPath): { file: string; line?: number; column?: number } {
  const file = path.join(dir, CONFIG_FILE);
  const lineCounter = new LineCounter();
  const doc = parseDocument(readUtf8Text(file, displayPath(file), 'config'), { lineCounter, uniqueKeys: false });
  return { file: displayPath(file), ...locator(doc, lineCounter)(p) };
}

type Located = { line?: number; column?: number };
/** Where a path sits in the YAML; with `{ key: true }` the key's own position rather than its value's. */
type Locate = (p: YamlPath, at?: { key: boolean }) => Located;

function locator(doc: Document, lineCounter: LineCounter): Locate {
  const position = (offset: number): Located => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const keyOf = (p: YamlPath): Located | null => {
    const parent = p.length === 1 ? doc.contents : doc.getIn(p.slice(0, -1), true);
    if (!isMap(parent)) return null;
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === p.at(-1));
    return isNode(pair?.key) && pair.key.range ? position(pair.key.range[0]) : null;
  };
  return (p, at) => {
    const value = p.length === 0 ? doc.contents : doc.getIn(p, true);
    // A block mapping or list starts on the line below its key; the key is what the reader looks for.
    const block = isCollection(value) && !value.flow;
    if ((at?.key || block) && p.length > 0) {
      const key = keyOf(p);
      if (key) return key;
    }
    // Walk up the path until a node exists: a missing key is reported at its parent.
    for (let depth = p.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(p.slice(0, depth), true);
      if (isNode(node) && node.range) return position(node.range[0]);
    }
    return {};
  };
}

/**
 * At most this many alias expansions: a config needs a handful, an alias bomb (billion laughs)
 * needs millions.
 */
const MAX_ALIAS_COUNT = 100;
/** YAML problems listed at most (max_errors is in the file that could not be read). */
const MAX_YAML_PROBLEMS = 200;

/**
 * The YAML as plain data, or a refusal: syntax errors, duplicate keys, unknown tags, nesting
 * too deep for the parser, a second document, and aliases that do not resolve or explode.
 */
function parseYaml(source: string, shownFile: string): { doc: Document; lineCounter: LineCounter; raw: unknown } {
  const lineCounter = new LineCounter();
  // yaml's own uniqueKeys test compares every key with every other (20,000 keys take 8 s); this
  // one takes a set per mapping.
  const doc = parseDocument(source, { lineCounter, uniqueKeys: false });
  const problems: Diagnostic[] = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = e.linePos?.[0];
    // The message repeats the position at its end ("… at line 6, column 1:"); the diagnostic has it already.
    const found = (e.message.split('\n')[0] ?? e.code).replace(/ at line \d+, column \d+:?$/, '');
    return { file: shownFile, line: pos?.line, column: pos?.col, expected: 'valid YAML', found };
  });
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        const value = isScalar(key) ? key.value : String(key);
        if (seen.has(value)) {
          const pos = isNode(key) && key.range ? lineCounter.linePos(key.range[0]) : undefined;
          problems.push({ file: shownFile, line: pos?.line, column: pos?.col, expected: 'valid YAML, each key once in a mapping', found: `the key ${shown(value)} again` });
        }
        seen.add(value);
      }
    },
  });
  if (problems.length > 0) throw new BuildError('config', problems.slice(0, MAX_YAML_PROBLEMS), Math.max(0, problems.length - MAX_YAML_PROBLEMS));
  try {
    return { doc, lineCounter, raw: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    // yaml throws a ReferenceError for an alias bomb or an alias before its anchor.
    let alias: Located = {};
    visit(doc, {
      Alias(_, node) {
        if (node.range) {
          const pos = lineCounter.linePos(node.range[0]);
          alias = { line: pos.line, column: pos.col };
        }
        return visit.BREAK;
      },
    });
    throw new BuildError('config', [
      {
        file: shownFile,
        ...alias,
        expected: `valid YAML with at most ${MAX_ALIAS_COUNT} alias uses, each after its anchor`,
        found: error instanceof Error ? error.message.split('\n')[0]! : String(error),
      },
    ]);
  }
}

function issueToDiagnostic(
  issue: z.core.$ZodIssue,
  file: string,
  locate: Locate,
  raw: unknown,
): Diagnostic {
  // A value no branch of a union accepts: the branch that got furthest says what is wrong
  // (name.en: 123 is "expected string", not "Invalid input").
  if (issue.code === 'invalid_union') {
    const furthest = issue.errors.flatMap((branch) => branch.slice(0, 1)).sort((a, b) => b.path.length - a.path.length)[0];
    if (furthest) return issueToDiagnostic({ ...furthest, path: [...issue.path, ...furthest.path] }, file, locate, raw);
  }
  const field = issue.path.join('.') || '(top level)';
  const base = { file, ...locate(issue.path), field };
  if (issue.code === 'unrecognized_keys') {
    const keyPath = [...issue.path, issue.keys[0] ?? ''];
    return { ...base, ...locate(keyPath, { key: true }), field: keyPath.join('.'), expected: 'only known keys (see competition.schema.json)', found: `unknown key(s) ${issue.keys.slice(0, 5).map((k) => shown(k)).join(', ')}${issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : ''}` };
  }
  const found = valueAt(raw, issue.path);
  return { ...base, expected: issue.message.replace(/^(Invalid input|Invalid option|Too small|Too big): expected /, ''), found: found === undefined ? 'nothing' : describe(found) };
}

function valueAt(root: unknown, p: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const key of p) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return shown(value);
  if (value instanceof Uint8Array) return 'binary data';
  if (value instanceof Date) return 'a timestamp';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}

/**
 * IDs of a list are unique ignoring case: they name pages and files, and "S1" and "s1" are one
 * file on Windows and macOS.
 */
function needUniqueIds(ids: readonly string[], at: (i: number) => YamlPath, need: (ok: boolean, p: YamlPath, expected: string, found: string) => void): void {
  const first = new Map<string, string>();
  ids.forEach((id, i) => {
    const earlier = first.get(id.toLowerCase());
    need(earlier === undefined, at(i), 'a unique id (ignoring case: IDs name pages and files)', earlier === id ? `"${id}" used twice` : `"${id}" after "${earlier}"`);
    if (earlier === undefined) first.set(id.toLowerCase(), id);
  });
}

/** A text's {placeholders} are among those allowed: an unknown one would be printed as it is on a posted notice. */
function needPlaceholders(text: string, allowed: readonly string[], at: YamlPath, need: (ok: boolean, p: YamlPath, expected: string, found: string) => void): void {
  for (const [placeholder, name] of text.matchAll(/\{([^{}]*)\}/g)) {
    need(allowed.includes(name!), at, `placeholders among ${allowed.map((a) => `{${a}}`).join(', ')}`, `the placeholder ${placeholder} in ${shown(text)}`);
  }
}

export interface Problem {
  path: YamlPath;
  expected: string;
  found: string;
}

/**
 * The competition's calendar: every date inside the date window, periods and tasks inside the
 * competition. Each problem is reported at the date that is wrong. Everything else is laid out
 * on these dates, so other checks only run when they hold: a start typed after the end must
 * not show up as a missing month under some repeat rule.
 */
function calendarProblems(c: CompetitionConfig): Problem[] {
  const problems: Problem[] = [];
  const need = (ok: boolean, p: YamlPath, expected: string, found: string) => {
    if (!ok) problems.push({ path: p, expected, found });
  };
  const { from, to } = c.date_window;
  need(from <= to, ['date_window', 'to'], `a date on or after date_window.from ${from}`, shown(to));
  const inWindow = (date: string, p: YamlPath) =>
    need(date >= from && date <= to, p, `a date from ${from} to ${to} (date_window; a wider window is a config key)`, shown(date));
  inWindow(c.start, ['start']);
  inWindow(c.end, ['end']);
  if (c.closed_through !== undefined) inWindow(c.closed_through, ['closed_through']);
  c.periods.list.forEach((p, i) => {
    if (!('start' in p)) return;
    inWindow(p.start, ['periods', 'list', i, 'start']);
    inWindow(p.end, ['periods', 'list', i, 'end']);
    p.tasks.forEach((task, j) => inWindow(task.due, ['periods', 'list', i, 'tasks', j, 'due']));
  });
  if (problems.length > 0) return problems;

  need(c.start <= c.end, ['start'], `a start on or before the end ${c.end}`, shown(c.start));
  if (problems.length > 0) return problems;
  const inside = (date: string) => date >= c.start && date <= c.end;
  const span = `a date inside the competition ${c.start} – ${c.end}`;
  if (c.closed_through !== undefined) need(inside(c.closed_through), ['closed_through'], span, shown(c.closed_through));
  c.periods.list.forEach((p, i) => {
    if (!('start' in p)) return;
    const at = (...rest: PropertyKey[]): YamlPath => ['periods', 'list', i, ...rest];
    need(inside(p.start), at('start'), span, shown(p.start));
    need(inside(p.end), at('end'), span, shown(p.end));
    need(p.start <= p.end, at('end'), `a date on or after the period's start ${p.start}`, shown(p.end));
    p.tasks.forEach((task, j) => need(inside(task.due), at('tasks', j, 'due'), span, shown(task.due)));
  });
  return problems;
}

/** The checks zod cannot express: IDs that must name something declared elsewhere in the file. */
function crossReferenceProblems(c: CompetitionConfig, writtenCharts: ReadonlySet<string>): Problem[] {
  const calendar = calendarProblems(c);
  if (calendar.length > 0) return calendar;
  // Before the periods are laid out for the checks below, which would take long with too many.
  const competitionPeriods = resolvePeriods(c);
  const pagesPerRanking = c.rankings.map((r) => competitionPeriods.filter((p) => periodMatches(r.periods, p)).length);
  const excess = rowBudgetExcess(c.row_budget, {
    periods: competitionPeriods.length,
    rankingPages: pagesPerRanking.reduce((sum, pages) => sum + pages, 0),
    rankingPageLinks: pagesPerRanking.reduce((sum, pages) => sum + pages * pages, 0),
  });
  if (excess) return [{ path: ['periods'], ...excess }];
  const problems: Problem[] = [];
  const need = (ok: boolean, p: YamlPath, expected: string, found: string) => {
    if (!ok) problems.push({ path: p, expected, found });
  };
  const levelIds = c.org.levels.map((l) => l.id);
  const subjectIds = [...levelIds, 'staff'];
  const scoreById = new Map(c.scores.map((s) => [s.id, s]));
  const listedPeriodIds = c.periods.list.map((p) => p.id);
  const periodIds = [...calendarPeriods(c).map((p) => p.id), ...listedPeriodIds];
  const periodKinds = ['month', 'quarter', 'phase', 'half', 'year', 'custom'];
  const rankingById = new Map(c.rankings.map((r) => [r.id, r]));
  const phaseIds = c.periods.list.filter((p) => p.kind === 'phase').map((p) => p.id);
  const oneOf = (ids: string[]) => `one of ${ids.map((i) => `"${i}"`).join(', ')}`;

  const attributeIds = c.org.attributes.map((a) => a.id);

  c.org.attributes.forEach((a, i) => {
    const columns = TABLES[a.of].columns.map((col) => col.name);
    need(!columns.includes(a.id), ['org', 'attributes', i, 'id'], `a name other than the standard columns of ${a.of}.csv (${columns.join(', ')})`, shown(a.id));
    need(c.org.attributes.findIndex((b) => b.id === a.id && b.of === a.of) === i, ['org', 'attributes', i, 'id'], 'a unique id', `"${a.id}" used twice`);
  });
  for (const [listName, ids] of [
    ['org.levels', levelIds],
    ['scores', c.scores.map((s) => s.id)],
    ['periods.list', listedPeriodIds],
    ['event_types', c.event_types.map((e) => e.id)],
    ['rankings', c.rankings.map((r) => r.id)],
    ['compliance', c.compliance.map((r) => r.id)],
    ['check_kinds', c.check_kinds.map((k) => k.id)],
    ['metrics', c.metrics.map((m) => m.id)],
    ['notices', c.notices.map((n) => n.id)],
  ] as const) {
    needUniqueIds(ids, (i) => [...listName.split('.'), i, 'id'], need);
  }

  c.periods.list.forEach((p, i) => {
    need(!calendarPeriods(c).some((q) => q.id.toLowerCase() === p.id.toLowerCase()), ['periods', 'list', i, 'id'], 'an id unlike the generated calendar periods', shown(p.id));
    if (!('start' in p)) {
      const partIds = spanPeriods(c).map((q) => q.id);
      p.combine.forEach((part, j) => {
        need(partIds.includes(part.period), ['periods', 'list', i, 'combine', j, 'period'], `a period with dates (a generated month or quarter, or a listed one), ${oneOf(partIds)}`, shown(part.period));
      });
    }
    p.targets.forEach((t, j) => {
      need(scoreById.has(t.score), ['periods', 'list', i, 'targets', j, 'score'], oneOf([...scoreById.keys()]), shown(t.score));
      if (t.where) need(attributeIds.includes(t.where.attribute), ['periods', 'list', i, 'targets', j, 'where', 'attribute'], `a declared attribute, ${oneOf(attributeIds)}`, shown(t.where.attribute));
    });
  });

  c.scores.forEach((s, i) =>
    s.subjects.forEach((subj, j) => need(subjectIds.includes(subj), ['scores', i, 'subjects', j], oneOf(subjectIds), shown(subj))),
  );
  const kinds = [...competitionKinds(c)];
  c.scores.forEach((s, i) => {
    if (writtenCharts.has(s.id)) need(kinds.includes(s.chart), ['scores', i, 'chart'], `a period kind this competition has, ${oneOf(kinds)}`, shown(s.chart));
  });

  problems.push(...scoreModelProblems(c));

  const eventTypeLookups: EventTypeLookups = {
    levelIds,
    need,
    oneOf,
    shown,
    scoreById,
    ledgerScoreIds: c.scores.filter((s) => s.model === 'ledger').map((s) => s.id),
    talliedTypes: new Set(c.scores.flatMap((s) => (s.model === 'event_tally' ? s.event_types : []))),
    periodKinds: new Set<string>([...competitionKinds(c), 'competition']),
  };
  c.event_types.forEach((e, i) => eventTypeReferences(e, (...rest) => ['event_types', i, ...rest], eventTypeLookups));
  c.event_types.forEach((e, i) => eventTypeRuleReferences(e, (...rest) => ['event_types', i, ...rest], eventTypeLookups));

  c.scores.forEach((s, i) => scoreEventTypeReferences(s, (...rest) => ['scores', i, ...rest], { eventTypes: c.event_types, need, oneOf, shown }));

  if (c.surveys) {
    need(scoreById.get(c.surveys.score)?.model === 'ledger', ['surveys', 'score'], 'a ledger score', shown(c.surveys.score));
  }

  const awardIds = c.awards.map((a) => a.id);
  const eligibilityIds = c.eligibility.map((r) => r.id);
  const periodsMatching = (selectors: readonly string[]) => competitionPeriods.filter((p) => periodMatches(selectors, p)).map((p) => p.id);
  const refs: References = {
    levelIds, phaseIds, periodKinds, periodIds, scores: c.scores, scoreById, rankingById, attributeIds, attributes: c.org.attributes, eligibilityIds, awardIds, periodsMatching, need, oneOf, shown,
  };

  c.rankings.forEach((r, i) => {
    const score = scoreById.get(r.score);
    need(score !== undefined, ['rankings', i, 'score'], oneOf([...scoreById.keys()]), shown(r.score));
    need(!score || score.subjects.includes(r.subject), ['rankings', i, 'subject'], `a subject of score "${r.score}" (${score?.subjects.join(', ')})`, shown(r.subject));
    if (r.within !== undefined) {
      const allowed = r.subject === 'staff' ? levelIds : levelIds.slice(0, Math.max(0, levelIds.indexOf(r.subject)));
      need(allowed.includes(r.within), ['rankings', i, 'within'], `a level above "${r.subject}", ${oneOf(allowed)}`, shown(r.within));
    }
    needPeriods(r.periods, (j) => ['rankings', i, 'periods', j], refs);
  });

  for (const [listName, ids] of [['awards', awardIds], ['eligibility', eligibilityIds], ['soft_caps', c.soft_caps.map((s) => s.id)]] as const) {
    needUniqueIds(ids, (i) => [listName, i, 'id'], need);
  }
  c.awards.forEach((a, i) => awardReferences(a, i, (...rest) => ['awards', i, ...rest], refs));
  c.eligibility.forEach((r, i) => eligibilityReferences(r, (...rest) => ['eligibility', i, ...rest], refs));
  c.soft_caps.forEach((cap, i) => cap.awards.forEach((a, j) => need(awardIds.includes(a), ['soft_caps', i, 'awards', j], oneOf(awardIds), shown(a))));

  c.notices.forEach((n, i) => {
    n.rankings.forEach((r, j) => need(rankingById.has(r), ['notices', i, 'rankings', j], oneOf([...rankingById.keys()]), shown(r)));
    n.awards.forEach((a, j) => need(c.awards.some((aw) => aw.id === a), ['notices', i, 'awards', j], oneOf(c.awards.map((aw) => aw.id)), shown(a)));
    needPeriods(n.periods, (j) => ['notices', i, 'periods', j], refs);
    if (n.number !== undefined) needPlaceholders(n.number, NUMBER_PLACEHOLDERS, ['notices', i, 'number'], need);
    if (typeof n.opening === 'string') needPlaceholders(n.opening, OPENING_PLACEHOLDERS, ['notices', i, 'opening'], need);
    else for (const [locale, text] of Object.entries(n.opening ?? {})) needPlaceholders(text, OPENING_PLACEHOLDERS, ['notices', i, 'opening', locale], need);
  });
  const staffRankingIds = c.rankings.filter((r) => r.subject === 'staff').map((r) => r.id);
  c.public.staff_rankings?.forEach((r, j) => need(staffRankingIds.includes(r), ['public', 'staff_rankings', j], `a ranking of staff, ${oneOf(staffRankingIds)}`, shown(r)));
  const penaltyIds = c.awards.filter((a) => a.kind === 'penalty').map((a) => a.id);
  c.public.criticism?.forEach((a, j) => need(penaltyIds.includes(a), ['public', 'criticism', j], `a penalty list, ${oneOf(penaltyIds)}`, shown(a)));

  // A notice's page is `<notice id>-<period id>`: notice "a" of period "b-c" and notice "a-b" of
  // period "c" would be one page, and one notice would silently replace the other.
  const noticePages = new Map<string, string>();
  const allPeriods = [...calendarPeriods(c), ...c.periods.list];
  c.notices.forEach((n, i) => {
    for (const period of allPeriods.filter((p) => periodMatches(n.periods, p))) {
      const page = `${n.id}-${period.id}`;
      const other = noticePages.get(page.toLowerCase());
      need(other === undefined, ['notices', i, 'id'], 'a notice ID whose pages (<notice>-<period>) differ from every other notice’s', `page "${page}" again, already notice ${other}`);
      noticePages.set(page.toLowerCase(), `"${n.id}" of period "${period.id}"`);
    }
  });

  c.compliance.forEach((rule, i) => complianceReferences(rule, (...rest) => ['compliance', i, ...rest], refs));
  return problems;
}

/** Each score's kind checks the metrics, scores, event types and levels it names; then the scores must not read each other in a cycle. */
function scoreModelProblems(c: CompetitionConfig): Problem[] {
  const problems: Problem[] = [];
  const need = (ok: boolean, p: YamlPath, expected: string, found: string) => {
    if (!ok) problems.push({ path: p, expected, found });
  };
  const oneOf = (ids: readonly string[]) => (ids.length > 0 ? `one of ${ids.map((i) => `"${i}"`).join(', ')}` : 'a declared id (none declared)');
  const metricIds = c.metrics.map((m) => m.id);
  const levelIds = c.org.levels.map((l) => l.id);
  const needMetric = (id: string, p: YamlPath) => need(metricIds.includes(id), p, `a metric from metrics, ${oneOf(metricIds)}`, shown(id));
  // A score may read any other score; a cycle among them is refused below, at the score that closes it.
  const scoreIds = c.scores.map((s) => s.id);
  // A score read for subjects it does not score would leave the reader without a value, unseen.
  const needScore = (id: string, p: YamlPath, subjects: readonly string[]) => {
    const read = c.scores.find((other) => other.id === id);
    need(read !== undefined, p, `a score, ${oneOf(scoreIds)}`, shown(id));
    const unscored = subjects.filter((subject) => !read?.subjects.includes(subject));
    need(!read || unscored.length === 0, p, `a score of ${subjects.join(', ')} (score "${id}" scores ${read?.subjects.join(', ')})`, shown(id));
  };
  const needSource = (source: Source | RatioTerm, p: YamlPath, subjects: readonly string[]) => {
    if (typeof source === 'string') needMetric(source, p);
    else if ('score' in source) needScore(source.score, [...p, 'score'], subjects);
    else needMetric(source.metric, [...p, 'metric']);
  };
  // 'sum' and 'mean' read the source over every subject; otherwise a metric or score of the top unit.
  const needPeer = (peer: Peer, p: YamlPath) => {
    if (typeof peer !== 'string') needSource(peer, p, levelIds.slice(0, 1));
  };
  const needUnique = (ids: readonly string[], p: (i: number) => YamlPath) => needUniqueIds(ids, p, need);

  const refs: ScoreReferences = { levelIds, eventTypes: c.event_types, need, oneOf, shown, needMetric, needScore, needSource, needPeer, needUnique };
  c.scores.forEach((s, i) => scoreReferences(s, (...rest) => ['scores', i, ...rest], refs));
  if (problems.length > 0) return problems;
  const cycle = scoreCycle(c);
  if (cycle) {
    const reader = c.scores[cycle.index]!.id;
    // around is [first, …, reader, first]: each score reads the next one.
    const reads = cycle.around.slice(0, -1).map((id, k) => `"${id}" reads "${cycle.around[k + 1]}"`);
    const shownReads = reads.length > MAX_CYCLE_STEPS_SHOWN ? [...reads.slice(0, MAX_CYCLE_STEPS_SHOWN - 1), `… ${reads.length - MAX_CYCLE_STEPS_SHOWN} more`, reads.at(-1)!] : reads;
    need(false, ['scores', cycle.index, ...cycle.reference.path], `a score that does not lead back to "${reader}" (scores cannot read each other in a cycle)`, shownReads.join(', '));
    return problems;
  }
  const stages = scoreStages(c);
  const deepest = c.scores.findIndex((s) => stages.get(s.id)! > MAX_SCORE_STAGES);
  if (deepest >= 0) {
    const id = c.scores[deepest]!.id;
    need(false, ['scores', deepest, 'id'], `a score at most ${MAX_SCORE_STAGES} steps of scores reading scores away from the records`, `"${id}" ${stages.get(id)} steps away`);
  }
  return problems;
}

/** Scores read scores read scores …: each step is a pass of the scoring SQL, so the chain is bounded. */
const MAX_SCORE_STAGES = 20;
/** A cycle through thousands of scores is named by its first steps and its last. */
const MAX_CYCLE_STEPS_SHOWN = 6;
