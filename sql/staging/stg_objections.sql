SELECT objection_id, as_date(date) AS received_on, award_id, period_id,
       CASE WHEN staff_id IS NULL THEN 'unit' ELSE 'staff' END AS entity_kind, coalesce(staff_id, unit_id) AS entity_id,
       coalesce(summary, '') AS summary, decision, as_date(decided_on) AS decided_on
FROM raw_objections;
