-- One score per period, score and entity: the span periods' scores (int_scores, scored stage by
-- stage) and the combined periods' (int_combined_scores), each within its floor and cap.
SELECT period_id, score_id, entity_kind, entity_id, score FROM int_scores
UNION ALL
SELECT period_id, score_id, entity_kind, entity_id, score FROM int_combined_scores;
