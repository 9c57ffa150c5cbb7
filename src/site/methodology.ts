/**
 * The methodology page, described from the config: every rule as a catalog key plus the numbers
 * and symbols it uses, so the page reads the same rules in zh-CN and in en.
 */
import type { Competition } from '../config/read.ts';
import { localize } from '../config/text.ts';
import { THRESHOLD_SYMBOL } from '../config/thresholds.ts';
import { configLabels } from '../config/labels.ts';
import type { MethodologyItem, MethodologySection } from './model.ts';
import { describeAwards } from './award-methodology.ts';
import { describeCompliance, describeEventRules, describeScore } from '../rules/index.ts';

/**
 * `unitName`: a unit's name from the units table, for the rules that name units (exemptions);
 * a description from the config alone names them by ID.
 */
export function describeMethodology(competition: Competition, unitName: (id: string) => string = (id) => id): MethodologySection[] {
  const { config, locale } = competition;
  const label = (text: Parameters<typeof localize>[0]) => localize(text, locale);
  const levelLabel = (id: string) => {
    const level = config.org.levels.find((l) => l.id === id);
    return level ? label(level.label) : id;
  };
  const subjectList = (ids: string[]) => ids.map((id) => (id === 'staff' ? label(config.org.staff_label) : levelLabel(id))).join(locale === 'zh-CN' ? '、' : ', ');
  const periodLabel = (id: string) => label(competition.periods.find((p) => p.id === id)?.label ?? id);
  const item = (key: string, values: MethodologyItem['values'] = {}): MethodologyItem => ({ key, values });
  const names = configLabels(competition);
  const separator = locale === 'zh-CN' ? '、' : ', ';
  const checkKinds = (ids: readonly string[] | undefined) => ids?.map(names.checkKind).join(separator) ?? (locale === 'zh-CN' ? '全部类别' : 'all kinds');
  // Kinds stay codes for the page to word (periodKind.*); listed period IDs become their labels.
  const periodSelector = (selectors: readonly string[]) => selectors.map((s) => (competition.periods.some((p) => p.id === s) ? periodLabel(s) : s)).join(',');
  const scoreLabel = (id: string) => label(config.scores.find((s) => s.id === id)?.label ?? id);

  const scoreWords = {
    label,
    subjects: subjectList,
    level: levelLabel,
    unit: unitName,
    metric: (id: string) => label(config.metrics.find((m) => m.id === id)?.label ?? id),
    score: scoreLabel,
    eventType: (id: string) => label(config.event_types.find((t) => t.id === id)?.label ?? id),
    checkKinds,
    join: (parts: readonly string[]) => parts.join(separator),
    topLevel: config.org.levels[0]!.id,
    signoffRule: config.compliance.some((r) => r.kind === 'signoff'),
  };
  const scoreSections = config.scores.map((score): MethodologySection => {
    const items: MethodologyItem[] = describeScore(score, scoreWords);
    // Event types and the survey rule post to a ledger score (src/config/read.ts): their rules follow its own.
    const types = config.event_types.filter((t) => t.score === score.id);
    for (const type of types) {
      const type_ = label(type.label);
      const { points, effect } = type; // a scored type has both (src/config/read.ts)
      if (points && effect) {
        if ('fixed' in points) items.push(item(`method.event.${effect}.fixed`, { type: type_, points: points.fixed }));
        else items.push(item(`method.event.${effect}.range`, { type: type_, min: points.min, max: points.max }));
      }
      if (type.verified_only) items.push(item('method.event.verifiedOnly', { type: type_ }));
      for (const step of type.cascade) {
        if ('unit' in step.to) items.push(item('method.cascade.unit', { type: type_, level: levelLabel(step.to.unit), points: step.points }));
        else items.push(item('method.cascade.head', { type: type_, level: levelLabel(step.to.head_of), points: step.points }));
      }
      if (type.cascade.length > 0) items.push(item('method.cascade.self', { type: type_ }));
      items.push(...describeEventRules(type, type_));
    }
    if (types.some((t) => t.repeat)) items.push(item('method.event.repeat.note'));
    if (types.some((t) => t.repeat?.multiplier !== undefined || t.priority)) items.push(item('method.event.multiplierScope'));
    if (types.some((t) => t.fine)) items.push(item('method.fine.note'));
    if (config.surveys?.score === score.id) items.push(item('method.survey', { ...config.surveys.points }));
    const cap = score.model === 'indicators' ? score.total_cap : score.cap;
    if (score.floor !== undefined) items.push(item('method.score.floor', { score: label(score.label), floor: score.floor }));
    if (cap !== undefined) items.push(item('method.score.cap', { score: label(score.label), cap }));
    return { headingKey: 'method.heading.score', headingValues: { score: label(score.label) }, items };
  });

  // Fine-only types (S5 100元 per conduct breach) move no score: their own section. A type that only
  // a tally counts is described with that tally.
  const fineOnlyItems: MethodologyItem[] = config.event_types
    .filter((t) => t.score === undefined && t.fine !== undefined)
    .flatMap((type) => {
      const type_ = label(type.label);
      return [
        item('method.fineOnly', { type: type_ }),
        ...(type.verified_only ? [item('method.fineOnly.verifiedOnly', { type: type_ })] : []),
        ...describeEventRules(type, type_),
      ];
    });
  if (fineOnlyItems.length > 0) fineOnlyItems.push(item('method.fineOnly.note'));

  const periodItems: MethodologyItem[] = [
    item('method.period.calendar', { kinds: config.periods.calendar.join(', ') }),
    config.closed_through === undefined ? item('method.period.closedByData') : item('method.period.closedThrough', { date: config.closed_through }),
  ];
  for (const p of competition.periods.filter((q) => q.kind !== 'month' && q.kind !== 'quarter')) {
    if (p.combine.length === 0) periodItems.push(item('method.period.span', { period: label(p.label), start: p.start, end: p.end }));
    else {
      const parts = p.combine.map((c) => `${+(c.weight * 100).toFixed(4)}% × ${periodLabel(c.period)}`).join(' + ');
      periodItems.push(item('method.period.combine', { period: label(p.label), parts }));
    }
    for (const task of p.tasks) periodItems.push(item('method.period.task', { period: label(p.label), task: label(task.label), date: task.due }));
    for (const t of p.targets) {
      const score = config.scores.find((s) => s.id === t.score);
      const values = { period: label(p.label), score: score ? label(score.label) : t.score, op: THRESHOLD_SYMBOL[t.threshold.op], value: t.threshold.value };
      if (!t.where) periodItems.push(item('method.target', values));
      else {
        const attribute = config.org.attributes.find((a) => a.id === t.where?.attribute);
        periodItems.push(item('method.target.where', { ...values, attribute: attribute ? label(attribute.label) : t.where.attribute, equals: t.where.equals }));
      }
    }
  }

  const rankingItems: MethodologyItem[] = config.rankings.map((r) => {
    const score = config.scores.find((s) => s.id === r.score);
    const values = { ranking: label(r.label), subject: subjectList([r.subject]), score: score ? label(score.label) : r.score, order: r.order };
    return r.within ? item('method.ranking.within', { ...values, level: levelLabel(r.within) }) : item('method.ranking.all', values);
  });
  rankingItems.push(item('method.ranking.ties'), item('method.ranking.change'));

  const awardItems = describeAwards(competition);

  const words = { label, level: levelLabel, score: scoreLabel, checkKinds, periods: periodSelector, topLevel: config.org.levels[0]!.id };
  const complianceItems: MethodologyItem[] = config.compliance.flatMap((rule) => describeCompliance(rule, words));
  if (complianceItems.length > 0) complianceItems.push(item('method.compliance.note'));

  const appealItems = config.tables.appeals ? ['upheld', 'adjusted', 'rejected', 'one', 'late'].map((k) => item(`method.appeal.${k}`)) : [];

  return [
    ...scoreSections,
    ...(fineOnlyItems.length > 0 ? [{ headingKey: 'method.heading.fineOnly', headingValues: {}, items: fineOnlyItems }] : []),
    ...(appealItems.length > 0 ? [{ headingKey: 'method.heading.appeals', headingValues: {}, items: appealItems }] : []),
    { headingKey: 'method.heading.periods', headingValues: {}, items: periodItems },
    { headingKey: 'method.heading.rankings', headingValues: {}, items: rankingItems },
    ...(awardItems.length > 0 ? [{ headingKey: 'method.heading.awards', headingValues: {}, items: awardItems }] : []),
    ...(complianceItems.length > 0 ? [{ headingKey: 'method.heading.compliance', headingValues: {}, items: complianceItems }] : []),
    { headingKey: 'method.heading.audit', headingValues: {}, items: [item('method.audit')] },
  ];
}
