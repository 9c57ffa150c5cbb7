INSERT INTO validation_errors
SELECT 'staff', file_id, record_no, 'staff_id', id_expected(), quoted(staff_id) FROM raw_staff WHERE staff_id IS NULL OR bad_id(staff_id)
UNION ALL
SELECT 'staff', file_id, record_no, 'staff_id', 'a staff_id used once', again_found(staff_id, first_id)
FROM (SELECT *, row_number() OVER (PARTITION BY lower(staff_id) ORDER BY file_id, record_no) AS nth,
             first_value(staff_id) OVER (PARTITION BY lower(staff_id) ORDER BY file_id, record_no) AS first_id FROM raw_staff WHERE staff_id IS NOT NULL) WHERE nth > 1
UNION ALL
SELECT 'staff', file_id, record_no, 'name', 'a name', quoted(name) FROM raw_staff WHERE name IS NULL
UNION ALL
SELECT 'staff', file_id, record_no, 'unit_id', 'a unit_id from the units table', unknown_unit_found(unit_id)
FROM raw_staff WHERE unknown_unit(unit_id);
