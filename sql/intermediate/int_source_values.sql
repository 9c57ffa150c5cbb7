-- Every value an indicator, ratio, rubric item, peer or rollup weight can read, under its source
-- key: 'metric:<id>:<aggregate>' for a metric over the period, and 'score:<id>' for a score, added
-- by int_stage_scores.sql once its stage is scored. A score is sourced to itself ('score:<id>'):
-- its own records are in its own score_parts rows.
SELECT 'metric:' || metric_id || ':' || aggregate AS source_key, period_id, entity_kind, entity_id, value, source_ids
FROM int_metric_values;
