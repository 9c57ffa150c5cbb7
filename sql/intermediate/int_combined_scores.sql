-- Combined periods (the year carried from its halves, S2): the weighted sum of their parts' scores,
-- kept between the score's floor and cap (score) beside the weighted sum (raw_score). A combined
-- score needs every part: an entity missing from one half has no year score.
WITH part_counts AS (
  SELECT period_id, count(*) AS parts FROM cfg_period_parts GROUP BY period_id
),
combined AS (
  SELECT pp.period_id, s.score_id, s.entity_kind, s.entity_id, round(sum(pp.weight * s.score), 6)::DECIMAL(18, 6) AS score, count(*) AS parts
  FROM cfg_period_parts pp
  JOIN int_live_periods lp ON lp.period_id = pp.period_id
  JOIN int_scores s ON s.period_id = pp.part_id
  GROUP BY pp.period_id, s.score_id, s.entity_kind, s.entity_id
)
SELECT c.period_id, c.score_id, c.entity_kind, c.entity_id, bounded(c.score, s.floor, s.cap) AS score, c.score AS raw_score
FROM combined c
JOIN part_counts pc ON pc.period_id = c.period_id AND pc.parts = c.parts
JOIN cfg_scores s ON s.score_id = c.score_id;
