-- The checks each check_average score is taken over: checks of its subjects' units, of the
-- listed kinds (all kinds when none are listed).
CREATE TABLE int_counted_checks AS
SELECT s.score_id, s.aggregate, c.*
FROM cfg_scores s
JOIN cfg_score_subjects ss ON ss.score_id = s.score_id
JOIN int_entities e ON e.subject = ss.subject AND e.entity_kind = 'unit'
JOIN stg_checks c ON c.unit_id = e.entity_id
WHERE s.model = 'check_average'
  AND (NOT EXISTS (SELECT 1 FROM cfg_score_check_kinds k WHERE k.score_id = s.score_id)
       OR c.kind IN (SELECT k.check_kind FROM cfg_score_check_kinds k WHERE k.score_id = s.score_id));
