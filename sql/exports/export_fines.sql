-- $staff_rows: whether a person's fines publish (see export_score_parts.sql).
SELECT f.event_id, strftime(f.fined_on, '%Y-%m-%d') AS date, f.type_id, f.entity_kind, f.entity_id, e.name AS entity_name,
       f.fine_kind AS rule, f.points::DOUBLE AS points, f.rate::DOUBLE AS rate, f.multiplier::DOUBLE AS multiplier,
       f.amount::DOUBLE AS amount, f.is_repeat AS repeat, f.priority, coalesce(f.appeal_id, '') AS appeal_id,
       coalesce(f.appeal_decision, '') AS appeal_decision
FROM int_fines f
JOIN int_entities e ON e.entity_kind = f.entity_kind AND e.entity_id = f.entity_id
WHERE f.entity_kind <> 'staff' OR $staff_rows
ORDER BY f.fined_on, f.event_id;
