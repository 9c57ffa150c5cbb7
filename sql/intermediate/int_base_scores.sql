-- Scores read straight from records (stage 0), per span period, before their floor and cap
-- (int_stage_scores.sql). Ledger: base + the postings dated inside the period. Check average:
-- mean, last or min of the checks int_counted_checks counts. Event tally: int_tally_scores.
-- Metric: the period's sum, mean, last, min or max of a metric.
WITH span_periods AS (
  SELECT * FROM int_live_periods WHERE NOT combined
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
  CROSS JOIN int_score_subjects sb
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
-- A subject with no value of the metric in a period has no score there.
metric AS (
  SELECT v.period_id, sb.score_id, sb.entity_kind, sb.entity_id, v.value AS score
  FROM cfg_metric_scores ms
  JOIN int_score_subjects sb ON sb.score_id = ms.score_id
  JOIN int_metric_values v
    ON v.metric_id = ms.metric_id AND v.aggregate = ms.aggregate
   AND v.entity_kind = sb.entity_kind AND v.entity_id = sb.entity_id
)
SELECT period_id, score_id, entity_kind, entity_id, score::DECIMAL(18, 6) AS score FROM ledger
UNION ALL
SELECT period_id, score_id, entity_kind, entity_id, round(score, 6)::DECIMAL(18, 6) FROM check_average
UNION ALL
SELECT period_id, score_id, entity_kind, entity_id, round(score, 6)::DECIMAL(18, 6) FROM metric
UNION ALL
SELECT period_id, score_id, entity_kind, entity_id, score FROM int_tally_scores;
