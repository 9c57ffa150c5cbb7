-- A check with a staff_id scores that person; one without scores its unit (entity_kind, entity_id).
SELECT check_id, as_date(date) AS check_date, unit_id, staff_id, kind, as_number(score) AS score,
       coalesce(checker, '') AS checker, coalesce(signed_by, '') AS signed_by,
       CASE WHEN staff_id IS NULL THEN 'unit' ELSE 'staff' END AS entity_kind,
       coalesce(staff_id, unit_id) AS entity_id
FROM raw_checks;
