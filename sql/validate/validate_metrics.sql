INSERT INTO validation_errors
WITH m AS (SELECT *, as_date(date) AS d FROM raw_metrics)
SELECT 'metrics', file_id, record_no, 'metric_id', id_expected(), quoted(metric_id) FROM m WHERE metric_id IS NULL OR bad_id(metric_id)
UNION ALL
SELECT 'metrics', file_id, record_no, 'metric_id', 'a metric_id used once across all metric files', again_found(metric_id, first_id)
FROM (SELECT *, row_number() OVER (PARTITION BY lower(metric_id) ORDER BY file_id, record_no) AS nth,
             first_value(metric_id) OVER (PARTITION BY lower(metric_id) ORDER BY file_id, record_no) AS first_id FROM m WHERE metric_id IS NOT NULL) WHERE nth > 1
UNION ALL
SELECT 'metrics', file_id, record_no, 'date', 'a date written YYYY-MM-DD', date_found(date, 'metrics', 'date') FROM m WHERE d IS NULL
UNION ALL
SELECT 'metrics', file_id, record_no, 'date', competition_span(), quoted(date) FROM m WHERE outside_competition(d)
UNION ALL
SELECT 'metrics', file_id, record_no, 'unit_id', 'exactly one of unit_id and staff_id', not_one_subject_found(unit_id, staff_id)
FROM m WHERE not_one_subject(unit_id, staff_id)
UNION ALL
SELECT 'metrics', file_id, record_no, 'unit_id', 'a unit_id from the units table', unknown_unit_found(unit_id)
FROM m WHERE unit_id IS NOT NULL AND unknown_unit(unit_id)
UNION ALL
SELECT 'metrics', file_id, record_no, 'staff_id', 'a staff_id from the staff table', unknown_staff_found(staff_id)
FROM m WHERE staff_id IS NOT NULL AND unknown_staff(staff_id)
UNION ALL
SELECT 'metrics', file_id, record_no, 'metric',
       'a metric declared in the config’s metrics: ' || coalesce((SELECT string_agg(metric_id, ', ' ORDER BY metric_id) FROM cfg_metrics), 'none declared'), quoted(metric)
FROM m WHERE metric IS NULL OR metric NOT IN (SELECT metric_id FROM cfg_metrics)
UNION ALL
SELECT 'metrics', file_id, record_no, 'value', 'a number', quoted(value) FROM m WHERE value IS NULL OR bad_number(value);
