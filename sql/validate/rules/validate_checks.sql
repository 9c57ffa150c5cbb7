-- The rules of the checks table that span rows or read the config; each cell on its own, and the
-- uniqueness of the table's IDs, are checked by the SQL generated from src/config/tables.ts.
INSERT INTO validation_errors
-- A check of a person is a check of someone in the unit it names.
SELECT 'checks', c.file_id, c.record_no, 'staff_id', 'a person of unit ' || quoted(c.unit_id), quoted(c.staff_id) || ' of unit ' || quoted(s.unit_id)
FROM raw_checks c JOIN (SELECT DISTINCT staff_id, unit_id FROM raw_staff WHERE staff_id IS NOT NULL) s ON s.staff_id = c.staff_id
WHERE NOT bad_id(c.staff_id) AND s.unit_id IS DISTINCT FROM c.unit_id;
