/** `signoff` (S3 验收签字): every check of the listed kinds needs a sign-off. */
import { complianceKind } from '../kind.ts';
import { checkSignoff, type SignoffCheck } from './check.ts';
import { Signoff } from './schema.ts';
import { signoffMessages } from './messages.ts';

export const signoff = complianceKind({
  schema: Signoff,
  messages: signoffMessages,
  models: ['check_signoffs'],
  // Check kinds are codes of the checks table, not declared IDs: nothing to look up.
  references() {},
  describe: (rule, words) => ({ key: rule.checks ? 'method.compliance.signoff' : 'method.compliance.signoff.anyCheck', values: { rule: words.label(rule.label), kinds: words.checkKinds(rule.checks) } }),
  check: async (rule, run) => checkSignoff(rule, await run.query<SignoffCheck>('check_signoffs', {}), run.labels),
});
