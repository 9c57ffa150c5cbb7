-- Every award candidate with what the award's expressions give: `matched` (the award's `when`
-- and cases), `raw_amount`, `order_value`. Each macro reads the standing `c` by column name
-- (src/rules/awards/index.ts).
SELECT c.*,
       award_when(c.award_ord, c) AS matched,
       award_amount(c.award_ord, c) AS raw_amount,
       award_order(c.award_ord, c) AS order_value
FROM int_award_inputs c;
