-- Contract: no entity is missing a period it has data for. Every subject of a score that a
-- counted event, check or metric record reaches in a started span period has that score there
-- (a ledger starts every subject at its base; a tally counts zero). Offending rows: the record
-- and the score it found missing.
-- The periods, scores and entities reached are found first, each once, and only those without a
-- score are traced back to their records: a plain anti-join of distinct keys, instead of probing
-- the scores once per record (at 2,000,000 events that was the score stage's slowest query).
WITH span_periods AS (
  SELECT p.* FROM cfg_periods p, int_as_of WHERE p.start_date <= int_as_of.as_of AND NOT p.combined
),
-- Not materialised: the records are read a second time only when a key is missing.
reached AS NOT MATERIALIZED (
  SELECT p.period_id, po.score_id, po.entity_kind, po.entity_id, po.source_table, po.source_id
  FROM int_postings po JOIN span_periods p ON po.posted_on BETWEEN p.start_date AND p.end_date
  UNION ALL
  SELECT p.period_id, c.score_id, c.entity_kind, c.entity_id, 'checks', c.check_id
  FROM int_counted_checks c JOIN span_periods p ON c.check_date BETWEEN p.start_date AND p.end_date
  UNION ALL
  SELECT p.period_id, t.score_id, t.entity_kind, t.entity_id, 'events', t.event_id
  FROM int_tally_events t JOIN span_periods p ON t.event_date BETWEEN p.start_date AND p.end_date
  UNION ALL
  SELECT v.period_id, ms.score_id, v.entity_kind, v.entity_id, 'metrics', unnest(v.source_ids)
  FROM int_metric_values v JOIN cfg_metric_scores ms ON ms.metric_id = v.metric_id AND ms.aggregate = v.aggregate
),
missing AS (
  SELECT * FROM (SELECT DISTINCT period_id, score_id, entity_kind, entity_id FROM reached)
  SEMI JOIN int_score_subjects USING (score_id, entity_kind, entity_id)
  ANTI JOIN fct_period_scores USING (period_id, score_id, entity_kind, entity_id)
)
SELECT r.*
FROM reached r
SEMI JOIN missing USING (period_id, score_id, entity_kind, entity_id);
