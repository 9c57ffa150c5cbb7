SELECT objection_id, date AS received_on, award_id, period_id,
       CASE WHEN staff_id IS NULL THEN 'unit' ELSE 'staff' END AS entity_kind, coalesce(staff_id, unit_id) AS entity_id,
       summary, decision, decided_on
FROM typed_objections();
