-- Every entity's score per score and period, for the data manifest ("what changed").
SELECT score_id AS of, period_id, entity_kind || ':' || entity_id AS entity, score::DOUBLE AS value
FROM fct_period_scores
ORDER BY score_id, period_id, entity_kind, entity_id;
