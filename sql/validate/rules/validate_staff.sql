-- The rules of the staff table that span rows or read the config; each cell on its own is checked
-- by the SQL generated from src/pipeline/tables.ts.
INSERT INTO validation_errors
SELECT 'staff', file_id, record_no, 'staff_id', 'a staff_id used once', again_found(staff_id, first_id)
FROM (SELECT *, row_number() OVER (PARTITION BY lower(staff_id) ORDER BY file_id, record_no) AS nth,
             first_value(staff_id) OVER (PARTITION BY lower(staff_id) ORDER BY file_id, record_no) AS first_id FROM raw_staff WHERE staff_id IS NOT NULL) WHERE nth > 1;
