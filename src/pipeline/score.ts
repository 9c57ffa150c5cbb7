/**
 * Stage 3, score: the SQL models in sql/, in dependency order — staging types the raw tables,
 * intermediate builds the tree and the ledger, marts hold period scores and standings.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Competition } from '../config/read.ts';
import { locateInConfig } from '../config/read.ts';
import { rowBudgetExcess } from '../config/periods.ts';
import { awardExpressionFailure, checkAwardAmounts, checkAwardOrders } from './award-expressions.ts';
import { BuildError } from './diagnostics.ts';
import { queryRows, runSqlFile, type SqlParams } from './sql.ts';
import { scoreStages } from '../config/score-graph.ts';

/** Run once per score stage (src/config/score-graph.ts), so that a score reads finished scores of earlier stages. */
const STAGED_MODELS = ['int_composite_parts', 'int_stage_scores'] as const;

export const SCORING_MODELS = [
  'stg_units',
  'stg_staff',
  'stg_events',
  'stg_surveys',
  'stg_checks',
  'stg_inspections',
  'stg_nominations',
  'stg_approvals',
  'stg_attributes',
  'stg_appeals',
  'stg_objections',
  'stg_metrics',
  'int_as_of',
  'int_live_periods',
  'int_unit_ancestors',
  'int_entities',
  'int_score_subjects',
  'int_appealed_events',
  'int_counted_events',
  'int_postings',
  'int_fines',
  'int_counted_checks',
  'int_tally_events',
  'int_tally_parts',
  'int_tally_scores',
  'int_metric_values',
  'int_base_scores',
  'int_source_values',
  'int_scores',
  STAGED_MODELS,
  'int_combined_scores',
  'fct_period_scores',
  'fct_score_parts',
  'fct_fine_totals',
  'fct_standings',
  'int_award_inputs',
  'int_award_candidates',
  'int_award_exclusions',
  'fct_awards',
] as const;

/** The public edition's redaction runs once the tables are staged and before anything reads them. */
const FIRST_AFTER_STAGING: (typeof SCORING_MODELS)[number] = 'int_as_of';

export interface Scored {
  asOf: string;
  /** Cascade steps that found no receiver, worded for the build log. */
  notes: string[];
}

export async function scoreCompetition(db: DuckDBConnection, competition: Competition): Promise<Scored> {
  // Rules come from the config and the config holds expressions: from here on the database may
  // not read or write files.
  await db.run("SET enable_external_access = false");
  await checkRowBudget(db, competition);
  const run = (model: string, params?: SqlParams) =>
    runSqlFile(db, model, params).catch(async (error: unknown) => {
      // Award expressions are the competition's own SQL: their failure is the config's, at its line.
      throw (model === 'int_award_candidates' ? await awardExpressionFailure(db, competition) : null) ?? overflow(error, competition) ?? error;
    });
  const lastStage = Math.max(...scoreStages(competition.config).values());
  for (const model of SCORING_MODELS) {
    if (model === FIRST_AFTER_STAGING && competition.config.audience === 'public') {
      await runSqlFile(db, 'redact_public', { names: competition.config.public.staff_names, sources: competition.config.public.event_sources });
    }
    if (typeof model === 'string') await run(model);
    else for (let stage = 0; stage <= lastStage; stage++) for (const staged of STAGED_MODELS) await run(staged, { stage });
  }
  await checkAwardOrders(db, competition);
  // Award by award, so a funnel reads the winners of the awards above it.
  for (const { ord } of await queryRows<{ ord: number }>(db, 'award_ords')) await runSqlFile(db, 'fct_awards_select', { ord });
  await checkAwardAmounts(db, competition);
  const [{ as_of } = { as_of: '' }] = await queryRows<{ as_of: string }>(db, 'as_of');
  const misses = await queryRows<{ event_id: string; target: string; level_id: string; subject_id: string }>(db, 'cascade_misses');
  const notes = misses.map((m) =>
    m.target === 'head'
      ? `event ${m.event_id}: no head of the ${m.level_id} above ${m.subject_id}; that cascade step moved no score`
      : `event ${m.event_id}: no ${m.level_id} above ${m.subject_id}; that cascade step moved no score`,
  );
  for (const late of await queryRows<{ source_table: string; records: number; first_date: string }>(db, 'records_after_close')) {
    notes.push(`${late.source_table}: ${late.records} record(s) dated after closed_through ${competition.config.closed_through} (the first on ${late.first_date}) count only in periods that are still provisional`);
  }
  return { asOf: as_of, notes };
}

/**
 * Refuses, before any scoring work, a competition that would lay out more rows than `row_budget`
 * (the config stage has already tested what the config alone says): a year typed wrong would
 * otherwise fill the disk for hours before failing.
 */
async function checkRowBudget(db: DuckDBConnection, competition: Competition): Promise<void> {
  const [counts] = await queryRows<Record<'periods' | 'scored_entities' | 'ranking_pages' | 'ranking_page_links' | 'award_history' | 'cadence_slots', bigint>>(db, 'score_budget');
  const n = (value: bigint | undefined) => Number(value ?? 0n);
  const excess = rowBudgetExcess(competition.config.row_budget, {
    periods: n(counts?.periods),
    scoredEntities: n(counts?.scored_entities),
    rankingPages: n(counts?.ranking_pages),
    rankingPageLinks: n(counts?.ranking_page_links),
    awardHistory: n(counts?.award_history),
    cadenceSlots: n(counts?.cadence_slots),
  });
  if (excess) throw new BuildError('score', [{ ...locateInConfig(competition.dir, ['periods']), field: 'periods', ...excess }]);
}

/**
 * A sum or product too large for the scoring columns (DECIMAL(18, 6), ±10^12), which config
 * bounds cannot rule out for every data set (a metric of 10^11 summed over a year): a diagnostic
 * at the scores, not a stack trace naming an internal file. Any other error is Podium's bug.
 */
function overflow(error: unknown, competition: Competition): BuildError | null {
  const message = error instanceof Error ? error.message : String(error);
  const found = /(Out of Range Error|Conversion Error): ([^\n]*)/.exec(message);
  if (!found) return null;
  return new BuildError('score', [
    {
      ...locateInConfig(competition.dir, ['scores']),
      field: 'scores',
      expected: 'scores, sums and amounts within ±1,000,000,000,000 with at most 6 decimals (smaller values in the data or the config)',
      found: found[2]!,
    },
  ]);
}
