-- The rules of the nominations table that span rows or read the config; each cell on its own is checked
-- by the SQL generated from src/pipeline/tables.ts.
INSERT INTO validation_errors
SELECT 'nominations', file_id, record_no, 'nomination_id', 'a nomination_id used once', again_found(nomination_id, first_id)
FROM (SELECT *, row_number() OVER (PARTITION BY lower(nomination_id) ORDER BY file_id, record_no) AS nth,
             first_value(nomination_id) OVER (PARTITION BY lower(nomination_id) ORDER BY file_id, record_no) AS first_id FROM raw_nominations WHERE nomination_id IS NOT NULL) WHERE nth > 1
UNION ALL
SELECT 'nominations', file_id, record_no, 'award_id', 'an award id from the config', quoted(award_id)
FROM raw_nominations WHERE award_id IS NULL OR award_id NOT IN (SELECT award_id FROM cfg_awards)
UNION ALL
SELECT 'nominations', file_id, record_no, 'period_id', 'a period id', quoted(period_id)
FROM raw_nominations WHERE period_id IS NULL OR period_id NOT IN (SELECT period_id FROM cfg_periods);
