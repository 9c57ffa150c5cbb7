-- Every standing with the names a reader needs, in page order: ranking, period, group, rank.
SELECT s.ranking_id, s.period_id, s.group_id, g.name AS group_name,
       s.entity_kind, s.entity_id, e.name AS entity_name,
       e.parent_unit_id AS parent_id, pu.name AS parent_name,
       s.score::DOUBLE AS score, s.rank, s.rank_from_bottom, s.rank_count, s.previous_rank, s.rank_change, s.target_met
FROM fct_standings s
JOIN cfg_rankings r ON r.ranking_id = s.ranking_id
JOIN cfg_periods p ON p.period_id = s.period_id
JOIN int_entities e ON e.entity_kind = s.entity_kind AND e.entity_id = s.entity_id
LEFT JOIN stg_units g ON g.unit_id = s.group_id
LEFT JOIN stg_units pu ON pu.unit_id = e.parent_unit_id
ORDER BY r.ord, p.ord, s.group_id NULLS FIRST, s.rank, s.entity_kind, s.entity_id;
