/**
 * Methodology items for the metric, ratio, indicators, rubric and rollup score models: their
 * weights, caps, factors, zero-denominator rules and exemptions, as catalog keys plus values.
 */
import type { CompetitionConfig, Peer, RatioTerm, Score, Source, Text } from '../config/schema.ts';
import type { MethodologyItem } from '../site/model.ts';

interface Describe {
  config: CompetitionConfig;
  label: (text: Text) => string;
  subjectList: (ids: string[]) => string;
  levelLabel: (id: string) => string;
  item: (key: string, values?: MethodologyItem['values']) => MethodologyItem;
}

type ModelScore = Exclude<Score, { model: 'ledger' } | { model: 'check_average' } | { model: 'event_tally' }>;

export function describeScoreModel(score: ModelScore, d: Describe): MethodologyItem[] {
  const { config, label, subjectList, item } = d;
  const metricLabel = (id: string) => {
    const metric = config.metrics.find((m) => m.id === id);
    return metric ? label(metric.label) : id;
  };
  const scoreLabel = (id: string) => {
    const other = config.scores.find((s) => s.id === id);
    return other ? label(other.label) : id;
  };
  const sourceLabel = (source: Source | RatioTerm) => (typeof source === 'string' ? metricLabel(source) : 'score' in source ? scoreLabel(source.score) : metricLabel(source.metric));
  const own = { score: label(score.label), subjects: subjectList(score.subjects) };

  switch (score.model) {
    case 'metric':
      return [item(`method.metric.${score.aggregate}`, { ...own, metric: metricLabel(score.metric) })];
    case 'ratio':
      return [
        item('method.ratio', { ...own, numerator: sourceLabel(score.numerator), denominator: sourceLabel(score.denominator) }),
        ...(score.scale === 1 ? [] : [item('method.ratio.scale', { scale: score.scale })]),
        item(`method.ratio.onNonpositive.${score.on_nonpositive}`, { denominator: sourceLabel(score.denominator) }),
      ];
    case 'rubric': {
      const total = score.items.reduce((sum, i) => sum + i.max, 0);
      return [
        item('method.rubric', { ...own, count: score.items.length, total }),
        ...score.items.map((i) => item('method.rubric.item', { item: label(i.label), max: i.max, metric: metricLabel(i.metric) })),
        item(`method.rubric.aggregate.${score.aggregate}`),
        item('method.composite.missing'),
      ];
    }
    case 'rollup':
      return [
        item(`method.rollup.${score.aggregate}`, {
          ...own,
          of: scoreLabel(score.of),
          from: subjectList([score.from]),
          weight: score.weight ? metricLabel(score.weight.metric) : '',
        }),
      ];
    case 'indicators': {
      const items = [item('method.indicators', own), score.cap === null ? item('method.indicators.noCap') : item('method.indicators.cap', { cap: score.cap })];
      const peerItem = (indicator: string, of: string, peer: Peer) =>
        typeof peer === 'string'
          ? item(`method.indicator.peer.${peer}`, { indicator, of, subjects: own.subjects })
          : item('method.indicator.peer.top', { indicator, of, metric: sourceLabel(peer), level: d.levelLabel(config.org.levels[0]!.id) });
      const weighted = score.indicators.filter((i) => i.kind !== 'deduction');
      const totalWeight = weighted.reduce((sum, i) => sum + i.weight, 0);
      for (const ind of score.indicators) {
        const indicator = label(ind.label);
        if (ind.kind === 'deduction') {
          items.push(item('method.indicator.deduction', { indicator, points: ind.points, source: sourceLabel(ind.source) }));
          if (ind.floor !== undefined) items.push(item('method.indicator.deduction.floor', { indicator, limit: -ind.floor }));
          continue;
        }
        const base = { indicator, weight: ind.weight, source: sourceLabel(ind.source) };
        if (ind.kind === 'scaled') items.push(item('method.indicator.scaled', { ...base, scale: ind.scale }));
        if (ind.kind === 'peer_ratio') {
          items.push(item('method.indicator.peerRatio', { ...base, factor: ind.factor }), peerItem(indicator, base.source, ind.peer));
        }
        if (ind.kind === 'two_part_ratio') {
          const increment = sourceLabel(ind.increment);
          items.push(
            item('method.indicator.twoPartRatio', { ...base, increment, factor: ind.factor, share: ind.share }),
            peerItem(indicator, base.source, ind.peer),
            peerItem(indicator, increment, ind.increment_peer),
          );
        }
        if (ind.kind !== 'scaled') items.push(item(`method.indicator.onNonpositive.${ind.on_nonpositive}`, { indicator }));
        if (ind.cap !== undefined) items.push(ind.cap === null ? item('method.indicator.noCap', { indicator }) : item('method.indicator.cap', { indicator, cap: ind.cap }));
        if (ind.floor !== undefined) items.push(item('method.indicator.floor', { indicator, floor: ind.floor }));
      }
      for (const e of score.exemptions) {
        const ind = score.indicators.find((i) => i.id === e.indicator);
        const weight = ind && ind.kind !== 'deduction' ? ind.weight : 0;
        items.push(item(`method.exemption.${score.exemption_rule}`, { units: e.units.join(', '), indicator: ind ? label(ind.label) : e.indicator, weight, total: totalWeight }));
      }
      items.push(item('method.composite.missing'));
      return items;
    }
  }
}
