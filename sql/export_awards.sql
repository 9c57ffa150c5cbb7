SELECT a.award_id, a.kind, a.places, a.amount::DOUBLE AS amount, a.period_id, a.ranking_id,
       a.entity_kind, a.entity_id, e.name AS entity_name, e.parent_unit_id AS parent_id, pu.name AS parent_name,
       a.score::DOUBLE AS score, CASE WHEN a.kind = 'award' THEN a.rank ELSE a.rank_from_bottom END AS place, a.rank
FROM fct_awards a
JOIN int_entities e ON e.entity_kind = a.entity_kind AND e.entity_id = a.entity_id
LEFT JOIN stg_units pu ON pu.unit_id = e.parent_unit_id
ORDER BY a.award_ord, place, a.entity_kind, a.entity_id;
