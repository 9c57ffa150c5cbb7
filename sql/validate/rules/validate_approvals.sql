-- The rules of the approvals table that span rows or read the config; each cell on its own is checked
-- by the SQL generated from src/pipeline/tables.ts.
INSERT INTO validation_errors
SELECT 'approvals', file_id, record_no, 'approval_id', 'an approval_id used once', again_found(approval_id, first_id)
FROM (SELECT *, row_number() OVER (PARTITION BY lower(approval_id) ORDER BY file_id, record_no) AS nth,
             first_value(approval_id) OVER (PARTITION BY lower(approval_id) ORDER BY file_id, record_no) AS first_id FROM raw_approvals WHERE approval_id IS NOT NULL) WHERE nth > 1
UNION ALL
SELECT 'approvals', file_id, record_no, 'rule_id', 'an eligibility rule id from the config', quoted(rule_id)
FROM raw_approvals WHERE rule_id IS NULL OR rule_id NOT IN (SELECT rule_id FROM cfg_eligibility)
UNION ALL
SELECT 'approvals', file_id, record_no, 'award_id', 'an award id from the config, or empty', quoted(award_id)
FROM raw_approvals WHERE award_id IS NOT NULL AND award_id NOT IN (SELECT award_id FROM cfg_awards);
