-- A check with a staff_id scores that person; one without scores its unit (entity_kind, entity_id).
SELECT check_id, date AS check_date, unit_id, staff_id, kind, score, checker, signed_by,
       CASE WHEN staff_id IS NULL THEN 'unit' ELSE 'staff' END AS entity_kind,
       coalesce(staff_id, unit_id) AS entity_id
FROM typed_checks();
