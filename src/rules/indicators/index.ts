/** `indicators` (S10): weighted indicators, each scaled, a peer ratio, a two-part ratio or a deduction; the total sums their points. */
import { z } from 'zod';
import { Id, Num, Subject, Text } from '../../config/atoms.ts';
import { scoreKind, type ConfigRow, type RuleText, type ScoreWords, type TableRow } from '../kind.ts';
import { needBounds } from '../references.ts';
import { OnNonpositive, Peer, PeriodKindSchema, scoreFloor, Source } from '../score-atoms.ts';
import { peerColumns, sourceKey, sourceLabel, sourceScore } from '../score-sources.ts';
import { indicatorsMessages } from './messages.ts';

const indicatorBase = {
  id: Id,
  label: Text,
  weight: Num().nonnegative(),
  /** Overrides the score's cap for this indicator; `null` leaves it uncapped. */
  cap: Num().positive().nullable().optional(),
  /** The least this indicator scores, a multiple of its weight (`0`: a fall never costs points). */
  floor: Num().optional(),
};
const Indicator = z.discriminatedUnion('kind', [
  /** value / scale × weight (mystery shopper mean / 100 × 20). */
  z.strictObject({ ...indicatorBase, kind: z.literal('scaled'), source: Source, scale: Num().positive().default(100) }),
  /** value / all-units value × weight × factor (30 / 25 × 10 × 0.8 = 9.6). */
  z.strictObject({ ...indicatorBase, kind: z.literal('peer_ratio'), source: Source, peer: Peer, factor: Num().positive().default(0.8), on_nonpositive: OnNonpositive.default('none') }),
  /** (value / all-units value + increment / all-units increment) × weight × factor × share. */
  z.strictObject({
    ...indicatorBase,
    kind: z.literal('two_part_ratio'),
    source: Source,
    peer: Peer,
    increment: Source,
    increment_peer: Peer,
    factor: Num().positive().default(0.8),
    share: Num().positive().default(0.5),
    on_nonpositive: OnNonpositive.default('none'),
  }),
  /**
   * −points per unit of the source (−1 per major responsible complaint); no weight, never capped.
   * `floor` is in points: `-10` deducts at most 10 (扣完为止 for the indicator).
   */
  z.strictObject({ id: Id, label: Text, kind: z.literal('deduction'), source: Source, points: Num().positive(), floor: Num().nonpositive().optional() }),
]);
export type Indicator = z.infer<typeof Indicator>;

/** Weighted indicators (S10): the total is the sum of the indicators' points. */
export const IndicatorsScore = z.strictObject({
  id: Id,
  label: Text,
  ...scoreFloor,
  /** The total's cap in points (`cap` here is the indicators' cap, a multiple of each one's weight). */
  total_cap: Num().optional(),
  model: z.literal('indicators'),
  chart: PeriodKindSchema.default('month'),
  /** Each indicator scores at most cap × its weight (单项指标得分最高得权重分的1.2倍); `null` for no cap. */
  cap: Num().positive().nullable().default(1.2),
  indicators: z.array(Indicator).min(1),
  /** Units (and everything under them) exempt from an indicator (G: Tibet and the 6S rollout). */
  exemptions: z.array(z.strictObject({ indicator: Id, units: z.array(Id).min(1) })).default([]),
  /** `rescale`: the other weighted indicators are scaled up to the full weight; `full`: the exempt indicator scores its weight. */
  exemption_rule: z.enum(['rescale', 'full']).default('rescale'),
  subjects: z.array(Subject).min(1),
});

type IndicatorsScore = z.infer<typeof IndicatorsScore>;

export const indicators = scoreKind({
  schema: IndicatorsScore,
  messages: indicatorsMessages,
  fromRecords: false,
  models: ['int_source_values', 'int_composite_parts'],
  reads: (score) =>
    score.indicators.flatMap((ind, j) => {
      const at = (key: string): PropertyKey[] => ['indicators', j, key];
      const reads = sourceScore(ind.source, at('source'));
      if (ind.kind === 'peer_ratio' || ind.kind === 'two_part_ratio') reads.push(...sourceScore(ind.peer, at('peer')));
      if (ind.kind === 'two_part_ratio') reads.push(...sourceScore(ind.increment, at('increment')), ...sourceScore(ind.increment_peer, at('increment_peer')));
      return reads;
    }),
  references(score, at, refs) {
    needBounds(score.floor, score.total_cap, 'total_cap', at, refs);
    const indicatorIds = score.indicators.map((ind) => ind.id);
    refs.needUnique(indicatorIds, (j) => at('indicators', j, 'id'));
    score.indicators.forEach((ind, j) => {
      refs.needSource(ind.source, at('indicators', j, 'source'), score.subjects);
      if (ind.kind === 'peer_ratio' || ind.kind === 'two_part_ratio') refs.needPeer(ind.peer, at('indicators', j, 'peer'));
      if (ind.kind === 'two_part_ratio') {
        refs.needSource(ind.increment, at('indicators', j, 'increment'), score.subjects);
        refs.needPeer(ind.increment_peer, at('indicators', j, 'increment_peer'));
      }
      if (ind.kind !== 'deduction' && ind.floor !== undefined) {
        const cap = ind.cap === undefined ? score.cap : ind.cap;
        refs.need(cap === null || ind.floor <= cap, at('indicators', j, 'floor'), `a floor ≤ the indicator's cap ${cap}`, String(ind.floor));
      }
    });
    score.exemptions.forEach((e, j) => refs.need(indicatorIds.includes(e.indicator), at('exemptions', j, 'indicator'), `an indicator of this score, ${refs.oneOf(indicatorIds)}`, refs.shown(e.indicator)));
  },
  // `cap` here bounds each indicator; the total's cap is total_cap.
  columns: (score) => ({ cap: score.total_cap ?? null }),
  rows: (score) => [
    { table: 'cfg_composites', row: { score_id: score.id, exemption_rule: score.exemption_rule } },
    ...score.exemptions.flatMap((e) => e.units.map((unit_id) => ({ table: 'cfg_exemptions', row: { score_id: score.id, indicator_id: e.indicator, unit_id } }))),
    ...score.indicators.flatMap((ind, ord) => indicatorRows(score, ind, ord)),
  ],
  describe,
});

/** An indicator's row of cfg_indicators and its terms (term 2 is a two-part ratio's increment). */
function indicatorRows(score: IndicatorsScore, ind: Indicator, ord: number): TableRow[] {
  const indicator = { score_id: score.id, indicator_id: ind.id, ord, kind: ind.kind };
  const term = { score_id: score.id, indicator_id: ind.id, term: 1, source_key: sourceKey(ind.source) };
  const rows = (indicatorRow: ConfigRow, ...terms: ConfigRow[]): TableRow[] => [
    { table: 'cfg_indicators', row: indicatorRow },
    ...terms.map((row) => ({ table: 'cfg_indicator_terms', row })),
  ];
  if (ind.kind === 'deduction') return rows({ ...indicator, weight: 0, floor_points: ind.floor ?? null, points: ind.points }, { ...term, share: 1 });
  // Weighted indicators state their bounds as multiples of their weight; the SQL takes points.
  const cap = ind.cap === undefined ? score.cap : ind.cap;
  const weighted = { ...indicator, weight: ind.weight, floor_points: ind.floor === undefined ? null : ind.floor * ind.weight, cap_points: cap === null ? null : cap * ind.weight };
  if (ind.kind === 'scaled') return rows({ ...weighted, scale: ind.scale, factor: 1 }, { ...term, share: 1 });
  const ratio = { ...weighted, factor: ind.factor, on_nonpositive: ind.on_nonpositive };
  if (ind.kind === 'peer_ratio') return rows(ratio, { ...term, ...peerColumns(ind.peer), share: 1 });
  return rows(
    ratio,
    { ...term, ...peerColumns(ind.peer), share: ind.share },
    { ...term, term: 2, source_key: sourceKey(ind.increment), ...peerColumns(ind.increment_peer), share: ind.share },
  );
}

function describe(score: IndicatorsScore, words: ScoreWords): RuleText[] {
  const subjects = words.subjects(score.subjects);
  const item = (key: string, values: RuleText['values'] = {}): RuleText => ({ key, values });
  const items = [item('method.indicators', { score: words.label(score.label), subjects }), score.cap === null ? item('method.indicators.noCap') : item('method.indicators.cap', { cap: score.cap })];
  const peerItem = (indicator: string, of: string, peer: Peer) =>
    typeof peer === 'string'
      ? item(`method.indicator.peer.${peer}`, { indicator, of, subjects })
      : item('method.indicator.peer.top', { indicator, of, metric: sourceLabel(peer, words), level: words.level(words.topLevel) });
  const weighted = score.indicators.filter((i) => i.kind !== 'deduction');
  const totalWeight = weighted.reduce((sum, i) => sum + i.weight, 0);
  for (const ind of score.indicators) {
    const indicator = words.label(ind.label);
    if (ind.kind === 'deduction') {
      items.push(item('method.indicator.deduction', { indicator, points: ind.points, source: sourceLabel(ind.source, words) }));
      if (ind.floor !== undefined) items.push(item('method.indicator.deduction.floor', { indicator, limit: -ind.floor }));
      continue;
    }
    const base = { indicator, weight: ind.weight, source: sourceLabel(ind.source, words) };
    if (ind.kind === 'scaled') items.push(item('method.indicator.scaled', { ...base, scale: ind.scale }));
    if (ind.kind === 'peer_ratio') items.push(item('method.indicator.peerRatio', { ...base, factor: ind.factor }), peerItem(indicator, base.source, ind.peer));
    if (ind.kind === 'two_part_ratio') {
      const increment = sourceLabel(ind.increment, words);
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
    items.push(item(`method.exemption.${score.exemption_rule}`, { units: words.join(e.units.map(words.unit)), count: e.units.length, indicator: ind ? words.label(ind.label) : e.indicator, weight, total: totalWeight }));
  }
  items.push(item('method.composite.missing'));
  return items;
}
