-- The published award lists: winners and the candidates removed by an eligibility rule.
SELECT a.award_id, a.kind, a.period_id, a.entity_kind, a.entity_id, e.name AS entity_name,
       e.parent_unit_id AS parent_id, pu.name AS parent_name, a.quota_group, gu.name AS quota_group_name,
       a.score::DOUBLE AS score, a.rank, a.place, a.places, a.amount::DOUBLE AS amount, a.outcome,
       coalesce(a.tie_overflow, false) AS tie_overflow, coalesce(a.tie_break_decided, false) AS tie_break_decided,
       a.group_candidates
FROM fct_awards a
JOIN int_entities e ON e.entity_kind = a.entity_kind AND e.entity_id = a.entity_id
LEFT JOIN stg_units pu ON pu.unit_id = e.parent_unit_id
LEFT JOIN stg_units gu ON gu.unit_id = a.quota_group
WHERE a.outcome IN ('winner', 'ineligible')
ORDER BY a.award_ord, a.period_id, a.quota_group, a.outcome DESC, a.place, a.rank, a.entity_kind, a.entity_id;
