-- event_tally scores per span period: the sum of their parts by event type; every subject has a
-- score in every live span period, 0 when it had no such event.
WITH span_periods AS (
  SELECT p.* FROM cfg_periods p, int_as_of WHERE p.start_date <= int_as_of.as_of AND NOT p.combined
),
subjects AS (
  SELECT t.score_id, e.entity_kind, e.entity_id
  FROM cfg_tallies t
  JOIN cfg_score_subjects ss ON ss.score_id = t.score_id
  JOIN int_entities e ON e.subject = ss.subject
),
totals AS (
  SELECT period_id, score_id, entity_kind, entity_id, sum(amount) AS score FROM int_tally_parts GROUP BY ALL
)
SELECT p.period_id, sb.score_id, sb.entity_kind, sb.entity_id, round(coalesce(t.score, 0), 6)::DECIMAL(18, 6) AS score
FROM span_periods p
CROSS JOIN subjects sb
LEFT JOIN totals t ON t.period_id = p.period_id AND t.score_id = sb.score_id AND t.entity_kind = sb.entity_kind AND t.entity_id = sb.entity_id;
