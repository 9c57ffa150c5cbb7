SELECT inspection_id, as_date(date) AS inspection_date, as_time(time) AS inspection_time, unit_id, method,
       coalesce(as_number(minutes), 0) AS minutes, coalesce(inspector, '') AS inspector
FROM raw_inspections;
