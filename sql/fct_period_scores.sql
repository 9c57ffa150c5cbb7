-- One score per period, score and entity. Ledger: base + the postings dated inside the period.
-- Check average: mean, last or min of the checks int_counted_checks counts, dated inside it. Event
-- tally: int_tally_scores.
-- Combined periods (the year
-- carried from its halves, S2): the weighted sum of their parts' scores.
CREATE TABLE fct_period_scores AS
WITH live_periods AS (
  SELECT p.* FROM cfg_periods p, int_as_of WHERE p.start_date <= int_as_of.as_of
),
subjects AS (
  SELECT s.score_id, s.model, s.base, e.entity_kind, e.entity_id
  FROM cfg_scores s
  JOIN cfg_score_subjects ss ON ss.score_id = s.score_id
  JOIN int_entities e ON e.subject = ss.subject
),
span_periods AS (
  SELECT * FROM live_periods WHERE NOT combined
),
-- Each posting lands in every period whose dates hold it (a month, its quarter, its phase …).
period_points AS (
  SELECT p.period_id, po.score_id, po.entity_kind, po.entity_id, sum(po.points) AS points
  FROM int_postings po
  JOIN span_periods p ON po.posted_on BETWEEN p.start_date AND p.end_date
  GROUP BY ALL
),
-- Every subject has a score in every period, the base alone when nothing happened.
ledger AS (
  SELECT p.period_id, sb.score_id, sb.entity_kind, sb.entity_id, sb.base + coalesce(pp.points, 0) AS score
  FROM span_periods p
  CROSS JOIN subjects sb
  LEFT JOIN period_points pp
    ON pp.period_id = p.period_id AND pp.score_id = sb.score_id
   AND pp.entity_kind = sb.entity_kind AND pp.entity_id = sb.entity_id
  WHERE sb.model = 'ledger'
),
check_average AS (
  SELECT p.period_id, c.score_id, c.entity_kind, c.entity_id,
         CASE any_value(c.aggregate)
           WHEN 'mean' THEN avg(c.score)
           WHEN 'min' THEN min(c.score)
           ELSE arg_max(c.score, c.check_date || c.check_id)
         END AS score
  FROM span_periods p
  JOIN int_counted_checks c ON c.check_date BETWEEN p.start_date AND p.end_date
  GROUP BY p.period_id, c.score_id, c.entity_kind, c.entity_id
),
span_scores AS (
  SELECT period_id, score_id, entity_kind, entity_id, score::DECIMAL(18, 6) AS score FROM ledger
  UNION ALL
  SELECT period_id, score_id, entity_kind, entity_id, round(score, 6)::DECIMAL(18, 6) FROM check_average
  UNION ALL
  SELECT period_id, score_id, entity_kind, entity_id, score FROM int_tally_scores
),
part_counts AS (
  SELECT period_id, count(*) AS parts FROM cfg_period_parts GROUP BY period_id
),
combined AS (
  SELECT pp.period_id, s.score_id, s.entity_kind, s.entity_id, sum(pp.weight * s.score) AS score, count(*) AS parts
  FROM cfg_period_parts pp
  JOIN live_periods lp ON lp.period_id = pp.period_id
  JOIN span_scores s ON s.period_id = pp.part_id
  GROUP BY pp.period_id, s.score_id, s.entity_kind, s.entity_id
)
SELECT * FROM span_scores
UNION ALL
-- A combined score needs every part: an entity missing from one half has no year score.
SELECT c.period_id, c.score_id, c.entity_kind, c.entity_id, round(c.score, 6)::DECIMAL(18, 6)
FROM combined c JOIN part_counts pc ON pc.period_id = c.period_id AND pc.parts = c.parts;
