/** `coverage`: the share (or number) of a level's units checked or inspected in each period (S4). */
import { THRESHOLD_SYMBOL } from '../../config/thresholds.ts';
import { complianceKind, findingsOf } from '../kind.ts';
import { needLevel, needPeriods } from '../references.ts';
import { checkCoverage, type CoverageUnit } from './check.ts';
import { Coverage } from './schema.ts';
import { coverageMessages } from './messages.ts';

export const coverage = complianceKind({
  schema: Coverage,
  messages: coverageMessages,
  models: ['check_coverage'],
  references(rule, at, refs) {
    needLevel(rule.level, at('level'), refs);
    needPeriods(rule.periods, (j) => at('periods', j), refs);
    refs.need((rule.share === undefined) !== (rule.units === undefined), at(), 'exactly one of share and units', rule.share ? 'both' : 'neither');
    if (rule.within !== undefined) {
      const above = refs.levelIds.slice(0, Math.max(0, refs.levelIds.indexOf(rule.level)));
      refs.need(above.includes(rule.within), at('within'), `a level above "${rule.level}", ${refs.oneOf(above)}`, refs.shown(rule.within));
    }
  },
  describe(rule, words) {
    const threshold = rule.share ?? rule.units!;
    // The unit count reads "≥ 2 outlets", the share "≥ 60% of outlets": one key each, `.units` suffixed.
    const suffix = rule.share ? '' : '.units';
    const values = { rule: words.label(rule.label), during: words.periods(rule.periods), within: words.level(rule.within ?? words.topLevel), level: words.level(rule.level), op: THRESHOLD_SYMBOL[threshold.op], value: threshold.value };
    if ('inspections' in rule.by) return { key: `method.compliance.coverage.inspections${suffix}`, values: { ...values, method: rule.by.inspections } };
    return rule.by.checks ? { key: `method.compliance.coverage.checks${suffix}`, values: { ...values, kinds: words.checkKinds(rule.by.checks) } } : { key: `method.compliance.coverage.anyCheck${suffix}`, values };
  },
  check: (rule, run) =>
    findingsOf(run.periods(rule.periods), async (period) => {
      const units = await run.query<CoverageUnit>('check_coverage', { level: rule.level, within: rule.within ?? run.topLevel, from: period.start, to: period.end });
      return checkCoverage(rule, period, units, run.labels);
    }),
});
