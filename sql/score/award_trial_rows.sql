-- The candidates of one award ($ord) numbered in a fixed order (period, then entity), so that the
-- first one its expressions fail on can be found. Only built after int_award_candidates failed and
-- was made again with inert macros (its expression columns NULL, its inputs whole).
CREATE OR REPLACE TEMP TABLE award_trial_rows AS
SELECT i.*, row_number() OVER (ORDER BY p.ord, i.entity_kind, i.entity_id) AS rn
FROM int_award_candidates i JOIN cfg_periods p ON p.period_id = i.period_id
WHERE i.award_ord = $ord;
