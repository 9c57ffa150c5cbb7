/**
 * Stage 3, score: the SQL models of sql/staging, sql/intermediate and sql/marts in the order the
 * tables they read imply (models.ts) — staging types the raw tables, intermediate builds the tree
 * and the ledger, marts hold period scores, standings and awards.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Competition } from '../config/read.ts';
import { locateInConfig } from '../config/read.ts';
import { rowBudgetExcess } from '../config/periods.ts';
import { awardExpressionFailure, checkAwardAmounts, checkAwardOrders } from './award-expressions.ts';
import { BuildError } from '../config/diagnostics.ts';
import { queryRows } from './sql.ts';
import { brokenContracts, plannedModels, runModels } from './models.ts';
import { scoreStages } from '../config/score-graph.ts';

export interface Scored {
  asOf: string;
  /** Cascade steps that found no receiver, worded for the build log. */
  notes: string[];
}

/** `outputs`: the files the database itself writes or reads after scoring (the Parquet audit trail, the data manifest's rows), the only ones it may still touch. */
export async function scoreCompetition(db: DuckDBConnection, competition: Competition, outputs: readonly string[] = []): Promise<Scored> {
  // Rules come from the config and the config holds expressions: from here on the database may
  // not read or write files, except the named outputs, which no expression can write (an
  // expression is part of a SELECT; only Podium's own COPY writes them).
  await db.run(`SET allowed_paths = [${outputs.map((file) => `'${file.replaceAll("'", "''")}'`).join(', ')}]`);
  await db.run("SET enable_external_access = false");
  await checkRowBudget(db, competition);
  const lastStage = Math.max(...scoreStages(competition.config).values());
  await runModels(db, plannedModels(), {
    loops: {
      'score stage': async () => Array.from({ length: lastStage + 1 }, (_, stage) => ({ stage })),
      // Award by award, so a funnel reads the winners of the awards above it; their order
      // expressions are tried first, so that a failing one is reported at its YAML line.
      award: async () => {
        await checkAwardOrders(db, competition);
        return (await queryRows<{ ord: number }>(db, 'award_ords')).map(({ ord }) => ({ ord }));
      },
    },
    // Award expressions are the competition's own SQL: their failure is the config's, at its line.
    explain: async (model, error, rebuild) => (model === 'int_award_candidates' ? await awardExpressionFailure(db, competition, rebuild) : null) ?? overflow(error, competition),
  });
  await checkAwardAmounts(db, competition);
  await refuseBrokenContracts(db);
  const [{ as_of } = { as_of: '' }] = await queryRows<{ as_of: string }>(db, 'as_of');
  const misses = await queryRows<{ event_id: string; target: string; level_id: string; subject_id: string; reaches_subject: boolean }>(db, 'cascade_misses');
  // A step that reaches the event's own subject is the rule at work (一人一事, README Decisions),
  // said once per step with its events; a step with no one to reach is a gap in the units, per event.
  const ownSubject = new Map<string, string[]>();
  const unreached: string[] = [];
  for (const m of misses) {
    const step = m.target === 'head' ? `head of the ${m.level_id}` : m.level_id;
    if (m.reaches_subject) ownSubject.set(step, [...(ownSubject.get(step) ?? []), m.event_id]);
    else unreached.push(`event ${m.event_id}: no ${step} above ${m.subject_id}; that cascade step moved no score`);
  }
  const notes = [
    ...[...ownSubject].map(([step, events]) => {
      const listed = events.length > 5 ? `${events.slice(0, 5).join(', ')} and ${events.length - 5} more` : events.join(', ');
      return `${events.length} event(s) whose subject is itself the ${step} (${listed}): that cascade step moved no score, as a step never reaches the event's own subject`;
    }),
    ...unreached,
  ];
  for (const empty of await queryRows<{ ranking_id: string; subject: string }>(db, 'rankings_without_subjects')) {
    notes.push(`ranking ${empty.ranking_id}: the data hold no ${empty.subject === 'staff' ? 'staff' : `unit at level ${empty.subject}`} to rank, so it has no page`);
  }
  for (const late of await queryRows<{ source_table: string; records: number; first_date: string }>(db, 'records_after_close')) {
    notes.push(`${late.source_table}: ${late.records} record(s) dated after closed_through ${competition.config.closed_through} (the first on ${late.first_date}) count only in periods that are still provisional`);
  }
  return { asOf: as_of, notes };
}

/**
 * The contract tests beside the models (sql/marts/*.test.sql) run in every build: they cost a few
 * milliseconds, and a broken one is a bug in Podium that must not reach a published page.
 */
async function refuseBrokenContracts(db: DuckDBConnection): Promise<void> {
  const broken = await brokenContracts(db);
  if (broken.length === 0) return;
  const lines = broken.map(({ label, rows }) => `${label}: ${rows.length} row(s) break this contract, the first: ${JSON.stringify(rows[0], (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`);
  throw new Error(`the scores break their contracts:\n${lines.join('\n')}`);
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
