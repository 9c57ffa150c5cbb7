-- Raw tables: every column VARCHAR, exactly as the CSV had it, plus where the row came from.
-- Types are given in stg_*.sql after validation, so DuckDB never guesses the type of an ID.
-- `attributes` holds the extra columns the config declares (org.attributes), name → text.
CREATE TABLE raw_units (file_id INTEGER, record_no BIGINT, unit_id VARCHAR, name VARCHAR, name_en VARCHAR, level VARCHAR, parent_id VARCHAR, head_staff_id VARCHAR, attributes MAP(VARCHAR, VARCHAR));
CREATE TABLE raw_staff (file_id INTEGER, record_no BIGINT, staff_id VARCHAR, name VARCHAR, name_en VARCHAR, unit_id VARCHAR, role VARCHAR, employee_no VARCHAR, attributes MAP(VARCHAR, VARCHAR));
CREATE TABLE raw_events (file_id INTEGER, record_no BIGINT, event_id VARCHAR, date VARCHAR, type VARCHAR, unit_id VARCHAR, staff_id VARCHAR, points VARCHAR, status VARCHAR, source VARCHAR, note VARCHAR, amount VARCHAR, problem VARCHAR, priority VARCHAR);
CREATE TABLE raw_surveys (file_id INTEGER, record_no BIGINT, survey_id VARCHAR, date VARCHAR, unit_id VARCHAR, satisfied VARCHAR, neutral VARCHAR, unsatisfied VARCHAR);
CREATE TABLE raw_checks (file_id INTEGER, record_no BIGINT, check_id VARCHAR, date VARCHAR, unit_id VARCHAR, staff_id VARCHAR, kind VARCHAR, score VARCHAR, checker VARCHAR, signed_by VARCHAR);
CREATE TABLE raw_inspections (file_id INTEGER, record_no BIGINT, inspection_id VARCHAR, date VARCHAR, unit_id VARCHAR, method VARCHAR, minutes VARCHAR, inspector VARCHAR, time VARCHAR);

CREATE TABLE raw_nominations (file_id INTEGER, record_no BIGINT, nomination_id VARCHAR, date VARCHAR, award_id VARCHAR, period_id VARCHAR, unit_id VARCHAR, staff_id VARCHAR, status VARCHAR, nominated_by VARCHAR, reference VARCHAR, note VARCHAR);
CREATE TABLE raw_approvals (file_id INTEGER, record_no BIGINT, approval_id VARCHAR, date VARCHAR, rule_id VARCHAR, award_id VARCHAR, unit_id VARCHAR, staff_id VARCHAR, reference VARCHAR, note VARCHAR);
CREATE TABLE raw_objections (file_id INTEGER, record_no BIGINT, objection_id VARCHAR, date VARCHAR, award_id VARCHAR, period_id VARCHAR, unit_id VARCHAR, staff_id VARCHAR, summary VARCHAR, decision VARCHAR, decided_on VARCHAR);
CREATE TABLE raw_appeals (file_id INTEGER, record_no BIGINT, appeal_id VARCHAR, event_id VARCHAR, date VARCHAR, decision VARCHAR, points VARCHAR, amount VARCHAR, decided_on VARCHAR, note VARCHAR);
CREATE TABLE raw_metrics (file_id INTEGER, record_no BIGINT, metric_id VARCHAR, date VARCHAR, unit_id VARCHAR, staff_id VARCHAR, metric VARCHAR, value VARCHAR, note VARCHAR);
