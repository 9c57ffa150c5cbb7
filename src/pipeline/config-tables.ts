/** Writes the resolved config into cfg_* tables (sql/load/load_config_tables.sql) for the scoring SQL. */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { Competition } from '../config/read.ts';
import type { CompetitionConfig, Fine, Peer, RatioTerm, Source } from '../config/schema.ts';
import { scoreStages } from '../config/score-graph.ts';
import { periodMatches } from '../config/periods.ts';
import { runSqlFile } from './sql.ts';
import { awardMacrosSql } from './award-expressions.ts';

export async function loadConfigTables(db: DuckDBConnection, competition: Competition): Promise<void> {
  const { config, periods } = competition;
  await runSqlFile(db, 'load_config_tables');
  const insert = async (table: string, rows: DuckDBValue[][]) => {
    if (rows.length === 0) return;
    const placeholders = rows[0]!.map((_, i) => `$${i + 1}`).join(', ');
    const prepared = await db.prepare(`INSERT INTO ${table} VALUES (${placeholders})`);
    for (const row of rows) {
      prepared.bind(row);
      await prepared.run();
    }
  };
  // Dates go in as 'YYYY-MM-DD' text; DuckDB casts them to the DATE columns.
  await insert('cfg_competition', [[config.start, config.end, config.closed_through ?? null, competition.locale]]);
  await insert('cfg_levels', config.org.levels.map((l, depth) => [l.id, depth]));
  await insert('cfg_periods', periods.map((p) => [p.id, p.kind, p.start, p.end, p.order, p.combine.length > 0]));
  await insert('cfg_period_parts', periods.flatMap((p) => p.combine.map((c) => [p.id, c.period, c.weight])));
  const stages = scoreStages(config);
  await insert(
    'cfg_scores',
    config.scores.map((s) => [
      s.id, s.model, s.model === 'ledger' ? s.base : null, s.model === 'check_average' ? s.aggregate : null,
      stages.get(s.id)!, s.floor ?? null, (s.model === 'indicators' ? s.total_cap : s.cap) ?? null,
    ]),
  );
  await insert('cfg_score_subjects', config.scores.flatMap((s) => s.subjects.map((subject) => [s.id, subject])));
  await insert('cfg_score_check_kinds', config.scores.flatMap((s) => (s.model === 'check_average' ? (s.check_kinds ?? []).map((k) => [s.id, k]) : [])));
  await insert('cfg_scores_excluding_unsigned', config.scores.flatMap((s) => (s.model === 'check_average' && s.unsigned === 'exclude' ? [[s.id]] : [])));
  await insert(
    'cfg_event_types',
    config.event_types.map((t) => [
      t.id,
      // A fine-only type has no score, sign or points (NULLs: it posts nothing).
      t.score ?? null,
      t.effect === undefined ? null : t.effect === 'add' ? 1 : -1,
      t.points && 'fixed' in t.points ? t.points.fixed : null,
      t.points && 'min' in t.points ? t.points.min : null,
      t.points && 'max' in t.points ? t.points.max : null,
      t.verified_only,
    ]),
  );
  await insert(
    'cfg_cascades',
    config.event_types.flatMap((t) =>
      t.cascade.map((step, i) =>
        'unit' in step.to ? [t.id, i + 1, 'unit', step.to.unit, step.points] : [t.id, i + 1, 'head', step.to.head_of, step.points],
      ),
    ),
  );
  await insert(
    'cfg_event_multipliers',
    config.event_types.map((t) => [t.id, t.repeat?.within ?? null, t.repeat?.multiplier ?? null, t.priority?.multiplier ?? null, t.combine_multipliers ?? null]),
  );
  await insert('cfg_fines', config.event_types.flatMap((t) => (t.fine ? [[t.id, ...fineRow(t.fine)]] : [])));
  const tallies = config.scores.flatMap((s) => (s.model === 'event_tally' ? [s] : []));
  await insert('cfg_tallies', tallies.map((s) => [s.id, s.measure, s.amount?.op ?? null, s.amount?.value ?? null]));
  await insert('cfg_tally_types', tallies.flatMap((s) => s.event_types.map((t) => [s.id, t])));
  await insert('cfg_tally_statuses', tallies.flatMap((s) => s.statuses.map((status) => [s.id, status])));
  if (config.surveys) {
    const p = config.surveys.points;
    await insert('cfg_survey_points', [[config.surveys.score, p.satisfied, p.neutral, p.unsatisfied]]);
  }
  await insert('cfg_rankings', config.rankings.map((r, ord) => [r.id, ord, r.score, r.subject, r.within ?? null, r.order === 'desc']));
  await insert(
    'cfg_awards',
    config.awards.map((a, ord) => [
      a.id, ord, a.kind, a.ranking ?? null, a.quota?.places ?? a.places ?? null, a.candidates, a.floor_at_zero, a.round === 'yuan',
      a.order_by ? a.order_by.order === 'desc' : null, a.reached?.op ?? null, a.reached?.value ?? null,
      a.quota?.per && 'level' in a.quota.per ? a.quota.per.level : null, a.quota?.per && 'attribute' in a.quota.per ? a.quota.per.attribute : null,
      a.quota?.share?.fraction ?? null, a.quota?.share?.rounding ?? null, a.quota?.share?.min ?? null, a.competitive,
    ]),
  );
  await insert('cfg_award_periods', config.awards.flatMap((a) => periods.filter((p) => periodMatches([a.period], p)).map((p) => [a.id, p.id])));
  await insert('cfg_award_group_places', config.awards.flatMap((a) => Object.entries(a.quota?.group_places ?? {}).map(([group, places]) => [a.id, group, places])));
  await insert('cfg_award_tie_breaks', config.awards.flatMap((a) => a.tie_breaks.map((t, step) => [a.id, step, t.score, t.order === 'desc'])));
  await insert('cfg_award_funnels', config.awards.flatMap((a) => a.funnel.map((f) => [a.id, f.award, f.times.op, f.times.value])));
  await insert('cfg_award_eligibility', config.awards.flatMap((a) => a.eligibility.map((r) => [a.id, r])));
  await insert(
    'cfg_eligibility',
    config.eligibility.map((r, ord) => {
      if (r.kind === 'score') return [r.id, ord, r.kind, r.score, r.period ?? null, r.scope === 'ancestors', null, r.out_if.op, r.out_if.value, null, null];
      const test = r.out_if;
      const op = 'op' in test ? test.op : 'in' in test ? 'in' : 'not_in';
      return [r.id, ord, r.kind, null, null, false, r.attribute, op, 'value' in test ? test.value : null, 'date' in test ? test.date : null, r.missing === 'out'];
    }),
  );
  await insert('cfg_eligibility_values', config.eligibility.flatMap((r) => (r.kind === 'attribute' ? [...('in' in r.out_if ? r.out_if.in : 'not_in' in r.out_if ? r.out_if.not_in : [])].map((v) => [r.id, v]) : [])));
  for (const statement of awardMacrosSql(config)) await db.run(statement);
  await insert('cfg_ranking_periods', config.rankings.flatMap((r) => periods.filter((p) => periodMatches(r.periods, p)).map((p) => [r.id, p.id])));
  await insert('cfg_targets', periods.flatMap((p) => p.targets.map((t, ord) => [p.id, t.score, t.threshold.op, t.threshold.value, ord, t.where?.attribute ?? null, t.where?.equals ?? null])));
  await insert('cfg_attributes', config.org.attributes.map((a) => [a.id, a.of, a.type, a.required]));
  await insert('cfg_hourly_cadences', config.compliance.flatMap((r) => (r.kind === 'inspection_cadence' && r.per === 'hours' ? [[r.id, r.method, r.level, (r.service_hours.to - r.service_hours.from) / r.hours!]] : [])));
  await insertScoreModels(insert, config);
}

/** kind, fixed, min, max, per_point, repeat_per_point, on_repeat: the columns of cfg_fines. */
function fineRow(fine: Fine): DuckDBValue[] {
  if ('fixed' in fine) return ['fixed', fine.fixed, null, null, null, null, null];
  if ('min' in fine) return ['range', null, fine.min, fine.max, null, null, null];
  return ['per_point', null, null, null, fine.per_point, fine.repeat_per_point ?? null, fine.on_repeat ?? null];
}

type Insert = (table: string, rows: DuckDBValue[][]) => Promise<void>;

/** The key int_source_values gives a value source under. */
const sourceKey = (source: Source): string => ('score' in source ? `score:${source.score}` : `metric:${source.metric}:${source.aggregate}`);
const peerColumns = (peer: Peer): [string, string | null] => (typeof peer === 'string' ? [peer, null] : ['top', sourceKey(peer)]);
/** A ratio term's source key, and its audit rule (`numerator:<metric>` or `numerator:score:<id>`). */
const ratioTermColumns = (term: RatioTerm, role: 'numerator' | 'denominator'): [string, string] =>
  typeof term === 'string' ? [`metric:${term}:sum`, `${role}:${term}`] : [`score:${term.score}`, `${role}:score:${term.score}`];

/** Metric, ratio, indicators, rubric and rollup scores as rows for int_base/composite/rollup_scores. */
async function insertScoreModels(insert: Insert, config: CompetitionConfig): Promise<void> {
  await insert('cfg_metrics', config.metrics.map((m) => [m.id]));
  const indicators: DuckDBValue[][] = [];
  const terms: DuckDBValue[][] = [];
  for (const score of config.scores) {
    if (score.model === 'metric') await insert('cfg_metric_scores', [[score.id, score.metric, score.aggregate]]);
    if (score.model === 'ratio') {
      await insert('cfg_ratio_scores', [[score.id, ...ratioTermColumns(score.numerator, 'numerator'), ...ratioTermColumns(score.denominator, 'denominator'), score.on_nonpositive, score.scale]]);
    }
    if (score.model === 'rollup') {
      const weightKey = score.weight ? `metric:${score.weight.metric}:${score.weight.aggregate}` : null;
      await insert('cfg_rollups', [[score.id, score.of, score.from, score.aggregate, weightKey]]);
    }
    if (score.model === 'rubric') {
      await insert('cfg_composites', [[score.id, 'rescale']]);
      score.items.forEach((item, ord) => {
        indicators.push([score.id, item.id, ord, 'scaled', item.max, null, item.max, item.max, 1, null, null]);
        terms.push([score.id, item.id, 1, `metric:${item.metric}:${score.aggregate}`, null, null, 1]);
      });
    }
    if (score.model === 'indicators') {
      await insert('cfg_composites', [[score.id, score.exemption_rule]]);
      await insert('cfg_exemptions', score.exemptions.flatMap((e) => e.units.map((unit) => [score.id, e.indicator, unit])));
      score.indicators.forEach((ind, ord) => {
        if (ind.kind === 'deduction') {
          indicators.push([score.id, ind.id, ord, ind.kind, 0, ind.floor ?? null, null, null, null, ind.points, null]);
          terms.push([score.id, ind.id, 1, sourceKey(ind.source), null, null, 1]);
          return;
        }
        // Weighted indicators state their bounds as multiples of their weight; the SQL takes points.
        const cap = ind.cap === undefined ? score.cap : ind.cap;
        const bounds = [ind.floor === undefined ? null : ind.floor * ind.weight, cap === null ? null : cap * ind.weight];
        if (ind.kind === 'scaled') {
          indicators.push([score.id, ind.id, ord, ind.kind, ind.weight, ...bounds, ind.scale, 1, null, null]);
          terms.push([score.id, ind.id, 1, sourceKey(ind.source), null, null, 1]);
        } else if (ind.kind === 'peer_ratio') {
          indicators.push([score.id, ind.id, ord, ind.kind, ind.weight, ...bounds, null, ind.factor, null, ind.on_nonpositive]);
          terms.push([score.id, ind.id, 1, sourceKey(ind.source), ...peerColumns(ind.peer), 1]);
        } else {
          indicators.push([score.id, ind.id, ord, ind.kind, ind.weight, ...bounds, null, ind.factor, null, ind.on_nonpositive]);
          terms.push([score.id, ind.id, 1, sourceKey(ind.source), ...peerColumns(ind.peer), ind.share]);
          terms.push([score.id, ind.id, 2, sourceKey(ind.increment), ...peerColumns(ind.increment_peer), ind.share]);
        }
      });
    }
  }
  await insert('cfg_indicators', indicators);
  await insert('cfg_indicator_terms', terms);
}
