-- The rules of the nominations table that span rows or read the config; each cell on its own, and the
-- uniqueness of the table's IDs, are checked by the SQL generated from src/config/tables.ts.
INSERT INTO validation_errors
SELECT 'nominations', file_id, record_no, 'award_id', 'an award id from the config', quoted(award_id)
FROM raw_nominations WHERE award_id IS NULL OR award_id NOT IN (SELECT award_id FROM cfg_awards)
UNION ALL
SELECT 'nominations', file_id, record_no, 'period_id', 'a period id', quoted(period_id)
FROM raw_nominations WHERE period_id IS NULL OR period_id NOT IN (SELECT period_id FROM cfg_periods);
