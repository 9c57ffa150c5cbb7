/**
 * What a rule kind is made of, so that the config schema, the cross-reference checks, the config
 * tables, the methodology page and the check stage can each loop over the registry
 * (src/rules/index.ts) instead of naming every kind. A kind sees the rest of the config only
 * through the narrow views below, and imports nothing from the pipeline or the site.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { z } from 'zod';
import type { Locale, Text } from '../config/atoms.ts';
import type { CheckFinding, Labels } from './finding.ts';
import type { Peer, RatioTerm, Source } from './score-atoms.ts';

/** One row of a cfg_* table (sql/load/load_config_tables.sql): column name → value. */
export type ConfigRow = Record<string, DuckDBValue>;
export interface TableRow {
  table: string;
  row: ConfigRow;
}

/** A methodology sentence: a message catalog key (src/site/i18n) and the values it words. */
export const RuleText = z.strictObject({ key: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])) });
export type RuleText = z.infer<typeof RuleText>;

/**
 * The messages a kind alone uses (its methodology sentences, findings, evidence), in every
 * language, kept in its folder. The registry merges them into the site's catalogs
 * (src/site/i18n), which refuse a key defined twice.
 */
export type KindWords = Record<Locale, Record<string, string>>;

/** A kind's words; the type makes every language give the same keys. */
export const kindWords = <K extends string>(words: Record<Locale, Record<K, string>>): KindWords => words;

/** Where a value sits in competition.yaml. */
export type YamlPath = readonly PropertyKey[];

/** What a kind's cross-reference checks may look up, and how they report a problem. */
export interface References {
  levelIds: readonly string[];
  phaseIds: readonly string[];
  /** Period kinds and period IDs a selector may name. */
  periodKinds: readonly string[];
  periodIds: readonly string[];
  /** The scores in config order. */
  scores: readonly { id: string; subjects: readonly string[] }[];
  scoreById: ReadonlyMap<string, { subjects: readonly string[] }>;
  rankingById: ReadonlyMap<string, { periods: readonly string[] }>;
  attributeIds: readonly string[];
  /** Declared attributes with the type of their values. */
  attributes: readonly { id: string; type: string }[];
  eligibilityIds: readonly string[];
  /** The awards in config order. */
  awardIds: readonly string[];
  /** The IDs of the competition's periods a selector matches, in order. */
  periodsMatching(selectors: readonly string[]): readonly string[];
  /** A problem at `path` unless `ok`. */
  need(ok: boolean, path: YamlPath, expected: string, found: string): void;
  /** `one of "a", "b"`, for `expected`. */
  oneOf(ids: readonly string[]): string;
  /** A config value as a diagnostic quotes it. */
  shown(value: unknown): string;
}

/** Config names in the page's language, for methodology sentences. */
export interface Words {
  label(text: Text): string;
  level(id: string): string;
  score(id: string): string;
  /** Check kinds by their labels, or "all kinds" when the rule names none. */
  checkKinds(ids: readonly string[] | undefined): string;
  /** A period selector: kinds stay codes for the page to word, listed periods become labels. */
  periods(selectors: readonly string[]): string;
  topLevel: string;
}

/** What the check stage hands a kind: its queries, the competition's periods and names. */
export interface CheckRun {
  /** Rows of one of the SQL models the kind lists in `models`. */
  query<T>(model: string, params: Record<string, string | number>): Promise<T[]>;
  /** The competition's periods a selector matches, in order. */
  periods(selectors: readonly string[]): { id: string; start: string; end: string }[];
  /** The spans a rule applies in: its phases (touching ones merged), or the whole competition. */
  windows(during: readonly string[] | undefined): { start: string; end: string }[];
  /** Whether a day (YYYY-MM-DD) is a working day of the holiday calendar (src/config/working-days.ts). */
  isWorkingDay(day: string): boolean;
  labels: Labels;
  topLevel: string;
}

/** A compliance rule kind (`compliance[].kind`): its findings never change a score. */
export interface ComplianceKind<S extends z.ZodObject = z.ZodObject> {
  schema: S;
  /** The SQL queries its check reads (.sql files of its folder): the only ones `CheckRun.query` lets it read. */
  models: readonly string[];
  /** Checks of the IDs it names; `at` turns a key path inside the rule into its YAML path. */
  references(rule: z.infer<S>, at: (...rest: PropertyKey[]) => YamlPath, refs: References): void;
  /** Rows of the config tables the scoring SQL reads, if the kind has any. */
  rows?(rule: z.infer<S>): TableRow[];
  /** The rule in words: one sentence, or several where options add to it. */
  describe(rule: z.infer<S>, words: Words): RuleText | RuleText[];
  check(rule: z.infer<S>, run: CheckRun): Promise<CheckFinding[]>;
  /** The messages its methodology sentence, findings and evidence use (./words.ts). */
  messages?: KindWords;
}

/** The findings of each window or period in turn, in their order. */
export async function findingsOf<T>(spans: readonly T[], find: (span: T) => Promise<CheckFinding[]>): Promise<CheckFinding[]> {
  const findings: CheckFinding[] = [];
  for (const span of spans) findings.push(...(await find(span)));
  return findings;
}

/** Keeps a kind's own rule type while it is written; the registry erases it. */
export const complianceKind = <S extends z.ZodObject>(kind: ComplianceKind<S>): ComplianceKind<S> => kind;

/** A score another score reads, and where in that score's YAML it is named. */
export interface ScoreReference {
  score: string;
  path: readonly PropertyKey[];
}

/** What a score kind's cross-reference checks may look up, beyond `References`. */
export interface ScoreReferences {
  levelIds: readonly string[];
  /** Event types in config order, and whether each has points. */
  eventTypes: readonly { id: string; points?: unknown }[];
  need: References['need'];
  /** `one of "a", "b"`, or that none is declared. */
  oneOf(ids: readonly string[]): string;
  shown: References['shown'];
  needMetric(id: string, at: YamlPath): void;
  /** A score that exists and scores every one of `subjects`. */
  needScore(id: string, at: YamlPath, subjects: readonly string[]): void;
  needSource(source: Source | RatioTerm, at: YamlPath, subjects: readonly string[]): void;
  needPeer(peer: Peer, at: YamlPath): void;
  /** IDs of a list unique ignoring case. */
  needUnique(ids: readonly string[], at: (j: number) => YamlPath): void;
}

export type EventTypeReferences = Pick<ScoreReferences, 'eventTypes' | 'need' | 'oneOf' | 'shown'>;

/** Config names for a score's methodology sentences. */
export interface ScoreWords {
  label(text: Text): string;
  /** Levels or `staff`, by their labels, joined. */
  subjects(ids: readonly string[]): string;
  level(id: string): string;
  /** A unit by its name from the units table (its ID when it has none). */
  unit(id: string): string;
  metric(id: string): string;
  score(id: string): string;
  eventType(id: string): string;
  checkKinds(ids: readonly string[] | undefined): string;
  join(parts: readonly string[]): string;
  topLevel: string;
  /** Whether a compliance rule asks for sign-offs, so the page says how unsigned checks count. */
  signoffRule: boolean;
}

/** A score model (`scores[].model`). */
export interface ScoreKind<S extends z.ZodObject = z.ZodObject> {
  schema: S;
  /** Read from records alone (stage 0); otherwise computed after the scores and metrics it reads. */
  fromRecords: boolean;
  /** The SQL models that compute it. */
  models: readonly string[];
  /** The other scores it reads. */
  reads?(score: z.infer<S>): ScoreReference[];
  references(score: z.infer<S>, at: (...rest: PropertyKey[]) => YamlPath, refs: ScoreReferences): void;
  /** Checks of the event types it names, run after the event types' own checks so that theirs come first. */
  eventTypeReferences?(score: z.infer<S>, at: (...rest: PropertyKey[]) => YamlPath, refs: EventTypeReferences): void;
  /** Its columns of cfg_scores beyond id, model, stage, floor and cap, when it has any. */
  columns?(score: z.infer<S>): ConfigRow;
  /** Rows of its own config tables. */
  rows?(score: z.infer<S>): TableRow[];
  describe(score: z.infer<S>, words: ScoreWords): RuleText[];
  /** The messages its methodology sentences use (./words.ts). */
  messages?: KindWords;
}

export const scoreKind = <S extends z.ZodObject>(kind: ScoreKind<S>): ScoreKind<S> => kind;
