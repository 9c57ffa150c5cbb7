-- One score per period, score and entity: the span periods' scores from the three layers
-- (int_base_scores → int_composite_scores → int_rollup_scores), and combined periods (the year
-- carried from its halves, S2): the weighted sum of their parts' scores.
CREATE TABLE fct_period_scores AS
WITH span_scores AS (
  SELECT * FROM int_base_scores
  UNION ALL
  SELECT * FROM int_composite_scores
  UNION ALL
  SELECT * FROM int_rollup_scores
),
part_counts AS (
  SELECT period_id, count(*) AS parts FROM cfg_period_parts GROUP BY period_id
),
combined AS (
  SELECT pp.period_id, s.score_id, s.entity_kind, s.entity_id, sum(pp.weight * s.score) AS score, count(*) AS parts
  FROM cfg_period_parts pp
  JOIN int_live_periods lp ON lp.period_id = pp.period_id
  JOIN span_scores s ON s.period_id = pp.part_id
  GROUP BY pp.period_id, s.score_id, s.entity_kind, s.entity_id
)
SELECT * FROM span_scores
UNION ALL
-- A combined score needs every part: an entity missing from one half has no year score.
SELECT c.period_id, c.score_id, c.entity_kind, c.entity_id, round(c.score, 6)::DECIMAL(18, 6)
FROM combined c JOIN part_counts pc ON pc.period_id = c.period_id AND pc.parts = c.parts;
