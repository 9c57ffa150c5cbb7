-- $staff_rows: whether a person's fine totals publish (see export_score_parts.sql).
SELECT t.period_id, t.entity_kind, t.entity_id, e.name AS entity_name, t.events, t.amount::DOUBLE AS amount
FROM fct_fine_totals t
JOIN int_entities e ON e.entity_kind = t.entity_kind AND e.entity_id = t.entity_id
WHERE t.entity_kind <> 'staff' OR $staff_rows
ORDER BY t.period_ord, t.entity_kind, t.entity_id;
