/**
 * Stage 3, score: the SQL models in sql/, in dependency order — staging types the raw tables,
 * intermediate builds the tree and the ledger, marts hold period scores and standings.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, runSqlFile } from './sql.ts';

export const SCORING_MODELS = [
  'stg_units',
  'stg_staff',
  'stg_events',
  'stg_surveys',
  'stg_checks',
  'stg_inspections',
  'stg_metrics',
  'int_as_of',
  'int_live_periods',
  'int_unit_ancestors',
  'int_entities',
  'int_score_subjects',
  'int_counted_events',
  'int_postings',
  'int_metric_values',
  'int_base_scores',
  'int_source_values',
  'int_composite_parts',
  'int_composite_scores',
  'int_rollup_scores',
  'fct_period_scores',
  'fct_standings',
  'fct_awards',
] as const;

export interface Scored {
  asOf: string;
  /** Cascade steps that found no receiver, worded for the build log. */
  notes: string[];
}

export async function scoreCompetition(db: DuckDBConnection): Promise<Scored> {
  // Rules come from the config and the config could hold expressions one day: from here on the
  // database may not read or write files.
  await db.run("SET enable_external_access = false");
  for (const model of SCORING_MODELS) await runSqlFile(db, model);
  const [{ as_of } = { as_of: '' }] = await queryRows<{ as_of: string }>(db, 'as_of');
  const misses = await queryRows<{ event_id: string; target: string; level_id: string; subject_id: string }>(db, 'cascade_misses');
  const notes = misses.map((m) =>
    m.target === 'head'
      ? `event ${m.event_id}: no head of the ${m.level_id} above ${m.subject_id}; that cascade step moved no score`
      : `event ${m.event_id}: no ${m.level_id} above ${m.subject_id}; that cascade step moved no score`,
  );
  return { asOf: as_of, notes };
}
