-- Winners whose amount expression gave no value (NULL): published as a blank, or summed as 0, it
-- would be wrong either way, so the build stops at the first one.
SELECT award_ord, period_id, entity_kind, entity_id
FROM fct_awards WHERE outcome = 'winner' AND amount IS NULL
ORDER BY award_ord, period_id, entity_kind, entity_id
LIMIT 1;
