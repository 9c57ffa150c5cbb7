-- Objections (异议) to a candidate of an award list: what they name must exist, and a decision
-- follows its objection. Whether the candidate is on the list is known only once the lists are
-- drawn: sql/validate/validate_objection_candidates.sql, after scoring.
-- The rules of the objections table that span rows or read the config; each cell on its own, and the
-- uniqueness of the table's IDs, are checked by the SQL generated from src/config/tables.ts.
INSERT INTO validation_errors
WITH o AS (SELECT *, as_date(date) AS d FROM raw_objections)
SELECT 'objections', file_id, record_no, 'award_id', 'an award id from the config', quoted(award_id)
FROM o WHERE award_id IS NULL OR award_id NOT IN (SELECT award_id FROM cfg_awards)
UNION ALL
SELECT 'objections', file_id, record_no, 'period_id', 'a period id', quoted(period_id)
FROM o WHERE period_id IS NULL OR period_id NOT IN (SELECT period_id FROM cfg_periods)
UNION ALL
SELECT 'objections', file_id, record_no, 'decided_on', 'the day of the decision, since the decision is ' || quoted(decision), 'an empty value'
FROM o WHERE decision IS NOT NULL AND decided_on IS NULL
UNION ALL
SELECT 'objections', file_id, record_no, 'decided_on', 'an empty value while the decision is empty', quoted(decided_on)
FROM o WHERE decision IS NULL AND decided_on IS NOT NULL
UNION ALL
SELECT 'objections', file_id, record_no, 'decided_on', 'a decision date on or after the day it was received ' || date, quoted(decided_on)
FROM o WHERE as_date(decided_on) < d
UNION ALL
SELECT 'objections', file_id, record_no, 'decided_on', 'a decision date on or before ' || strftime(late_records_end(), '%Y-%m-%d') || ' (90 days after the competition)', quoted(decided_on)
FROM o WHERE as_date(decided_on) > late_records_end();
