SELECT sp.period_id, sp.score_id, sp.entity_kind, sp.entity_id, sp.rule_id, sp.amount, array_to_string(sp.source_ids, ' ') AS source_ids
FROM fct_score_parts sp
JOIN cfg_periods p ON p.period_id = sp.period_id
ORDER BY p.ord, sp.score_id, sp.entity_kind, sp.entity_id, sp.rule_id;
