/**
 * The methodology page, described from the config: every rule as a catalog key plus the numbers
 * and symbols it uses, so the page reads the same rules in zh-CN and in en.
 */
import type { Competition } from '../config/read.ts';
import { localize } from '../config/text.ts';
import { THRESHOLD_SYMBOL } from '../checks/finding.ts';
import type { MethodologyItem, MethodologySection } from '../site/model.ts';
import { describeScoreModel } from './methodology-score-models.ts';

export function describeMethodology(competition: Competition): MethodologySection[] {
  const { config, locale } = competition;
  const label = (text: Parameters<typeof localize>[0]) => localize(text, locale);
  const levelLabel = (id: string) => {
    const level = config.org.levels.find((l) => l.id === id);
    return level ? label(level.label) : id;
  };
  const subjectList = (ids: string[]) => ids.map((id) => (id === 'staff' ? label(config.org.staff_label) : levelLabel(id))).join(locale === 'zh-CN' ? '、' : ', ');
  const periodLabel = (id: string) => label(competition.periods.find((p) => p.id === id)?.label ?? id);
  const item = (key: string, values: MethodologyItem['values'] = {}): MethodologyItem => ({ key, values });

  const scoreSections = config.scores.map((score): MethodologySection => {
    const items: MethodologyItem[] = [];
    if (score.model === 'ledger') {
      items.push(item('method.ledger', { score: label(score.label), base: score.base, subjects: subjectList(score.subjects) }));
      for (const type of config.event_types.filter((t) => t.score === score.id)) {
        const type_ = label(type.label);
        if ('fixed' in type.points) items.push(item(`method.event.${type.effect}.fixed`, { type: type_, points: type.points.fixed }));
        else items.push(item(`method.event.${type.effect}.range`, { type: type_, min: type.points.min, max: type.points.max }));
        if (type.verified_only) items.push(item('method.event.verifiedOnly', { type: type_ }));
        for (const step of type.cascade) {
          if ('unit' in step.to) items.push(item('method.cascade.unit', { type: type_, level: levelLabel(step.to.unit), points: step.points }));
          else items.push(item('method.cascade.head', { type: type_, level: levelLabel(step.to.head_of), points: step.points }));
        }
      }
      if (config.surveys?.score === score.id) items.push(item('method.survey', { ...config.surveys.points }));
    } else if (score.model === 'check_average') {
      const kinds = score.check_kinds?.join(', ') ?? '*';
      items.push(item(`method.checkAverage.${score.aggregate}`, { score: label(score.label), subjects: subjectList(score.subjects), kinds }));
    } else {
      items.push(...describeScoreModel(score, { config, label, subjectList, levelLabel, item }));
    }
    return { headingKey: 'method.heading.score', headingValues: { score: label(score.label) }, items };
  });

  const periodItems: MethodologyItem[] = [item('method.period.calendar', { kinds: config.periods.calendar.join(', ') })];
  for (const p of competition.periods.filter((q) => q.kind !== 'month' && q.kind !== 'quarter')) {
    if (p.combine.length === 0) periodItems.push(item('method.period.span', { period: label(p.label), start: p.start, end: p.end }));
    else {
      const parts = p.combine.map((c) => `${+(c.weight * 100).toFixed(4)}% × ${periodLabel(c.period)}`).join(' + ');
      periodItems.push(item('method.period.combine', { period: label(p.label), parts }));
    }
    for (const t of p.targets) {
      const score = config.scores.find((s) => s.id === t.score);
      periodItems.push(item('method.target', { period: label(p.label), score: score ? label(score.label) : t.score, op: THRESHOLD_SYMBOL[t.threshold.op], value: t.threshold.value }));
    }
  }

  const rankingItems: MethodologyItem[] = config.rankings.map((r) => {
    const score = config.scores.find((s) => s.id === r.score);
    const values = { ranking: label(r.label), subject: subjectList([r.subject]), score: score ? label(score.label) : r.score, order: r.order };
    return r.within ? item('method.ranking.within', { ...values, level: levelLabel(r.within) }) : item('method.ranking.all', values);
  });
  rankingItems.push(item('method.ranking.ties'), item('method.ranking.change'));

  const awardItems: MethodologyItem[] = config.awards.map((a) => {
    const ranking = config.rankings.find((r) => r.id === a.ranking);
    // An award without money reads as a title only; "0 yuan each" would mislead.
    return item(`method.${a.kind}${a.amount > 0 ? '' : '.noAmount'}`, {
      award: label(a.label),
      places: a.places,
      period: periodLabel(a.period),
      ranking: ranking ? label(ranking.label) : a.ranking,
      amount: a.amount,
    });
  });
  if (awardItems.length > 0) awardItems.push(item('method.award.ties'));

  const complianceItems: MethodologyItem[] = config.compliance.map((rule) =>
    rule.kind === 'inspection_cadence'
      ? item(rule.min_minutes > 0 ? 'method.compliance.inspection' : 'method.compliance.inspection.anyLength', { rule: label(rule.label), level: levelLabel(rule.level), method: rule.method, op: THRESHOLD_SYMBOL[rule.count.op], value: rule.count.value, minMinutes: rule.min_minutes })
      : item('method.compliance.survey', { rule: label(rule.label), level: levelLabel(rule.level), op: THRESHOLD_SYMBOL[rule.respondents.op], value: rule.respondents.value }),
  );
  if (complianceItems.length > 0) complianceItems.push(item('method.compliance.note'));

  return [
    ...scoreSections,
    { headingKey: 'method.heading.periods', headingValues: {}, items: periodItems },
    { headingKey: 'method.heading.rankings', headingValues: {}, items: rankingItems },
    ...(awardItems.length > 0 ? [{ headingKey: 'method.heading.awards', headingValues: {}, items: awardItems }] : []),
    ...(complianceItems.length > 0 ? [{ headingKey: 'method.heading.compliance', headingValues: {}, items: complianceItems }] : []),
  ];
}
