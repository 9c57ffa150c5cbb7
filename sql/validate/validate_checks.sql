INSERT INTO validation_errors
WITH c AS (SELECT *, as_date(date) AS d, as_number(score) AS s FROM raw_checks)
SELECT 'checks', file_id, record_no, 'check_id', id_expected(), quoted(check_id) FROM c WHERE check_id IS NULL OR bad_id(check_id)
UNION ALL
SELECT 'checks', file_id, record_no, 'check_id', 'a check_id used once', again_found(check_id, first_id)
FROM (SELECT *, row_number() OVER (PARTITION BY lower(check_id) ORDER BY file_id, record_no) AS nth,
             first_value(check_id) OVER (PARTITION BY lower(check_id) ORDER BY file_id, record_no) AS first_id FROM c WHERE check_id IS NOT NULL) WHERE nth > 1
UNION ALL
SELECT 'checks', file_id, record_no, 'date', 'a date written YYYY-MM-DD', date_found(date, 'checks', 'date') FROM c WHERE d IS NULL
UNION ALL
SELECT 'checks', file_id, record_no, 'date', competition_span(), quoted(date) FROM c WHERE outside_competition(d)
UNION ALL
SELECT 'checks', file_id, record_no, 'unit_id', 'a unit_id from the units table', unknown_unit_found(unit_id)
FROM c WHERE unknown_unit(unit_id)
UNION ALL
SELECT 'checks', file_id, record_no, 'staff_id', id_expected(), quoted(staff_id) FROM c WHERE bad_id(staff_id)
UNION ALL
SELECT 'checks', c.file_id, c.record_no, 'staff_id',
       CASE WHEN s.staff_id IS NULL THEN 'a staff_id from the staff table' ELSE 'a person of unit ' || quoted(c.unit_id) END,
       CASE WHEN s.staff_id IS NULL THEN 'no staff ' || quoted(c.staff_id) ELSE quoted(c.staff_id) || ' of unit ' || quoted(s.unit_id) END
FROM c LEFT JOIN (SELECT DISTINCT staff_id, unit_id FROM raw_staff WHERE staff_id IS NOT NULL) s ON s.staff_id = c.staff_id
WHERE c.staff_id IS NOT NULL AND NOT bad_id(c.staff_id) AND (s.staff_id IS NULL OR s.unit_id IS DISTINCT FROM c.unit_id)
UNION ALL
SELECT 'checks', file_id, record_no, 'kind', id_expected(), quoted(kind) FROM c WHERE kind IS NULL OR bad_id(kind)
UNION ALL
SELECT 'checks', file_id, record_no, 'score', 'a score from 0 to 100', quoted(score) FROM c WHERE s IS NULL OR s < 0 OR s > 100;
