-- Evaluates the award's expressions on its first $upto candidates: fails if they fail on one of them.
-- Arguments in the order of EXPRESSION_COLUMNS in src/pipeline/award-expressions.ts.
SELECT count(award_when(award_ord, score, target, target_met, rank, rank_from_bottom, rank_count, previous_score,
                        previous_rank, earlier_periods_reached, first_reached_periods_ago, headcount))
     + count(award_amount(award_ord, score, target, target_met, rank, rank_from_bottom, rank_count, previous_score,
                          previous_rank, earlier_periods_reached, first_reached_periods_ago, headcount))
     + count(award_order(award_ord, score, target, target_met, rank, rank_from_bottom, rank_count, previous_score,
                         previous_rank, earlier_periods_reached, first_reached_periods_ago, headcount)) AS evaluated
FROM award_trial_rows WHERE rn <= $upto;
