-- The rules of the approvals table that span rows or read the config; each cell on its own, and the
-- uniqueness of the table's IDs, are checked by the SQL generated from src/config/tables.ts.
INSERT INTO validation_errors
SELECT 'approvals', file_id, record_no, 'rule_id', 'an eligibility rule id from the config', quoted(rule_id)
FROM raw_approvals WHERE rule_id IS NULL OR rule_id NOT IN (SELECT rule_id FROM cfg_eligibility)
UNION ALL
SELECT 'approvals', file_id, record_no, 'award_id', 'an award id from the config, or empty', quoted(award_id)
FROM raw_approvals WHERE award_id IS NOT NULL AND award_id NOT IN (SELECT award_id FROM cfg_awards);
