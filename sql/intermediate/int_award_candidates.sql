-- Every award candidate with what the award's expressions give: `matched` (the award's `when`
-- and cases), `raw_amount`, `order_value`.
SELECT c.*,
       -- Arguments in the order of EXPRESSION_COLUMNS in src/pipeline/award-expressions.ts.
       award_when(c.award_ord, c.score, c.target, c.target_met, c.rank, c.rank_from_bottom, c.rank_count, c.previous_score,
                  c.previous_rank, c.earlier_periods_reached, c.first_reached_periods_ago, c.headcount) AS matched,
       award_amount(c.award_ord, c.score, c.target, c.target_met, c.rank, c.rank_from_bottom, c.rank_count, c.previous_score,
                    c.previous_rank, c.earlier_periods_reached, c.first_reached_periods_ago, c.headcount) AS raw_amount,
       award_order(c.award_ord, c.score, c.target, c.target_met, c.rank, c.rank_from_bottom, c.rank_count, c.previous_score,
                   c.previous_rank, c.earlier_periods_reached, c.first_reached_periods_ago, c.headcount) AS order_value
FROM int_award_inputs c;
