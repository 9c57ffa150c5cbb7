-- Every value an indicator, rubric item or rollup weight can read, under its source key:
-- 'score:<id>' for a base score, 'metric:<id>:<aggregate>' for a metric over the period. A score
-- is sourced to itself ('score:<id>'): its own records are in its own score_parts rows.
CREATE TABLE int_source_values AS
SELECT 'score:' || score_id AS source_key, period_id, entity_kind, entity_id, score::DOUBLE AS value, ['score:' || score_id] AS source_ids
FROM int_base_scores
UNION ALL
SELECT 'metric:' || metric_id || ':' || aggregate, period_id, entity_kind, entity_id, value, source_ids
FROM int_metric_values;
