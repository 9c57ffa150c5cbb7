/**
 * The rule registry: one line per kind. The config schema, the cross-reference checks, the
 * config tables, the methodology page and the check stage loop over it; adding a kind is a
 * folder beside these and a line here (README, "Adding a rule kind").
 */
import { z } from 'zod';
export { awardReferences, awardRows } from './awards/index.ts';
import type { CheckFinding } from './finding.ts';
import type { CheckRun, ComplianceKind, References, RuleText, TableRow, Words, YamlPath } from './kind.ts';
import { coverage } from './coverage/index.ts';
import { inspectionCadence } from './inspection-cadence/index.ts';
import { recheck } from './recheck/index.ts';
import { scoreThreshold } from './score-threshold/index.ts';
import { signoff } from './signoff/index.ts';
import { surveyCount } from './survey-count/index.ts';

/** `compliance[].kind`, in the order the JSON schema lists them. */
const COMPLIANCE_KINDS = [
  inspectionCadence,
  surveyCount,
  coverage,
  recheck,
  signoff,
  scoreThreshold,
] as const;

type Schemas<K extends readonly ComplianceKind[]> = { -readonly [I in keyof K]: K[I]['schema'] };
export const ComplianceRule = z.discriminatedUnion('kind', COMPLIANCE_KINDS.map((k) => k.schema) as Schemas<typeof COMPLIANCE_KINDS>);
export type ComplianceRule = z.infer<typeof ComplianceRule>;

const byKind = new Map(COMPLIANCE_KINDS.map((k) => [k.schema.shape.kind.value, k as ComplianceKind]));
/** The kind of a parsed rule: the schema's discriminator guarantees there is one. */
const kindOf = (rule: ComplianceRule): ComplianceKind => byKind.get(rule.kind)!;

/** The SQL models the whole registry reads. */
export const COMPLIANCE_MODELS: readonly string[] = COMPLIANCE_KINDS.flatMap((k) => k.models);

export const complianceReferences = (rule: ComplianceRule, at: (...rest: PropertyKey[]) => YamlPath, refs: References): void => kindOf(rule).references(rule, at, refs);
export const complianceRows = (rule: ComplianceRule): TableRow[] => kindOf(rule).rows?.(rule) ?? [];
export const describeCompliance = (rule: ComplianceRule, words: Words): RuleText => kindOf(rule).describe(rule, words);

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
