INSERT INTO validation_errors
WITH c AS (SELECT *, as_date(date) AS d, as_number(score) AS s FROM raw_checks)
SELECT 'checks', file_id, record_no, 'check_id', id_expected(), quoted(check_id) FROM c WHERE check_id IS NULL OR bad_id(check_id)
UNION ALL
SELECT 'checks', file_id, record_no, 'check_id', 'a check_id used once', quoted(check_id) || ' again'
FROM (SELECT *, row_number() OVER (PARTITION BY check_id ORDER BY file_id, record_no) AS nth FROM c WHERE check_id IS NOT NULL) WHERE nth > 1
UNION ALL
SELECT 'checks', file_id, record_no, 'date', 'a date written YYYY-MM-DD', quoted(date) FROM c WHERE d IS NULL
UNION ALL
SELECT 'checks', file_id, record_no, 'date', competition_span(), quoted(date) FROM c WHERE outside_competition(d)
UNION ALL
SELECT 'checks', file_id, record_no, 'unit_id', 'a unit_id from the units table', unknown_unit_found(unit_id)
FROM c WHERE unknown_unit(unit_id)
UNION ALL
SELECT 'checks', file_id, record_no, 'kind', id_expected(), quoted(kind) FROM c WHERE kind IS NULL OR bad_id(kind)
UNION ALL
SELECT 'checks', file_id, record_no, 'score', 'a score from 0 to 100', quoted(score) FROM c WHERE s IS NULL OR s < 0 OR s > 100;
