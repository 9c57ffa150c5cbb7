-- Evaluates the award's expressions on its first $upto candidates: fails if they fail on one of them.
SELECT count(award_when(r.award_ord, r)) + count(award_amount(r.award_ord, r)) + count(award_order(r.award_ord, r)) AS evaluated
FROM award_trial_rows r WHERE r.rn <= $upto;
