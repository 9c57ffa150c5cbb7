-- Scores read straight from records (stage 0), per span period, before their floor and cap
-- (int_stage_scores.sql): each the sum of its parts (int_base_parts), since these models are
-- additive. A ledger or event tally scores every subject in every span period (the base alone,
-- or 0, when nothing happened); a check average or metric only where it has a value. Postings for
-- an entity that is not a subject of the score stay in the audit trail and score nothing.
WITH totals AS (
  SELECT period_id, score_id, entity_kind, entity_id, sum(amount) AS score
  FROM int_base_parts
  GROUP BY ALL
),
every_period AS (
  SELECT p.period_id, sb.score_id, sb.entity_kind, sb.entity_id
  FROM int_live_periods p
  CROSS JOIN int_score_subjects sb
  WHERE NOT p.combined AND sb.model IN ('ledger', 'event_tally')
)
SELECT e.period_id, e.score_id, e.entity_kind, e.entity_id, round(coalesce(t.score, 0), 6)::DECIMAL(18, 6) AS score
FROM every_period e
LEFT JOIN totals t USING (period_id, score_id, entity_kind, entity_id)
UNION ALL
SELECT t.period_id, t.score_id, t.entity_kind, t.entity_id, round(t.score, 6)::DECIMAL(18, 6)
FROM totals t
JOIN int_score_subjects sb USING (score_id, entity_kind, entity_id)
WHERE sb.model IN ('check_average', 'metric');
