-- The rules of the inspections table that span rows or read the config; each cell on its own is checked
-- by the SQL generated from src/pipeline/tables.ts.
INSERT INTO validation_errors
SELECT 'inspections', file_id, record_no, 'inspection_id', 'an inspection_id used once', again_found(inspection_id, first_id)
FROM (SELECT *, row_number() OVER (PARTITION BY lower(inspection_id) ORDER BY file_id, record_no) AS nth,
             first_value(inspection_id) OVER (PARTITION BY lower(inspection_id) ORDER BY file_id, record_no) AS first_id FROM raw_inspections WHERE inspection_id IS NOT NULL) WHERE nth > 1
UNION ALL
-- An hourly rule places each inspection of its method and level in an hour: one without a time
-- would be silently left out.
SELECT 'inspections', i.file_id, i.record_no, 'time', 'a time HH:MM: compliance rule "' || min(h.rule_id) || '" counts ' || i.method || ' inspections by the hour', 'an empty value'
FROM raw_inspections i
JOIN raw_units u ON u.unit_id = i.unit_id
JOIN cfg_hourly_cadences h ON h.method = i.method AND h.level_id = u.level
WHERE i.time IS NULL
GROUP BY i.file_id, i.record_no, i.method;
