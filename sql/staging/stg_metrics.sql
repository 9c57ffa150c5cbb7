SELECT metric_id, as_date(date) AS metric_date, metric, as_number(value) AS value,
       CASE WHEN staff_id IS NULL THEN 'unit' ELSE 'staff' END AS entity_kind, coalesce(staff_id, unit_id) AS entity_id,
       coalesce(note, '') AS note, file_id, record_no
FROM raw_metrics;
