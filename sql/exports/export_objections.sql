-- Every objection with the candidate it concerns. A public notice says only how many there were
-- and how many are decided; the internal edition lists them (summaries are blank in a public build).
SELECT o.objection_id, strftime(o.received_on, '%Y-%m-%d') AS received_on, o.award_id, o.period_id,
       o.entity_kind, o.entity_id, e.name AS entity_name, o.summary, o.decision,
       strftime(o.decided_on, '%Y-%m-%d') AS decided_on
FROM stg_objections o
JOIN int_entities e ON e.entity_kind = o.entity_kind AND e.entity_id = o.entity_id
ORDER BY o.received_on, o.objection_id;
