SELECT nomination_id, as_date(date) AS nomination_date, award_id, period_id,
       CASE WHEN staff_id IS NULL THEN 'unit' ELSE 'staff' END AS entity_kind, coalesce(staff_id, unit_id) AS entity_id,
       status, coalesce(nominated_by, '') AS nominated_by, coalesce(reference, '') AS reference
FROM raw_nominations;
