SELECT metric_id, date AS metric_date, metric, value,
       CASE WHEN staff_id IS NULL THEN 'unit' ELSE 'staff' END AS entity_kind, coalesce(staff_id, unit_id) AS entity_id,
       note, file_id, record_no
FROM typed_metrics();
