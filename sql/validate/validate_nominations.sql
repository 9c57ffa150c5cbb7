INSERT INTO validation_errors
WITH n AS (SELECT *, as_date(date) AS d FROM raw_nominations)
SELECT 'nominations', file_id, record_no, 'nomination_id', id_expected(), quoted(nomination_id) FROM n WHERE nomination_id IS NULL OR bad_id(nomination_id)
UNION ALL
SELECT 'nominations', file_id, record_no, 'nomination_id', 'a nomination_id used once', again_found(nomination_id, first_id)
FROM (SELECT *, row_number() OVER (PARTITION BY lower(nomination_id) ORDER BY file_id, record_no) AS nth,
             first_value(nomination_id) OVER (PARTITION BY lower(nomination_id) ORDER BY file_id, record_no) AS first_id FROM n WHERE nomination_id IS NOT NULL) WHERE nth > 1
UNION ALL
SELECT 'nominations', file_id, record_no, 'date', 'a date written YYYY-MM-DD', date_found(date, 'nominations', 'date') FROM n WHERE d IS NULL
UNION ALL
SELECT 'nominations', file_id, record_no, 'date',
       'a date from ' || strftime((SELECT start_date FROM cfg_competition), '%Y-%m-%d') || ' to ' || strftime(late_records_end(), '%Y-%m-%d') || ' (the competition and 90 days after it)', quoted(date)
FROM n WHERE d < (SELECT start_date FROM cfg_competition) OR d > late_records_end()
UNION ALL
SELECT 'nominations', file_id, record_no, 'award_id', 'an award id from the config', quoted(award_id)
FROM n WHERE award_id IS NULL OR award_id NOT IN (SELECT award_id FROM cfg_awards)
UNION ALL
SELECT 'nominations', file_id, record_no, 'period_id', 'a period id', quoted(period_id)
FROM n WHERE period_id IS NULL OR period_id NOT IN (SELECT period_id FROM cfg_periods)
UNION ALL
SELECT 'nominations', file_id, record_no, 'unit_id', 'exactly one of unit_id and staff_id', not_one_subject_found(unit_id, staff_id)
FROM n WHERE not_one_subject(unit_id, staff_id)
UNION ALL
SELECT 'nominations', file_id, record_no, 'unit_id', 'a unit_id from the units table', unknown_unit_found(unit_id)
FROM n WHERE unit_id IS NOT NULL AND unknown_unit(unit_id)
UNION ALL
SELECT 'nominations', file_id, record_no, 'staff_id', 'a staff_id from the staff table', unknown_staff_found(staff_id)
FROM n WHERE staff_id IS NOT NULL AND unknown_staff(staff_id)
UNION ALL
SELECT 'nominations', file_id, record_no, 'status', 'nominated, withdrawn, objection_upheld or selected', quoted(status)
FROM n WHERE status IS NULL OR status NOT IN ('nominated', 'withdrawn', 'objection_upheld', 'selected');
