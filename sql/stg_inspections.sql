CREATE TABLE stg_inspections AS
SELECT inspection_id, as_date(date) AS inspection_date, unit_id, method,
       coalesce(as_number(minutes), 0) AS minutes, coalesce(inspector, '') AS inspector
FROM raw_inspections;
