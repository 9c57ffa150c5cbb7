-- Indicators and rubric totals: the sum of their parts (int_composite_parts).
CREATE TABLE int_composite_scores AS
SELECT period_id, score_id, entity_kind, entity_id, round(sum(amount), 6)::DECIMAL(18, 6) AS score
FROM int_composite_parts
GROUP BY ALL;
