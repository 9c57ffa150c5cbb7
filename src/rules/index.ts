/**
 * The rule registry: one line per kind. The config schema, the cross-reference checks, the
 * config tables, the methodology page, the check stage and the site's message catalogs loop over
 * it, and the SQL runner finds the .sql files of a kind's folder (src/pipeline/sql.ts); adding a
 * kind is a folder beside these and a line here (README, "Adding a rule kind").
 */
import { z } from 'zod';
import type { CheckFinding } from './finding.ts';
import type { CheckRun, ComplianceKind, ConfigRow, EventTypeReferences, KindWords, References, RuleText, ScoreKind, ScoreReference, ScoreReferences, ScoreWords, TableRow, Words, YamlPath } from './kind.ts';
import { checkAverage } from './check-average/index.ts';
import { eventTally } from './event-tally/index.ts';
import { indicators } from './indicators/index.ts';
import { ledger } from './ledger/index.ts';
import { metric } from './metric/index.ts';
import { ratio } from './ratio/index.ts';
import { rollup } from './rollup/index.ts';
import { rubric } from './rubric/index.ts';
import { coverage } from './coverage/index.ts';
import { inspectionCadence } from './inspection-cadence/index.ts';
import { recheck } from './recheck/index.ts';
import { scoreThreshold } from './score-threshold/index.ts';
import { signoff } from './signoff/index.ts';
import { surveyCount } from './survey-count/index.ts';
import { awardMessages } from './awards/messages.ts';
import { eligibilityMessages } from './eligibility/messages.ts';
import { eventTypeMessages } from './event-types/messages.ts';
import { fineMessages } from './fines/messages.ts';

// Rules that are lists of their own rather than kinds of one list: one module each.
export { awardReferences, awardRows } from './awards/index.ts';
export { describeAward } from './awards/methodology.ts';
export { describeEligibility, eligibilityReferences, eligibilityRows } from './eligibility/index.ts';
export { describeEventRules, eventTypeReferences, eventTypeRows, eventTypeRuleReferences } from './event-types/index.ts';
export { FINE_MODELS } from './fines/index.ts';
export { needPeriods } from './references.ts';

/** The schemas of a list of kinds, as the tuple z.discriminatedUnion takes. */
type SchemasOf<K extends readonly { schema: z.ZodObject }[]> = { -readonly [I in keyof K]: K[I]['schema'] };
const schemasOf = <K extends readonly { schema: z.ZodObject }[]>(kinds: K) => kinds.map((k) => k.schema) as SchemasOf<K>;

/** Each kind by its schema's discriminator value (`model`, `kind`): a parsed rule always has one. */
function byDiscriminator<K extends { schema: z.ZodObject }>(kinds: readonly K[], key: string): (rule: Record<string, unknown>) => K {
  const byValue = new Map(kinds.map((k) => [(k.schema.shape[key] as z.ZodLiteral).value, k]));
  return (rule) => byValue.get(rule[key] as z.core.util.Literal)!;
}

/** `scores[].model`, in the order the JSON schema lists them. */
const SCORE_KINDS = [
  ledger,
  checkAverage,
  eventTally,
  metric,
  ratio,
  indicators,
  rubric,
  rollup,
] as const;

export const Score = z.discriminatedUnion('model', schemasOf(SCORE_KINDS));
export type Score = z.infer<typeof Score>;
const modelOf: (score: Score) => ScoreKind = byDiscriminator<ScoreKind>(SCORE_KINDS, 'model');

/** The SQL models that compute scores of each model. */
export const SCORE_MODELS: ReadonlyMap<string, readonly string[]> = new Map(SCORE_KINDS.map((k) => [k.schema.shape.model.value, k.models]));

export const scoreFromRecords = (score: Score): boolean => modelOf(score).fromRecords;
export const scoreReads = (score: Score): ScoreReference[] => modelOf(score).reads?.(score) ?? [];
export const scoreReferences = (score: Score, at: (...rest: PropertyKey[]) => YamlPath, refs: ScoreReferences): void => modelOf(score).references(score, at, refs);
export const scoreEventTypeReferences = (score: Score, at: (...rest: PropertyKey[]) => YamlPath, refs: EventTypeReferences): void => modelOf(score).eventTypeReferences?.(score, at, refs);
export const scoreColumns = (score: Score): ConfigRow => modelOf(score).columns?.(score) ?? {};
export const scoreRows = (score: Score): TableRow[] => modelOf(score).rows?.(score) ?? [];
export const describeScore = (score: Score, words: ScoreWords): RuleText[] => modelOf(score).describe(score, words);

/** `compliance[].kind`, in the order the JSON schema lists them. */
const COMPLIANCE_KINDS = [
  inspectionCadence,
  surveyCount,
  coverage,
  recheck,
  signoff,
  scoreThreshold,
] as const;

export const ComplianceRule = z.discriminatedUnion('kind', schemasOf(COMPLIANCE_KINDS));
export type ComplianceRule = z.infer<typeof ComplianceRule>;
const kindOf: (rule: ComplianceRule) => ComplianceKind = byDiscriminator<ComplianceKind>(COMPLIANCE_KINDS, 'kind');

/** The SQL models the whole registry reads. */
export const COMPLIANCE_MODELS: readonly string[] = COMPLIANCE_KINDS.flatMap((k) => k.models);

export const complianceReferences = (rule: ComplianceRule, at: (...rest: PropertyKey[]) => YamlPath, refs: References): void => kindOf(rule).references(rule, at, refs);
export const complianceRows = (rule: ComplianceRule): TableRow[] => kindOf(rule).rows?.(rule) ?? [];
export const describeCompliance = (rule: ComplianceRule, words: Words): RuleText[] => [kindOf(rule).describe(rule, words)].flat();

/** The messages the kinds and the rule lists keep in their folders, merged into the site's catalogs (src/site/i18n). */
export const RULE_MESSAGES: readonly { source: string; messages: KindWords }[] = [
  ...SCORE_KINDS.map((kind) => ({ source: `score model "${kind.schema.shape.model.value}"`, messages: kind.messages })),
  ...COMPLIANCE_KINDS.map((kind) => ({ source: `compliance kind "${kind.schema.shape.kind.value}"`, messages: kind.messages })),
  { source: 'src/rules/awards', messages: awardMessages },
  { source: 'src/rules/eligibility', messages: eligibilityMessages },
  { source: 'src/rules/event-types', messages: eventTypeMessages },
  { source: 'src/rules/fines', messages: fineMessages },
].flatMap(({ source, messages }) => (messages ? [{ source, messages }] : []));

/** A rule's findings; its kind may query only the SQL models it lists. */
export function checkCompliance(rule: ComplianceRule, run: CheckRun): Promise<CheckFinding[]> {
  const kind = kindOf(rule);
  return kind.check(rule, {
    ...run,
    query: (model, params) => {
      if (!kind.models.includes(model)) throw new Error(`compliance kind "${rule.kind}" reads the SQL model ${model}, which it does not list in its models`);
      return run.query(model, params);
    },
  });
}
