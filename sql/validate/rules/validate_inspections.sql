-- The rules of the inspections table that span rows or read the config; each cell on its own, and the
-- uniqueness of the table's IDs, are checked by the SQL generated from src/config/tables.ts.
INSERT INTO validation_errors
-- An hourly rule places each inspection of its method and level in an hour: one without a time
-- would be silently left out.
SELECT 'inspections', i.file_id, i.record_no, 'time', 'a time HH:MM: compliance rule "' || min(h.rule_id) || '" counts ' || i.method || ' inspections by the hour', 'an empty value'
FROM raw_inspections i
JOIN raw_units u ON u.unit_id = i.unit_id
JOIN cfg_hourly_cadences h ON h.method = i.method AND h.level_id = u.level
WHERE i.time IS NULL
GROUP BY i.file_id, i.record_no, i.method;
