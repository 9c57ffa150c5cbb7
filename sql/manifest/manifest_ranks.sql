-- Every entity's rank per ranking and period, for the data manifest ("what changed").
SELECT ranking_id AS of, period_id, entity_kind || ':' || entity_id AS entity, rank::DOUBLE AS value
FROM fct_standings
ORDER BY ranking_id, period_id, entity_kind, entity_id;
