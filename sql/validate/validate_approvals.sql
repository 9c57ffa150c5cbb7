INSERT INTO validation_errors
WITH a AS (SELECT *, as_date(date) AS d FROM raw_approvals)
SELECT 'approvals', file_id, record_no, 'approval_id', id_expected(), quoted(approval_id) FROM a WHERE approval_id IS NULL OR bad_id(approval_id)
UNION ALL
SELECT 'approvals', file_id, record_no, 'approval_id', 'an approval_id used once', again_found(approval_id, first_id)
FROM (SELECT *, row_number() OVER (PARTITION BY lower(approval_id) ORDER BY file_id, record_no) AS nth,
             first_value(approval_id) OVER (PARTITION BY lower(approval_id) ORDER BY file_id, record_no) AS first_id FROM a WHERE approval_id IS NOT NULL) WHERE nth > 1
UNION ALL
SELECT 'approvals', file_id, record_no, 'date', 'a date written YYYY-MM-DD', date_found(date, 'approvals', 'date') FROM a WHERE d IS NULL
UNION ALL
SELECT 'approvals', file_id, record_no, 'date',
       'a date from ' || strftime((SELECT start_date FROM cfg_competition), '%Y-%m-%d') || ' to ' || strftime(late_records_end(), '%Y-%m-%d') || ' (the competition and 90 days after it)', quoted(date)
FROM a WHERE d < (SELECT start_date FROM cfg_competition) OR d > late_records_end()
UNION ALL
SELECT 'approvals', file_id, record_no, 'rule_id', 'an eligibility rule id from the config', quoted(rule_id)
FROM a WHERE rule_id IS NULL OR rule_id NOT IN (SELECT rule_id FROM cfg_eligibility)
UNION ALL
SELECT 'approvals', file_id, record_no, 'award_id', 'an award id from the config, or empty', quoted(award_id)
FROM a WHERE award_id IS NOT NULL AND award_id NOT IN (SELECT award_id FROM cfg_awards)
UNION ALL
SELECT 'approvals', file_id, record_no, 'unit_id', 'exactly one of unit_id and staff_id', not_one_subject_found(unit_id, staff_id)
FROM a WHERE not_one_subject(unit_id, staff_id)
UNION ALL
SELECT 'approvals', file_id, record_no, 'unit_id', 'a unit_id from the units table', unknown_unit_found(unit_id)
FROM a WHERE unit_id IS NOT NULL AND unknown_unit(unit_id)
UNION ALL
SELECT 'approvals', file_id, record_no, 'staff_id', 'a staff_id from the staff table', unknown_staff_found(staff_id)
FROM a WHERE staff_id IS NOT NULL AND unknown_staff(staff_id)
UNION ALL
SELECT 'approvals', file_id, record_no, 'reference', 'the approval’s document number', 'an empty value' FROM a WHERE reference IS NULL;
