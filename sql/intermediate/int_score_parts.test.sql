-- Contract: the parts of an additive score add up to the score (a ledger, a tally, a check average,
-- a metric, an indicators or rubric score, and any score of a combined period, floor and cap parts
-- included). A ratio's parts are its numerator and denominator, and a rollup's are its parts'
-- own rows: neither adds up. Offending rows: the score and what its parts sum to.
WITH sums AS (
  SELECT period_id, score_id, entity_kind, entity_id, sum(amount) AS parts_sum
  FROM int_score_parts
  GROUP BY ALL
)
SELECT s.period_id, s.score_id, s.entity_kind, s.entity_id, s.score, p.parts_sum
FROM fct_period_scores s
JOIN cfg_scores c ON c.score_id = s.score_id
JOIN cfg_periods pe ON pe.period_id = s.period_id
LEFT JOIN sums p ON p.period_id = s.period_id AND p.score_id = s.score_id AND p.entity_kind = s.entity_kind AND p.entity_id = s.entity_id
WHERE (pe.combined OR c.model IN ('ledger', 'event_tally', 'check_average', 'metric', 'indicators', 'rubric'))
  -- No parts sum to zero (a tally that counted nothing).
  AND abs(coalesce(p.parts_sum, 0) - s.score::DOUBLE) > 1e-6;
