SELECT nomination_id, date AS nomination_date, award_id, period_id,
       CASE WHEN staff_id IS NULL THEN 'unit' ELSE 'staff' END AS entity_kind, coalesce(staff_id, unit_id) AS entity_id,
       status, nominated_by, reference
FROM typed_nominations();
