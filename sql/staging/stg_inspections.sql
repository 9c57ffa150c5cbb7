SELECT inspection_id, date AS inspection_date, time AS inspection_time, unit_id, method, minutes, inspector
FROM typed_inspections();
