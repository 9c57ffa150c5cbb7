-- The audit trail: for each entity, span period, score and rule, the amount it contributed and the
-- sorted IDs of the records behind it. Ledger: 'base' (no records), then one row per event type
-- (the subject's own events and the cascades that reached it) and 'survey'. Check average:
-- 'check_<aggregate>' with the checks it was taken over ('last': the last check alone, the one the
-- score is). Event tally: one row per event type. A ratio: its numerator and denominator. A score
-- kept within its floor or cap: a 'floor' or 'cap' row of the difference. The parts of a ledger or
-- tally score add up to it.
-- A combined period (the year = ½ H1 + ½ H2): one row per part period, 'period:<part>', weight ×
-- the part's score, its source the part period (whose own rows hold the records); they add up to it.
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
  SELECT p.period_id, c.score_id, c.entity_kind, c.entity_id, 'check_' || any_value(c.aggregate) AS rule_id,
         s.raw_score::DOUBLE AS amount,
         -- Same order as the score's arg_max in fct_period_scores, so the source is the check the score is.
         CASE any_value(c.aggregate) WHEN 'last' THEN [arg_max(c.check_id, c.check_date || c.check_id)]
              ELSE list_sort(list(c.check_id)) END AS source_ids
  FROM span_periods p
  JOIN int_counted_checks c ON c.check_date BETWEEN p.start_date AND p.end_date
  JOIN int_scores s ON s.period_id = p.period_id AND s.score_id = c.score_id AND s.entity_kind = c.entity_kind AND s.entity_id = c.entity_id
  GROUP BY p.period_id, c.score_id, c.entity_kind, c.entity_id, s.raw_score
),
-- A metric score's value, and a ratio's numerator and denominator sums, with the metric records.
metric_parts AS (
  SELECT v.period_id, ms.score_id, v.entity_kind, v.entity_id, 'metric:' || ms.metric_id AS rule_id, v.value AS amount, v.source_ids
  FROM cfg_metric_scores ms
  JOIN int_metric_values v ON v.metric_id = ms.metric_id AND v.aggregate = ms.aggregate
  JOIN fct_period_scores s ON s.period_id = v.period_id AND s.score_id = ms.score_id AND s.entity_kind = v.entity_kind AND s.entity_id = v.entity_id
  UNION ALL
  SELECT v.period_id, r.score_id, v.entity_kind, v.entity_id, term.rule_id, v.value, v.source_ids
  FROM cfg_ratio_scores r
  CROSS JOIN LATERAL (VALUES (r.numerator_rule, r.numerator_key), (r.denominator_rule, r.denominator_key)) term(rule_id, source_key)
  JOIN int_source_values v ON v.source_key = term.source_key
  JOIN fct_period_scores s ON s.period_id = v.period_id AND s.score_id = r.score_id AND s.entity_kind = v.entity_kind AND s.entity_id = v.entity_id
),
-- What a score's floor or cap took away or added: with it the parts of an additive score add up to the score.
bounds AS (
  SELECT period_id, score_id, entity_kind, entity_id, CASE WHEN score > raw_score THEN 'floor' ELSE 'cap' END AS rule_id,
         (score - raw_score)::DOUBLE AS amount, []::VARCHAR[] AS source_ids
  FROM (SELECT * FROM int_scores UNION ALL SELECT * FROM int_combined_scores)
  WHERE score <> raw_score
),
-- Only combined periods that have a score (it needs all of its parts).
combined_parts AS (
  SELECT pp.period_id, part.score_id, part.entity_kind, part.entity_id, 'period:' || pp.part_id AS rule_id,
         (pp.weight * part.score)::DOUBLE AS amount, [pp.part_id] AS source_ids
  FROM cfg_period_parts pp
  JOIN int_combined_scores whole ON whole.period_id = pp.period_id
  JOIN int_scores part ON part.period_id = pp.part_id AND part.score_id = whole.score_id
   AND part.entity_kind = whole.entity_kind AND part.entity_id = whole.entity_id
)
SELECT * FROM ledger_base
UNION ALL SELECT * FROM ledger_postings
UNION ALL SELECT * FROM checks
UNION ALL SELECT * FROM metric_parts
UNION ALL SELECT period_id, score_id, entity_kind, entity_id, rule_id, amount, source_ids FROM int_composite_parts
UNION ALL SELECT * FROM combined_parts
UNION ALL SELECT * FROM bounds
UNION ALL SELECT period_id, score_id, entity_kind, entity_id, rule_id, amount, source_ids FROM int_tally_parts;
