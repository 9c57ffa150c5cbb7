-- Candidates whose order_by expression gave an infinity or NaN (greatest(score, 1) * 1e308 * 10):
-- DOUBLE holds them without an error, but they order nothing, so a list would be decided by ties.
-- The build stops at the first one.
SELECT award_ord, period_id, entity_kind, entity_id
FROM int_award_candidates WHERE matched AND NOT isfinite(order_value)
ORDER BY award_ord, period_id, entity_kind, entity_id
LIMIT 1;
