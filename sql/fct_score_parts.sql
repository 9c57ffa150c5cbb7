-- The audit trail: for each entity, span period, score and rule, the amount it contributed and the
-- sorted IDs of the records behind it. Ledger: 'base' (no records), then one row per event type
-- (the subject's own events and the cascades that reached it) and 'survey'. Check average:
-- 'check_<aggregate>' with the checks it was taken over. Event tally: one row per event type.
-- The parts of a ledger or tally score add up to it.
CREATE TABLE fct_score_parts AS
WITH span_periods AS (
  SELECT p.* FROM cfg_periods p, int_as_of WHERE p.start_date <= int_as_of.as_of AND NOT p.combined
),
ledger_base AS (
  SELECT p.period_id, s.score_id, e.entity_kind, e.entity_id, 'base' AS rule_id, s.base::DOUBLE AS amount, []::VARCHAR[] AS source_ids
  FROM span_periods p
  CROSS JOIN cfg_scores s
  JOIN cfg_score_subjects ss ON ss.score_id = s.score_id
  JOIN int_entities e ON e.subject = ss.subject
  WHERE s.model = 'ledger'
),
ledger_postings AS (
  SELECT p.period_id, po.score_id, po.entity_kind, po.entity_id, po.rule_id, sum(po.points)::DOUBLE AS amount,
         list_sort(list_distinct(list(po.source_id))) AS source_ids
  FROM int_postings po
  JOIN span_periods p ON po.posted_on BETWEEN p.start_date AND p.end_date
  GROUP BY ALL
),
checks AS (
  SELECT p.period_id, c.score_id, 'unit' AS entity_kind, c.unit_id AS entity_id, 'check_' || any_value(c.aggregate) AS rule_id,
         s.score::DOUBLE AS amount, list_sort(list(c.check_id)) AS source_ids
  FROM span_periods p
  JOIN int_counted_checks c ON c.check_date BETWEEN p.start_date AND p.end_date
  JOIN fct_period_scores s ON s.period_id = p.period_id AND s.score_id = c.score_id AND s.entity_kind = 'unit' AND s.entity_id = c.unit_id
  GROUP BY p.period_id, c.score_id, c.unit_id, s.score
)
SELECT * FROM ledger_base
UNION ALL SELECT * FROM ledger_postings
UNION ALL SELECT * FROM checks
UNION ALL SELECT period_id, score_id, entity_kind, entity_id, rule_id, amount, source_ids FROM int_tally_parts;
