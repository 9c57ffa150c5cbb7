/**
 * Writes the resolved config into cfg_* tables (sql/load/load_config_tables.sql) for the scoring SQL.
 * Each row is an object inserted by column name, so no list here has to follow the column order
 * of a CREATE TABLE; a column a row does not name stays NULL.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Competition } from '../config/read.ts';
import { scoreStages } from '../config/score-graph.ts';
import { periodMatches } from '../config/periods.ts';
import { runSqlFile } from './sql.ts';
import { defineAwardMacros } from './award-expressions.ts';
import { awardRows, complianceRows, eligibilityRows, eventTypeRows, scoreColumns, scoreRows } from '../rules/index.ts';
import type { ConfigRow, TableRow } from '../rules/kind.ts';

export async function loadConfigTables(db: DuckDBConnection, competition: Competition): Promise<void> {
  const { config, periods } = competition;
  await runSqlFile(db, 'load_config_tables');
  const insert = namedInsert(db);
  // Dates go in as 'YYYY-MM-DD' text; DuckDB casts them to the DATE columns.
  await insert('cfg_competition', [{ start_date: config.start, end_date: config.end, closed_through: config.closed_through ?? null, locale: competition.locale }]);
  await insert('cfg_levels', config.org.levels.map((l, depth) => ({ level_id: l.id, depth })));
  await insert('cfg_periods', periods.map((p) => ({ period_id: p.id, kind: p.kind, start_date: p.start, end_date: p.end, ord: p.order, combined: p.combine.length > 0 })));
  await insert('cfg_period_parts', periods.flatMap((p) => p.combine.map((c) => ({ period_id: p.id, part_id: c.period, weight: c.weight }))));
  const stages = scoreStages(config);
  await insert(
    'cfg_scores',
    config.scores.map((s) => ({ score_id: s.id, model: s.model, stage: stages.get(s.id)!, floor: s.floor ?? null, cap: s.cap ?? null, ...scoreColumns(s) })),
  );
  await insert('cfg_score_subjects', config.scores.flatMap((s) => s.subjects.map((subject) => ({ score_id: s.id, subject }))));
  await insert('cfg_metrics', config.metrics.map((m) => ({ metric_id: m.id })));
  await insertTableRows(insert, config.scores.flatMap(scoreRows));
  await insertTableRows(insert, config.event_types.flatMap(eventTypeRows));
  if (config.surveys) await insert('cfg_survey_points', [{ score_id: config.surveys.score, ...config.surveys.points }]);
  await insert(
    'cfg_rankings',
    config.rankings.map((r, ord) => ({ ranking_id: r.id, ord, score_id: r.score, subject: r.subject, within_level: r.within ?? null, descending: r.order === 'desc' })),
  );
  await insertTableRows(insert, config.awards.flatMap((a, ord) => awardRows(a, ord, (selectors) => periods.filter((p) => periodMatches(selectors, p)).map((p) => p.id))));
  await insertTableRows(insert, config.eligibility.flatMap(eligibilityRows));
  await defineAwardMacros(db, config.awards);
  await insert('cfg_ranking_periods', config.rankings.flatMap((r) => periods.filter((p) => periodMatches(r.periods, p)).map((p) => ({ ranking_id: r.id, period_id: p.id }))));
  await insert(
    'cfg_targets',
    periods.flatMap((p) =>
      p.targets.map((t, ord) => ({ period_id: p.id, score_id: t.score, op: t.threshold.op, value: t.threshold.value, ord, attribute_id: t.where?.attribute ?? null, equals: t.where?.equals ?? null })),
    ),
  );
  await insert('cfg_attributes', config.org.attributes.map((a) => ({ attribute_id: a.id, of_table: a.of, type: a.type, required: a.required })));
  await insertTableRows(insert, config.compliance.flatMap(complianceRows));
}

type Insert = (table: string, rows: ConfigRow[]) => Promise<void>;

/**
 * Inserts rows by column name (`INSERT … BY NAME`): one prepared statement per table over every
 * column some row names; a row binds NULL for a column it leaves out. A misspelt column is
 * DuckDB's error, not a shifted value.
 */
function namedInsert(db: DuckDBConnection): Insert {
  return async (table, rows) => {
    if (rows.length === 0) return;
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    // Column names come from this code, never from the config; values are bound as parameters.
    const prepared = await db.prepare(`INSERT INTO ${table} BY NAME SELECT ${columns.map((column, i) => `$${i + 1} AS ${column}`).join(', ')}`);
    for (const row of rows) {
      prepared.bind(columns.map((column) => row[column] ?? null));
      await prepared.run();
    }
  };
}

/** Rules' rows, each table's in one insert (in the order the rules gave them). */
async function insertTableRows(insert: Insert, rows: TableRow[]): Promise<void> {
  for (const table of new Set(rows.map((r) => r.table))) await insert(table, rows.filter((r) => r.table === table).map((r) => r.row));
}
